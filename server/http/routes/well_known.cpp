#include "route_helpers.h"
#include "routes.h"
#include "services/services.h"

#include <QJsonArray>

namespace keyward::routes {

namespace {

// OpenID Connect Discovery 1.0 and RFC 8414: where the keys and the protocol endpoints are, and
// what they accept; only what is served is listed. Public clients ("none") may present themselves
// at the token and revocation endpoints, not at introspection.
QJsonObject openidConfiguration(const QString &issuer, const QString &algorithm)
{
    const QJsonArray clientAuthentication{QStringLiteral("client_secret_basic"), QStringLiteral("client_secret_post"),
                                          QStringLiteral("private_key_jwt")};
    QJsonArray publicToo = clientAuthentication;
    publicToo.append(QStringLiteral("none"));
    const QJsonArray assertionAlgorithms{QStringLiteral("RS256"), QStringLiteral("ES256"), QStringLiteral("EdDSA")};
    return QJsonObject{
        {QStringLiteral("issuer"), issuer},
        {QStringLiteral("jwks_uri"), QString(issuer + QStringLiteral("/.well-known/jwks.json"))},
        {QStringLiteral("authorization_endpoint"), QString(issuer + QStringLiteral("/oauth2/authorize"))},
        {QStringLiteral("userinfo_endpoint"), QString(issuer + QStringLiteral("/oauth2/userinfo"))},
        {QStringLiteral("end_session_endpoint"), QString(issuer + QStringLiteral("/oauth2/logout"))},
        {QStringLiteral("token_endpoint"), QString(issuer + QStringLiteral("/oauth2/token"))},
        {QStringLiteral("introspection_endpoint"), QString(issuer + QStringLiteral("/oauth2/introspect"))},
        {QStringLiteral("revocation_endpoint"), QString(issuer + QStringLiteral("/oauth2/revoke"))},
        {QStringLiteral("token_endpoint_auth_methods_supported"), publicToo},
        {QStringLiteral("token_endpoint_auth_signing_alg_values_supported"), assertionAlgorithms},
        {QStringLiteral("introspection_endpoint_auth_methods_supported"), clientAuthentication},
        {QStringLiteral("introspection_endpoint_auth_signing_alg_values_supported"), assertionAlgorithms},
        {QStringLiteral("revocation_endpoint_auth_methods_supported"), publicToo},
        {QStringLiteral("revocation_endpoint_auth_signing_alg_values_supported"), assertionAlgorithms},
        {QStringLiteral("grant_types_supported"),
         QJsonArray{QStringLiteral("authorization_code"), QStringLiteral("refresh_token"),
                    QStringLiteral("client_credentials")}},
        {QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("code")}},
        {QStringLiteral("response_modes_supported"), QJsonArray{QStringLiteral("query")}},
        {QStringLiteral("code_challenge_methods_supported"), QJsonArray{QStringLiteral("S256")}},
        {QStringLiteral("scopes_supported"), QJsonArray::fromStringList(OAuthClientService::knownScopes())},
        {QStringLiteral("prompt_values_supported"),
         QJsonArray{QStringLiteral("none"), QStringLiteral("login"), QStringLiteral("consent"),
                    QStringLiteral("select_account")}},
        {QStringLiteral("ui_locales_supported"),
         QJsonArray{QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")}},
        {QStringLiteral("authorization_response_iss_parameter_supported"), true},
        {QStringLiteral("request_parameter_supported"), false},
        {QStringLiteral("request_uri_parameter_supported"), false},
        {QStringLiteral("claims_parameter_supported"), false},
        {QStringLiteral("id_token_signing_alg_values_supported"), QJsonArray{algorithm}},
        {QStringLiteral("subject_types_supported"), QJsonArray{QStringLiteral("public")}},
        {QStringLiteral("claims_supported"),
         QJsonArray{QStringLiteral("iss"),       QStringLiteral("sub"),
                    QStringLiteral("aud"),       QStringLiteral("exp"),
                    QStringLiteral("iat"),       QStringLiteral("nbf"),
                    QStringLiteral("jti"),       QStringLiteral("sid"),
                    QStringLiteral("roles"),     QStringLiteral("scope"),
                    QStringLiteral("client_id"), QStringLiteral("azp"),
                    QStringLiteral("auth_time"), QStringLiteral("nonce"),
                    QStringLiteral("amr"),       QStringLiteral("preferred_username"),
                    QStringLiteral("name"),      QStringLiteral("updated_at"),
                    QStringLiteral("email"),     QStringLiteral("email_verified")}},
    };
}

} // namespace

void registerWellKnown(Router &router)
{
    // Probes and key discovery are never rate limited: a load balancer must always get through.
    const RouteOptions open{RouteOptions::Access::Public, RouteOptions::Body::None, RouteOptions::Execution::Inline,
                            RouteOptions::Limit::None};

    router.add("GET", QStringLiteral("/.well-known/jwks.json"), open, [](RequestContext &ctx) {
        HttpResponse r = respond(ctx, ctx.services.keys().publishedKeys(), [](const auto &keys) {
            QJsonArray jwks;
            for (const auto &[kid, key] : keys)
                jwks.append(key.publicJwk(kid));
            return QJsonObject{{QStringLiteral("keys"), jwks}};
        });
        // Verifiers may cache briefly; rotation keeps old keys published longer than this.
        r.setHeader("Cache-Control", "public, max-age=300");
        return r;
    });

    router.add("GET", QStringLiteral("/.well-known/openid-configuration"), open, [](RequestContext &ctx) {
        HttpResponse r =
            HttpResponse::json(200, openidConfiguration(ctx.services.auth().issuer(), ctx.services.keys().algorithm()));
        r.setHeader("Cache-Control", "public, max-age=300");
        return r;
    });
}

} // namespace keyward::routes
