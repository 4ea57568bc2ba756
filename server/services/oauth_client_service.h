#pragma once

#include "audit_service.h"
#include "core/oauth_client.h"
#include "core/principal.h"
#include "core/result.h"

#include <memory>
#include <optional>

namespace keyward {

class Clock;
class Database;
class OAuthClientRepository;

// What a request says of a client. Making one, an absent field takes its default; changing one, it
// stays as it was. The type is chosen once.
struct OAuthClientInput {
    std::optional<QString> name;
    std::optional<QString> type;
    std::optional<QString> authMethod;
    std::optional<QString> jwks;
    std::optional<QStringList> redirectUris;
    std::optional<QStringList> postLogoutRedirectUris;
    std::optional<QStringList> scopes;
    std::optional<QStringList> grantTypes;
    std::optional<bool> firstParty;
    std::optional<qint64> accessTokenTtl;
    std::optional<qint64> refreshTokenTtl;
    QList<FieldError> parseErrors;
};

// A client as made or given a new secret: the only time the secret is seen.
struct IssuedClientSecret {
    OAuthClient client;
    QString secret; // empty for a client that authenticates without one
};

// The applications registered with the OpenID Connect provider, managed by holders of
// clients:manage. Public clients (browser and native apps) hold no secret and must use PKCE;
// confidential ones authenticate with a secret ("kws_" + 256 random bits, stored as its SHA-256)
// or a key pair. Redirect URIs follow RFC 9700 and RFC 8252: https, http only on a loopback host,
// and a private-use scheme (reverse domain name) only for native public clients; they are
// matched exactly, so none may hold a fragment or a wildcard.
class OAuthClientService {
public:
    OAuthClientService(Database &db, const Clock &clock, AuditService &audit);
    ~OAuthClientService();

    Result<QList<OAuthClient>> list(const Principal &actor);
    Result<OAuthClient> get(const Principal &actor, const QString &id);
    Result<IssuedClientSecret> create(const Principal &actor, const OAuthClientInput &input);
    // `expectedVersion`: If-Match; a client changed since is refused with 412.
    Result<OAuthClient> update(const Principal &actor, const QString &id, const OAuthClientInput &input,
                               std::optional<qint64> expectedVersion);
    Status remove(const Principal &actor, const QString &id);
    // A new secret replaces the old one at once; a client that authenticates without one gets 409.
    Result<IssuedClientSecret> renewSecret(const Principal &actor, const QString &id);

    static const QStringList &knownScopes();
    // Whether `uri` is one of the `registered` redirect URIs: exactly, except that a loopback one
    // matches on any port (RFC 8252 §7.3: a native app listens on whichever port it gets).
    static bool isRegisteredRedirect(const QStringList &registered, const QString &uri);

private:
    Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    std::unique_ptr<OAuthClientRepository> m_repo;
};

} // namespace keyward
