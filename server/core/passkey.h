#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace keyward {

// A WebAuthn public-key credential a user signs in with.
struct Passkey {
    QString id;
    QString userId;
    QByteArray credentialId; // the authenticator's id for it
    QString publicKey;       // a public JWK, JSON text
    int algorithm = 0;       // COSE: -7 ES256, -257 RS256, -8 EdDSA
    qint64 signCount = 0;
    QByteArray aaguid;           // the authenticator model; zeros when it does not say
    QString attestation;         // none | self | basic
    bool backupEligible = false; // a synced passkey, or one that may become one
    bool backedUp = false;
    QStringList transports;
    QString name;
    qint64 createdAt = 0;
    qint64 lastUsedAt = 0;
};

} // namespace keyward
