#include "route_helpers.h"
#include "routes.h"
#include "services/services.h"

#include <QJsonArray>

namespace keyward::routes {

namespace {

// OpenID Connect Discovery 1.0: where the keys are and what the tokens hold.
QJsonObject openidConfiguration(const QString &issuer, const QString &algorithm)
{
    return QJsonObject{
        {QStringLiteral("issuer"), issuer},
        {QStringLiteral("jwks_uri"), QString(issuer + QStringLiteral("/.well-known/jwks.json"))},
        {QStringLiteral("token_endpoint"), QString(issuer + QStringLiteral("/api/v1/auth/login"))},
        {QStringLiteral("id_token_signing_alg_values_supported"), QJsonArray{algorithm}},
        {QStringLiteral("token_endpoint_auth_signing_alg_values_supported"), QJsonArray{algorithm}},
        {QStringLiteral("subject_types_supported"), QJsonArray{QStringLiteral("public")}},
        {QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("token")}},
        {QStringLiteral("grant_types_supported"),
         QJsonArray{QStringLiteral("password"), QStringLiteral("refresh_token")}},
        {QStringLiteral("claims_supported"),
         QJsonArray{QStringLiteral("iss"), QStringLiteral("sub"), QStringLiteral("aud"), QStringLiteral("exp"),
                    QStringLiteral("iat"), QStringLiteral("nbf"), QStringLiteral("jti"), QStringLiteral("sid"),
                    QStringLiteral("roles"), QStringLiteral("scope")}},
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
