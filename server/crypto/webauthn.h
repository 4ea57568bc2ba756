#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

// What a relying party checks of a WebAuthn (Level 2) authenticator's bytes: the authenticator data,
// the credential's COSE public key, the attestation statement (formats none and packed) and an
// assertion's signature. CBOR is read with libcbor; keys go to OpenSSL through SigningKey's JWK
// reader, so a credential key passes the same weak-key checks as any key handed to Keyward.
namespace keyward::crypto::webauthn {

// The COSE algorithms (RFC 9053, RFC 8812) a credential may use.
inline constexpr int EdDSA = -8;
inline constexpr int ES256 = -7;
inline constexpr int RS256 = -257;

// Larger CBOR than this is refused unread: an attestation with a certificate chain is a few KiB.
inline constexpr qsizetype MaxCborBytes = 16 * 1024;

struct AuthenticatorData {
    QByteArray rpIdHash;
    quint8 flags = 0;
    quint32 signCount = 0;
    // Attested credential data (registration only).
    QByteArray aaguid;
    QByteArray credentialId;
    QByteArray credentialKey; // its COSE_Key, as the authenticator encoded it

    bool userPresent() const { return flags & 0x01; }
    bool userVerified() const { return flags & 0x04; }
    bool backupEligible() const { return flags & 0x08; }
    bool backedUp() const { return flags & 0x10; }
    bool hasCredential() const { return flags & 0x40; }
};

// nullopt, with why in `error`, when the bytes are not authenticator data.
std::optional<AuthenticatorData> parseAuthenticatorData(QByteArrayView bytes, QString *error);

// A credential's public key: its COSE algorithm, and the key as a public JWK.
struct CredentialKey {
    int algorithm = 0;
    QJsonObject jwk;
};

// An EC2 P-256 key for ES256, an RSA key of at least 2048 bits for RS256, or an OKP Ed25519 key for
// EdDSA, each declaring its algorithm; nullopt, with why, for anything else or a weak key.
std::optional<CredentialKey> readCoseKey(QByteArrayView cose, QString *error);

struct Attestation {
    QString format; // none | packed
    QString type;   // none | self | basic (packed with a certificate Keyward does not chain to a root)
    AuthenticatorData authData;
    CredentialKey key;
};

// An attestation object as WebAuthn L2 §7.1 steps 11–21 check it, but for the relying party's own
// values (rpIdHash, flags, algorithm), which the caller checks: the authenticator data holds a
// credential, and the statement is a valid `none` or `packed` one over it and `clientDataHash`.
std::optional<Attestation> verifyAttestation(QByteArrayView attestationObject, QByteArrayView clientDataHash,
                                             QString *error);

// An assertion's signature over authenticatorData || clientDataHash, made with `key`.
bool verifyAssertion(const CredentialKey &key, QByteArrayView authenticatorData, QByteArrayView clientDataHash,
                     QByteArrayView signature);

} // namespace keyward::crypto::webauthn
