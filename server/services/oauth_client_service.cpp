#include "oauth_client_service.h"

#include "access_checks.h"
#include "core/clock.h"
#include "core/ids.h"
#include "core/permissions.h"
#include "crypto/digest.h"
#include "crypto/signing_key.h"
#include "store/oauth_client_repository.h"
#include "store/session_repository.h"
#include "store/write_transaction.h"
#include "validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace keyward {

namespace {

const QString SecretPrefix = QStringLiteral("kws_");
const QString Public = QStringLiteral("public");
const QString Confidential = QStringLiteral("confidential");
const QString AuthorizationCode = QStringLiteral("authorization_code");
const QString RefreshTokenGrant = QStringLiteral("refresh_token");
const QString ClientCredentials = QStringLiteral("client_credentials");
const QString PrivateKeyJwt = QStringLiteral("private_key_jwt");
constexpr int MaxUris = 20;
constexpr int MaxUriLength = 2000;
constexpr int MaxJwksBytes = 16 * 1024;
constexpr qint64 MaxAccessTtl = 24 * 3600;
constexpr qint64 MaxRefreshTtl = 365 * 24 * 3600;

bool usesSecret(const QString &authMethod)
{
    return authMethod == QLatin1String("client_secret_basic") || authMethod == QLatin1String("client_secret_post");
}

bool isLoopback(const QString &host)
{
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("::1") || host == QLatin1String("localhost");
}

// Why `uri` cannot be a redirect target, or empty when it can. Matching is exact, so what could make
// one registration stand for many (a fragment, a wildcard) is refused here.
QString redirectUriProblem(const QString &uri, bool publicClient)
{
    if (uri.size() > MaxUriLength)
        return QStringLiteral("At most %1 characters.").arg(MaxUriLength);
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || uri.contains(QLatin1Char(' ')) || uri.contains(QLatin1Char('\t')))
        return QStringLiteral("'%1' is not an absolute URI.").arg(uri.left(100));
    if (uri.contains(QLatin1Char('#')))
        return QStringLiteral("A redirect URI has no fragment.");
    if (uri.contains(QLatin1Char('*')))
        return QStringLiteral("Redirect URIs are matched exactly: no wildcards.");
    if (!url.userInfo().isEmpty())
        return QStringLiteral("A redirect URI holds no user name or password.");
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return url.host().isEmpty() ? QStringLiteral("An https URI needs a host.") : QString();
    if (scheme == QLatin1String("http"))
        return isLoopback(url.host()) ? QString()
                                      : QStringLiteral("Plain http only to a loopback host (127.0.0.1, [::1], "
                                                       "localhost); use https.");
    if (!publicClient)
        return QStringLiteral("A confidential client redirects over https.");
    if (!scheme.contains(QLatin1Char('.')))
        return QStringLiteral("A native app's own scheme is a reverse domain name, as in com.example.app:/callback.");
    return {};
}

void checkUris(const QString &field, const QStringList &uris, bool publicClient, QList<FieldError> &errors)
{
    if (uris.size() > MaxUris) {
        errors.append({field, QStringLiteral("too_many"), QStringLiteral("At most %1.").arg(MaxUris)});
        return;
    }
    for (const QString &uri : uris) {
        if (const QString problem = redirectUriProblem(uri, publicClient); !problem.isEmpty()) {
            errors.append({field, QStringLiteral("invalid_uri"), problem});
            return;
        }
    }
}

// A JWK Set of public keys only: a private or symmetric key handed to Keyward is refused.
QString jwksProblem(const QString &jwks)
{
    if (jwks.toUtf8().size() > MaxJwksBytes)
        return QStringLiteral("At most %1 bytes.").arg(MaxJwksBytes);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(jwks.toUtf8(), &error);
    const QJsonArray keys = doc.object().value(QStringLiteral("keys")).toArray();
    if (error.error != QJsonParseError::NoError || !doc.isObject() || keys.isEmpty() || keys.size() > 10)
        return QStringLiteral("A JWK Set: {\"keys\": [...]} with 1 to 10 public keys.");
    static const QStringList kinds{QStringLiteral("RSA"), QStringLiteral("EC"), QStringLiteral("OKP")};
    static const QStringList secretMembers{QStringLiteral("d"),   QStringLiteral("p"),  QStringLiteral("q"),
                                           QStringLiteral("dp"),  QStringLiteral("dq"), QStringLiteral("qi"),
                                           QStringLiteral("oth"), QStringLiteral("k")};
    for (const QJsonValue &key : keys) {
        const QJsonObject k = key.toObject();
        if (!kinds.contains(k.value(QStringLiteral("kty")).toString()))
            return QStringLiteral("Each key's kty is RSA, EC or OKP.");
        for (const QString &member : secretMembers)
            if (k.contains(member))
                return QStringLiteral("Give the client's public keys only: '%1' is private.").arg(member);
        if (const QString weak = crypto::SigningKey::weakPublicJwk(k); !weak.isEmpty())
            return weak;
    }
    return {};
}

QList<FieldError> problemsOf(const OAuthClient &c)
{
    QList<FieldError> errors;
    const auto add = [&](const char *field, const char *code, const QString &message) {
        errors.append({QString::fromLatin1(field), QString::fromLatin1(code), message});
    };
    validation::label(c.name, errors);
    const bool isPublic = c.type == Public;
    if (!isPublic && c.type != Confidential)
        add("type", "invalid_value", QStringLiteral("public or confidential."));
    if (isPublic && c.authMethod != QLatin1String("none"))
        add("token_endpoint_auth_method", "invalid_value",
            QStringLiteral("A public client holds no secret or key: none."));
    if (!isPublic && !usesSecret(c.authMethod) && c.authMethod != PrivateKeyJwt)
        add("token_endpoint_auth_method", "invalid_value",
            QStringLiteral("client_secret_basic, client_secret_post or private_key_jwt."));
    if (c.authMethod == PrivateKeyJwt) {
        if (const QString problem =
                c.jwks.isEmpty() ? QStringLiteral("private_key_jwt needs the client's keys.") : jwksProblem(c.jwks);
            !problem.isEmpty())
            add("jwks", "invalid_value", problem);
    } else if (!c.jwks.isEmpty()) {
        add("jwks", "not_applicable", QStringLiteral("Keys are only for private_key_jwt."));
    }

    static const QStringList grants{AuthorizationCode, RefreshTokenGrant, ClientCredentials};
    if (c.grantTypes.isEmpty())
        add("grant_types", "required", QStringLiteral("At least one grant type."));
    for (const QString &g : c.grantTypes)
        if (!grants.contains(g))
            add("grant_types", "invalid_value",
                QStringLiteral("'%1' is not offered: authorization_code, refresh_token, client_credentials.").arg(g));
    if (isPublic && c.grantTypes.contains(ClientCredentials))
        add("grant_types", "not_applicable", QStringLiteral("client_credentials is for confidential clients."));
    if (c.grantTypes.contains(RefreshTokenGrant) && !c.grantTypes.contains(AuthorizationCode))
        add("grant_types", "not_applicable", QStringLiteral("refresh_token comes with authorization_code."));
    if (c.grantTypes.contains(AuthorizationCode) && c.redirectUris.isEmpty())
        add("redirect_uris", "required", QStringLiteral("The authorization code flow needs a redirect URI."));
    checkUris(QStringLiteral("redirect_uris"), c.redirectUris, isPublic, errors);
    checkUris(QStringLiteral("post_logout_redirect_uris"), c.postLogoutRedirectUris, isPublic, errors);

    if (c.scopes.isEmpty())
        add("scopes", "required", QStringLiteral("At least one scope."));
    for (const QString &s : c.scopes)
        if (!OAuthClientService::knownScopes().contains(s))
            add("scopes", "invalid_value",
                QStringLiteral("'%1' is not offered: %2.").arg(s, OAuthClientService::knownScopes().join(u", ")));
    if (c.accessTokenTtl != 0 && (c.accessTokenTtl < 60 || c.accessTokenTtl > MaxAccessTtl))
        add("access_token_ttl", "out_of_range",
            QStringLiteral("60 to %1 seconds, or 0 for the default.").arg(MaxAccessTtl));
    if (c.refreshTokenTtl != 0 && (c.refreshTokenTtl < 300 || c.refreshTokenTtl > MaxRefreshTtl))
        add("refresh_token_ttl", "out_of_range",
            QStringLiteral("300 to %1 seconds, or 0 for the default.").arg(MaxRefreshTtl));
    return errors;
}

QStringList distinct(QStringList names)
{
    names.removeDuplicates();
    return names;
}

// Lays `in` over `c`; the names of the fields that changed.
QStringList apply(const OAuthClientInput &in, OAuthClient &c)
{
    QStringList changed;
    const auto set = [&](const char *field, const auto &value, auto &target) {
        if (value && *value != target) {
            target = *value;
            changed.append(QString::fromLatin1(field));
        }
    };
    set("name", in.name ? std::optional<QString>(in.name->trimmed()) : std::nullopt, c.name);
    set("token_endpoint_auth_method", in.authMethod, c.authMethod);
    set("jwks", in.jwks, c.jwks);
    const auto list = [](const std::optional<QStringList> &l) {
        return l ? std::optional<QStringList>(distinct(*l)) : std::nullopt;
    };
    set("redirect_uris", list(in.redirectUris), c.redirectUris);
    set("post_logout_redirect_uris", list(in.postLogoutRedirectUris), c.postLogoutRedirectUris);
    // Scopes and grant types are sets: the same ones in another order are no change.
    const auto members = [&](const std::optional<QStringList> &l, const QStringList &current) {
        return l && QSet<QString>(l->begin(), l->end()) == QSet<QString>(current.begin(), current.end()) ? std::nullopt
                                                                                                         : list(l);
    };
    set("scopes", members(in.scopes, c.scopes), c.scopes);
    set("grant_types", members(in.grantTypes, c.grantTypes), c.grantTypes);
    set("first_party", in.firstParty, c.firstParty);
    set("access_token_ttl", in.accessTokenTtl, c.accessTokenTtl);
    set("refresh_token_ttl", in.refreshTokenTtl, c.refreshTokenTtl);
    return changed;
}

AuditEntry clientEvent(const char *action, const QString &id, QJsonObject details = {})
{
    return {QString::fromLatin1(action), QStringLiteral("oauth_client"), id, QStringLiteral("success"),
            std::move(details)};
}

// A first-party client signs users in without asking them: whoever marks it so vouches for it to
// every user, which takes more than managing clients (a clients:manage role could otherwise
// collect any signed-in user's email and roles with one link).
std::optional<ApiError> mayVouchFor(const Principal &actor, const OAuthClient &c, bool wasFirstParty)
{
    if (!c.firstParty || wasFirstParty)
        return std::nullopt;
    return missing(actor, permission::SettingsManage);
}

} // namespace

OAuthClientService::OAuthClientService(Database &db, const Clock &clock, AuditService &audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_repo(std::make_unique<OAuthClientRepository>(db))
{
}

OAuthClientService::~OAuthClientService() = default;

bool OAuthClientService::isRegisteredRedirect(const QStringList &registered, const QString &uri)
{
    if (registered.contains(uri))
        return true;
    QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("http") || !isLoopback(url.host()) ||
        url.toString(QUrl::FullyEncoded) != uri)
        return false;
    url.setPort(-1);
    for (const QString &r : registered) {
        QUrl candidate(r, QUrl::StrictMode);
        candidate.setPort(-1);
        if (candidate.scheme() == QLatin1String("http") && candidate == url)
            return true;
    }
    return false;
}

const QStringList &OAuthClientService::knownScopes()
{
    static const QStringList scopes{QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"),
                                    QStringLiteral("roles"), QStringLiteral("offline_access")};
    return scopes;
}

Result<QList<OAuthClient>> OAuthClientService::list(const Principal &actor)
{
    if (auto e = missing(actor, permission::ClientsManage))
        return *e;
    return m_repo->list();
}

Result<OAuthClient> OAuthClientService::get(const Principal &actor, const QString &id)
{
    if (auto e = missing(actor, permission::ClientsManage))
        return *e;
    return m_repo->find(id);
}

Result<IssuedClientSecret> OAuthClientService::create(const Principal &actor, const OAuthClientInput &input)
{
    if (auto e = missing(actor, permission::ClientsManage))
        return *e;
    IssuedClientSecret issued;
    OAuthClient &c = issued.client;
    c.type = input.type.value_or(QString());
    c.authMethod = c.type == Public ? QStringLiteral("none") : QStringLiteral("client_secret_basic");
    c.grantTypes = {AuthorizationCode, RefreshTokenGrant};
    c.scopes = {QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email")};
    apply(input, c);
    QList<FieldError> errors = input.parseErrors;
    if (!input.type)
        errors.append({QStringLiteral("type"), QStringLiteral("required"), QStringLiteral("public or confidential.")});
    errors += problemsOf(c);
    if (!errors.isEmpty())
        return ApiError::validation(errors);
    if (auto e = mayVouchFor(actor, c, false))
        return *e;

    c.createdAt = c.updatedAt = m_clock.nowMs();
    c.id = newId(c.createdAt);
    c.createdBy = actor.id;
    c.hasSecret = usesSecret(c.authMethod);
    if (c.hasSecret)
        issued.secret = SecretPrefix + crypto::randomToken(32);
    auto s = writeTransaction(m_db, [&]() -> Status {
        if (auto r =
                m_repo->insert(c, issued.secret.isEmpty() ? QByteArray() : crypto::sha256(issued.secret.toLatin1()));
            !r)
            return r;
        return m_audit.append(actor, clientEvent("oauth2.client.create", c.id,
                                                 {{QStringLiteral("name"), c.name}, {QStringLiteral("type"), c.type}}));
    });
    if (!s)
        return s.error();
    return issued;
}

Result<OAuthClient> OAuthClientService::update(const Principal &actor, const QString &id, const OAuthClientInput &input,
                                               std::optional<qint64> expectedVersion)
{
    if (auto e = missing(actor, permission::ClientsManage))
        return *e;
    return writeTransaction(m_db, [&]() -> Result<OAuthClient> {
        auto found = m_repo->find(id);
        if (!found)
            return found.error();
        OAuthClient c = *found;
        if (expectedVersion && *expectedVersion != c.version)
            return ApiError::preconditionFailed(
                QStringLiteral("The client is at version %1 now; read it again.").arg(c.version));
        QList<FieldError> errors = input.parseErrors;
        if (input.type && *input.type != c.type)
            errors.append({QStringLiteral("type"), QStringLiteral("immutable"),
                           QStringLiteral("A client's type is chosen once; register a new client instead.")});
        const QStringList changed = apply(input, c);
        errors += problemsOf(c);
        if (!errors.isEmpty())
            return ApiError::validation(errors);
        if (auto e = mayVouchFor(actor, c, found->firstParty))
            return *e;
        if (changed.isEmpty())
            return c;
        const qint64 now = m_clock.nowMs();
        if (auto r = m_repo->update(c, now); !r)
            return r.error();
        // A secret the client no longer authenticates with is a credential nobody needs.
        if (c.hasSecret && !usesSecret(c.authMethod)) {
            if (auto r = m_repo->setSecret(c.id, {}, now); !r)
                return r.error();
        }
        if (auto r =
                m_audit.append(actor, clientEvent("oauth2.client.update", c.id,
                                                  {{QStringLiteral("fields"), QJsonArray::fromStringList(changed)}}));
            !r)
            return r.error();
        return m_repo->find(id);
    });
}

Status OAuthClientService::remove(const Principal &actor, const QString &id)
{
    if (auto e = missing(actor, permission::ClientsManage))
        return *e;
    return writeTransaction(m_db, [&]() -> Status {
        if (auto r = m_repo->remove(id); !r)
            return r;
        // Its users' sessions with it end too: no refresh token outlives its application.
        if (auto r = SessionRepository(m_db).revokeAllOfClient(id, QStringLiteral("client_deleted"), m_clock.nowMs());
            !r)
            return r;
        return m_audit.append(actor, clientEvent("oauth2.client.delete", id));
    });
}

Result<IssuedClientSecret> OAuthClientService::renewSecret(const Principal &actor, const QString &id)
{
    if (auto e = missing(actor, permission::ClientsManage))
        return *e;
    IssuedClientSecret issued;
    issued.secret = SecretPrefix + crypto::randomToken(32);
    auto s = writeTransaction(m_db, [&]() -> Status {
        auto found = m_repo->find(id);
        if (!found)
            return found.error();
        if (!usesSecret(found->authMethod))
            return ApiError::conflict(QStringLiteral("This client authenticates with %1, not a secret.")
                                          .arg(found->authMethod == PrivateKeyJwt ? QStringLiteral("its keys")
                                                                                  : QStringLiteral("PKCE alone")));
        if (auto r = m_repo->setSecret(id, crypto::sha256(issued.secret.toLatin1()), m_clock.nowMs()); !r)
            return r;
        return m_audit.append(actor, clientEvent("oauth2.client.secret", id));
    });
    if (!s)
        return s.error();
    auto client = m_repo->find(id);
    if (!client)
        return client.error();
    issued.client = *client;
    return issued;
}

} // namespace keyward
