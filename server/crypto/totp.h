#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace keyward::crypto {

// RFC 4648 base32 (upper case, no padding on output; padding and case are accepted on input).
QString base32Encode(const QByteArray &data);
std::optional<QByteArray> base32Decode(const QString &text);

// TOTP (RFC 6238) with HMAC-SHA1, the algorithm every authenticator app implements.
class Totp {
public:
    static constexpr int StepSeconds = 30;

    static QString code(const QByteArray &secret, qint64 unixSeconds, int digits = 6);
    // The time step whose code matches within +/- `window` steps of now, or nullopt. Callers keep the
    // last accepted step to refuse replays.
    static std::optional<qint64> match(const QByteArray &secret, const QString &code, qint64 unixSeconds,
                                       int window = 1, int digits = 6);
    static QString otpauthUri(const QString &issuer, const QString &account, const QByteArray &secret);
};

} // namespace keyward::crypto
