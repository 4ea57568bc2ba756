#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace keyward::crypto {

// An asymmetric JWS key: RS256 (RSA 2048, PKCS#1 v1.5), EdDSA (Ed25519) or ES256 (P-256,
// signatures in JOSE's fixed-size r||s form). Copies share the same immutable key.
class SigningKey {
public:
    static bool isSupported(const QString &algorithm);
    static std::optional<SigningKey> generate(const QString &algorithm);
    static std::optional<SigningKey> fromPem(const QString &algorithm, QByteArrayView pem);
    // A JWK (RFC 7517/7518/8037), public or private; the algorithm follows from kty/crv.
    static std::optional<SigningKey> fromJwk(const QJsonObject &jwk);
    // Why a public JWK someone else hands in is unfit to check their signatures: not a key this
    // class reads, RSA under 2048 bits, with an exponent other than an odd one of at least 65537
    // (e = 1 lets anyone sign) or failing OpenSSL's public key check (a prime or even modulus), an
    // Ed25519 point of small order (the identity verifies a forged signature), or a key declared
    // for something else than signing. Empty when it is fit.
    static QString weakPublicJwk(const QJsonObject &jwk);

    const QString &algorithm() const { return m_algorithm; }
    bool hasPrivateKey() const;
    QByteArray privatePem() const;
    QByteArray publicPem() const;
    // The public half as a JWK with kid, alg and use, as JWKS consumers expect it.
    QJsonObject publicJwk(const QString &kid) const;

    // An ECDSA P-256 signature in DER (as X.509 and WebAuthn carry it) as JOSE's r||s, which
    // verify() takes; empty when it is not one.
    static QByteArray ecdsaDerToJose(QByteArrayView der);

    // Empty on failure (no private key).
    QByteArray sign(QByteArrayView data) const;
    bool verify(QByteArrayView data, QByteArrayView signature) const;

private:
    struct Key;
    SigningKey(std::shared_ptr<const Key> key, QString algorithm);

    std::shared_ptr<const Key> m_key;
    QString m_algorithm;
};

} // namespace keyward::crypto
