#pragma once

#include "crypto/signing_key.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace keyward::test {

// RFC 8949 CBOR as WebAuthn uses it (definite lengths), written independently of libcbor, which
// Keyward reads with.
namespace cbor {
QByteArray head(int major, quint64 value);
QByteArray integer(qint64 value);
QByteArray bytes(const QByteArray &value);
QByteArray text(const char *value);
QByteArray map(const QList<QPair<QByteArray, QByteArray>> &pairs);
QByteArray array(const QList<QByteArray> &items);
} // namespace cbor

// An authenticator in the test: one credential (a fresh key of `jwsAlgorithm`: ES256, RS256 or
// EdDSA), its signature counter, and the browser's JSON for its ceremonies.
class SoftwareAuthenticator {
public:
    static constexpr quint8 UserPresent = 0x01, UserVerified = 0x04, AttestedData = 0x40;

    explicit SoftwareAuthenticator(const QString &jwsAlgorithm = QStringLiteral("ES256"));

    int algorithm() const { return m_alg; }
    QByteArray cose() const { return m_cose; }
    QByteArray credentialId;
    quint32 counter = 0;
    QByteArray userHandle; // set at registration

    // A signature as WebAuthn carries it (ES256 in DER).
    QByteArray sign(const QByteArray &data) const;
    // rpIdHash | flags | counter [| attested credential data with this credential].
    QByteArray authenticatorData(const QString &rpId, quint8 flags, bool withCredential) const;

    // RegistrationResponseJSON for the server's creation `options`, as if run at `origin`
    // ('none' attestation, or 'packed' self attestation).
    QJsonObject registration(const QJsonObject &options, const QString &origin, bool packed = false,
                             quint8 flags = UserPresent | UserVerified, const QString &rpId = {});
    // AuthenticationResponseJSON for the server's request `options`; the counter moves on by one.
    QJsonObject assertion(const QJsonObject &options, const QString &origin, quint8 flags = UserPresent | UserVerified,
                          const QString &rpId = {});

private:
    crypto::SigningKey m_key;
    int m_alg;
    QByteArray m_cose;
};

} // namespace keyward::test
