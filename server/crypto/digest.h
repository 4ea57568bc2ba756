#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace keyward::crypto {

// Bytes from the operating system's CSPRNG (OpenSSL RAND_bytes). Aborts rather than return weak bytes.
QByteArray randomBytes(int count);
// `bytes` random bytes as unpadded base64url, e.g. refresh tokens and JWT ids.
QString randomToken(int bytes = 32);

QByteArray sha256(QByteArrayView data);
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);
// HKDF-SHA256 (RFC 5869): derives independent keys for separate purposes from the master key.
QByteArray hkdfSha256(QByteArrayView key, QByteArrayView info, int length = 32);

// Compares secrets in time independent of where they differ.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

QByteArray base64Url(QByteArrayView data);
// Strict unpadded base64url; returns a null QByteArray on any invalid character.
QByteArray fromBase64Url(QByteArrayView text);

// Overwrites a buffer that held a secret before it is released.
void wipe(QByteArray &secret);
// Frees OpenSSL's state of the calling thread (its random generator); a thread's last work, like
// Database::releaseThread, so nothing of it is left to run while the process exits.
void releaseThread();

} // namespace keyward::crypto
