#pragma once

#include "core/result.h"

#include <QString>
#include <QThreadPool>
#include <functional>

namespace keyward {

class SettingsService;

struct MailMessage {
    QString to;
    QString subject;
    QString body; // plain text, UTF-8
};

// Sends mail through the SMTP server in the settings (libcurl: plain, STARTTLS required, or implicit
// TLS; optional login). send() delivers now; enqueue() hands the message to a single background
// thread, so a request never waits for, or is timed by, the mail server.
class Mailer {
public:
    // `releaseThread` ends each background job (Services::releaseThread): the pool's thread may
    // expire after the job, and what it opened (a database connection for the settings, OpenSSL
    // state for TLS) must be let go while the thread still runs.
    Mailer(SettingsService &settings, std::function<void()> releaseThread);
    ~Mailer();

    Status send(const MailMessage &message);
    void enqueue(MailMessage message);
    void waitForQueue() { m_queue.waitForDone(); }

    // The RFC 5322 text that send() transmits (exposed for tests).
    static QByteArray compose(const MailMessage &message, const QString &sender, qint64 nowMs);

private:
    SettingsService &m_settings;
    std::function<void()> m_releaseThread;
    QThreadPool m_queue;
};

} // namespace keyward
