#include "totp.h"

#include "digest.h"

#include <QUrl>

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace keyward::crypto {

namespace {
const char Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
}

QString base32Encode(const QByteArray &data)
{
    QString out;
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : data) {
        buffer = (buffer << 8) | static_cast<quint8>(byte);
        bits += 8;
        while (bits >= 5) {
            out.append(QLatin1Char(Alphabet[(buffer >> (bits - 5)) & 31]));
            bits -= 5;
        }
    }
    if (bits > 0)
        out.append(QLatin1Char(Alphabet[(buffer << (5 - bits)) & 31]));
    return out;
}

std::optional<QByteArray> base32Decode(const QString &text)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('=') || c == QLatin1Char(' '))
            continue;
        const char u = static_cast<char>(c.toUpper().toLatin1());
        const char *pos = u ? std::strchr(Alphabet, u) : nullptr;
        if (!pos)
            return std::nullopt;
        buffer = (buffer << 5) | static_cast<quint32>(pos - Alphabet);
        bits += 5;
        if (bits >= 8) {
            out.append(static_cast<char>((buffer >> (bits - 8)) & 0xFF));
            bits -= 8;
        }
    }
    return out;
}

QString Totp::code(const QByteArray &secret, qint64 unixSeconds, int digits)
{
    const quint64 counter = static_cast<quint64>(unixSeconds / StepSeconds);
    unsigned char message[8];
    for (int i = 7; i >= 0; --i)
        message[7 - i] = static_cast<unsigned char>(counter >> (8 * i));
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha1(), secret.constData(), static_cast<int>(secret.size()), message, sizeof message, mac, &length);
    // RFC 4226 section 5.3: dynamic truncation.
    const int offset = mac[length - 1] & 0x0F;
    const quint32 binary = (static_cast<quint32>(mac[offset] & 0x7F) << 24) |
                           (static_cast<quint32>(mac[offset + 1]) << 16) |
                           (static_cast<quint32>(mac[offset + 2]) << 8) | static_cast<quint32>(mac[offset + 3]);
    quint32 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    return QStringLiteral("%1").arg(binary % modulus, digits, 10, QLatin1Char('0'));
}

std::optional<qint64> Totp::match(const QByteArray &secret, const QString &code, qint64 unixSeconds, int window,
                                  int digits)
{
    if (code.size() != digits)
        return std::nullopt;
    const qint64 step = unixSeconds / StepSeconds;
    std::optional<qint64> matched;
    // Every candidate is computed and compared in constant time, so timing tells nothing of which matched.
    for (qint64 s = step - window; s <= step + window; ++s) {
        if (constantTimeEquals(Totp::code(secret, s * StepSeconds, digits).toLatin1(), code.toLatin1()) && !matched)
            matched = s;
    }
    return matched;
}

QString Totp::otpauthUri(const QString &issuer, const QString &account, const QByteArray &secret)
{
    const QString label = QString::fromLatin1(QUrl::toPercentEncoding(issuer)) + QLatin1Char(':') +
                          QString::fromLatin1(QUrl::toPercentEncoding(account));
    return QStringLiteral("otpauth://totp/%1?secret=%2&issuer=%3&algorithm=SHA1&digits=6&period=30")
        .arg(label, base32Encode(secret), QString::fromLatin1(QUrl::toPercentEncoding(issuer)));
}

} // namespace keyward::crypto
