#include "smtp_sink.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>

namespace keyward::test {

SmtpSink::SmtpSink()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    const QString maildir = m_dir.filePath(QStringLiteral("mail"));
    m_process.start(QStringLiteral("/usr/bin/python3"),
                    {QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n"), QStringLiteral("-l"),
                     QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-c"),
                     QStringLiteral("aiosmtpd.handlers.Mailbox"), maildir});
    if (!m_process.waitForStarted(10000))
        return;
    const QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(200)) {
            m_port = port;
            return;
        }
        QThread::msleep(100);
    }
}

SmtpSink::~SmtpSink()
{
    m_process.kill();
    m_process.waitForFinished(5000);
}

QList<ReceivedMail> SmtpSink::messages(int count, int timeoutMs) const
{
    const QDir dir(m_dir.filePath(QStringLiteral("mail/new")));
    const QDeadlineTimer deadline(timeoutMs);
    QFileInfoList files;
    do {
        files = dir.entryInfoList(QDir::Files);
        if (files.size() >= count)
            break;
        QThread::msleep(50);
    } while (!deadline.hasExpired());
    // Maildir names start "<seconds>.M<microseconds>P...": order by that, not by coarse mtimes.
    const auto arrival = [](const QFileInfo &f) {
        const QStringList parts = f.fileName().split(QLatin1Char('.'));
        const QString micros = parts.value(1).mid(1).section(QLatin1Char('P'), 0, 0);
        return qMakePair(parts.value(0).toLongLong(), micros.toLongLong());
    };
    std::sort(files.begin(), files.end(),
              [&](const QFileInfo &a, const QFileInfo &b) { return arrival(a) < arrival(b); });
    QList<ReceivedMail> out;
    for (const QFileInfo &info : std::as_const(files)) {
        QFile f(info.filePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray raw = f.readAll();
        const qsizetype split = raw.indexOf("\n\n");
        const QString head = QString::fromUtf8(raw.left(split));
        ReceivedMail m;
        static const QRegularExpression to(QStringLiteral("^To: <?([^>\\r\\n]+)>?"),
                                           QRegularExpression::MultilineOption);
        static const QRegularExpression subject(QStringLiteral("^Subject: (.*)$"), QRegularExpression::MultilineOption);
        m.to = to.match(head).captured(1).trimmed();
        m.subject = subject.match(head).captured(1).trimmed();
        m.body = QString::fromUtf8(QByteArray::fromBase64(raw.mid(split + 2)));
        out.append(m);
    }
    return out;
}

} // namespace keyward::test
