#pragma once

#include <QString>
#include <QStringList>

namespace keyward {

// An application that signs its users in through Keyward's OpenID Connect provider.
struct OAuthClient {
    QString id; // the client_id
    QString name;
    QString type;       // public (a browser or native app: no secret, PKCE) | confidential (a server)
    QString authMethod; // none | client_secret_basic | client_secret_post | private_key_jwt
    QString jwks;       // private_key_jwt: the client's public keys, a JWK Set as JSON text
    QStringList redirectUris;
    QStringList postLogoutRedirectUris;
    QStringList scopes;
    QStringList grantTypes;
    bool firstParty = false;   // its users are not asked to consent
    qint64 accessTokenTtl = 0; // seconds; 0 = the settings' lifetime
    qint64 refreshTokenTtl = 0;
    bool hasSecret = false;
    QString createdBy;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 version = 1;
};

} // namespace keyward
