#pragma once

#include <QProcess>
#include <QTemporaryDir>

namespace keyward::test {

struct ReceivedMail {
    QString to;
    QString subject;
    QString body;
};

// A real SMTP server on loopback (Debian's python3-aiosmtpd) that stores what it receives in a
// Maildir, for tests that follow links out of delivered mail.
class SmtpSink {
public:
    SmtpSink();
    ~SmtpSink();

    bool ok() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    // Waits up to `timeoutMs` for at least `count` messages and returns them, oldest first.
    QList<ReceivedMail> messages(int count = 1, int timeoutMs = 10000) const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace keyward::test
