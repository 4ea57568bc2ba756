#include "mailer.h"

#include "core/clock.h"
#include "core/logging.h"
#include "crypto/digest.h"
#include "settings_service.h"

#include <QDateTime>
#include <QLocale>

#include <curl/curl.h>

#include <mutex>

namespace keyward {

namespace {

// Non-ASCII header text as an RFC 2047 encoded word.
QByteArray headerText(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7f; }))
        return utf8;
    return "=?UTF-8?B?" + utf8.toBase64() + "?=";
}

struct Upload {
    QByteArray data;
    qsizetype offset = 0;
};

size_t readUpload(char *buffer, size_t size, size_t count, void *userdata)
{
    auto *u = static_cast<Upload *>(userdata);
    const size_t n = qMin(size * count, static_cast<size_t>(u->data.size() - u->offset));
    std::memcpy(buffer, u->data.constData() + u->offset, n);
    u->offset += static_cast<qsizetype>(n);
    return n;
}

bool validAddress(const QString &address)
{
    return !address.isEmpty() && !address.contains(QLatin1Char('\r')) && !address.contains(QLatin1Char('\n')) &&
           !address.contains(QLatin1Char('<')) && !address.contains(QLatin1Char('>'));
}

} // namespace

Mailer::Mailer(SettingsService &settings, std::function<void()> releaseThread)
    : m_settings(settings)
    , m_releaseThread(std::move(releaseThread))
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_queue.setMaxThreadCount(1);
}

Mailer::~Mailer()
{
    m_queue.waitForDone();
}

QByteArray Mailer::compose(const MailMessage &m, const QString &sender, qint64 nowMs)
{
    const QString date = QLocale::c().toString(QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC),
                                               QStringLiteral("ddd, dd MMM yyyy HH:mm:ss '+0000'"));
    const QString domain = sender.section(QLatin1Char('@'), 1);
    QByteArray out;
    out += "Date: " + date.toLatin1() + "\r\n";
    out += "From: <" + sender.toUtf8() + ">\r\n";
    out += "To: <" + m.to.toUtf8() + ">\r\n";
    out += "Subject: " + headerText(m.subject) + "\r\n";
    out += "Message-ID: <" + crypto::randomBytes(12).toHex() + "@" + domain.toUtf8() + ">\r\n";
    out += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    const QByteArray body = m.body.toUtf8().toBase64();
    for (qsizetype i = 0; i < body.size(); i += 76)
        out += body.mid(i, 76) + "\r\n";
    return out;
}

Status Mailer::send(const MailMessage &m)
{
    const RuntimeSettings s = m_settings.current();
    if (s.smtpHost.isEmpty() || s.smtpSender.isEmpty())
        return ApiError::serviceUnavailable(QStringLiteral("Mail is not configured (smtp.host, smtp.sender)."), 0);
    if (!validAddress(m.to) || !validAddress(s.smtpSender))
        return ApiError::validation(QStringLiteral("to"), QStringLiteral("invalid_format"),
                                    QStringLiteral("Not a usable mail address."));
    CURL *curl = curl_easy_init();
    if (!curl)
        return ApiError::internal();
    const QByteArray url = (s.smtpSecurity == QLatin1String("tls") ? "smtps://" : "smtp://") + s.smtpHost.toUtf8() +
                           ':' + QByteArray::number(s.smtpPort);
    const QByteArray from = "<" + s.smtpSender.toUtf8() + ">";
    const QByteArray to = "<" + m.to.toUtf8() + ">";
    const QByteArray user = s.smtpUsername.toUtf8();
    QByteArray password = s.smtpPassword.toUtf8();
    Upload upload{compose(m, s.smtpSender, Clock::system().nowMs())};
    curl_slist *recipients = curl_slist_append(nullptr, to.constData());
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readUpload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 5L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    if (s.smtpSecurity == QLatin1String("starttls"))
        curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL)); // never fall back to plain text
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }
    const CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    crypto::wipe(password);
    if (rc != CURLE_OK) {
        qCWarning(lcServices).noquote() << "mail to" << m.to.section(QLatin1Char('@'), 1)
                                        << "failed:" << curl_easy_strerror(rc);
        return ApiError::serviceUnavailable(QStringLiteral("The mail server did not accept the message."), 60);
    }
    return success();
}

void Mailer::enqueue(MailMessage message)
{
    m_queue.start([this, message = std::move(message)] {
        (void)send(message);
        if (m_releaseThread)
            m_releaseThread();
    });
}

} // namespace keyward
