#include "route_helpers.h"
#include "routes.h"
#include "services/resource_json.h"
#include "services/services.h"

#include <QJsonDocument>

namespace keyward::routes {

namespace {

OAuthClientInput readClientInput(FieldReader &r)
{
    OAuthClientInput in;
    in.name = r.string(QStringLiteral("name"));
    in.type = r.string(QStringLiteral("type"));
    in.authMethod = r.string(QStringLiteral("token_endpoint_auth_method"));
    if (r.isNull(QStringLiteral("jwks")))
        in.jwks = QString(); // null clears them
    else if (const auto jwks = r.object(QStringLiteral("jwks")))
        in.jwks = QString::fromUtf8(QJsonDocument(*jwks).toJson(QJsonDocument::Compact));
    in.redirectUris = r.stringList(QStringLiteral("redirect_uris"));
    in.postLogoutRedirectUris = r.stringList(QStringLiteral("post_logout_redirect_uris"));
    in.scopes = r.stringList(QStringLiteral("scopes"));
    in.grantTypes = r.stringList(QStringLiteral("grant_types"));
    in.firstParty = r.boolean(QStringLiteral("first_party"));
    in.accessTokenTtl = r.integer(QStringLiteral("access_token_ttl"));
    in.refreshTokenTtl = r.integer(QStringLiteral("refresh_token_ttl"));
    in.parseErrors = r.finish();
    return in;
}

qint64 versionOf(const OAuthClient &client)
{
    return client.version;
}

HttpResponse clientResponse(const RequestContext &ctx, const Result<OAuthClient> &client)
{
    return respondVersioned(ctx, client, oauthClientJson, versionOf);
}

HttpResponse issuedResponse(const RequestContext &ctx, const Result<IssuedClientSecret> &issued, int status)
{
    return respondVersioned(
        ctx, issued, issuedClientSecretJson, [](const IssuedClientSecret &i) { return i.client.version; }, status);
}

} // namespace

void registerOAuthClients(Router &router)
{
    const QString collection = QStringLiteral("/api/v1/oauth2/clients");
    const QString one = collection + QStringLiteral("/{id}");

    router.add("GET", collection, admin(), [](RequestContext &ctx) {
        return respond(ctx, ctx.services.oauthClients().list(ctx.principal), [](const QList<OAuthClient> &clients) {
            QJsonArray items;
            for (const OAuthClient &c : clients)
                items.append(oauthClientJson(c));
            return page(items, {}, items.size());
        });
    });

    router.add("POST", collection, admin({RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject}),
               [collection](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   auto made = ctx.services.oauthClients().create(ctx.principal, readClientInput(r));
                   HttpResponse response = issuedResponse(ctx, made, 201);
                   if (made)
                       response.setHeader("Location", (collection + QLatin1Char('/') + made->client.id).toUtf8());
                   return response;
               });

    router.add("GET", one, admin(), [](RequestContext &ctx) {
        return clientResponse(ctx, ctx.services.oauthClients().get(ctx.principal, ctx.param(QStringLiteral("id"))));
    });

    router.add("PATCH", one, admin({RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject}),
               [](RequestContext &ctx) {
                   const auto ifMatch = ifMatchVersion(ctx);
                   if (!ifMatch)
                       return problem(ctx, ifMatch.error());
                   FieldReader r = bodyReader(ctx);
                   return clientResponse(ctx, ctx.services.oauthClients().update(ctx.principal,
                                                                                 ctx.param(QStringLiteral("id")),
                                                                                 readClientInput(r), *ifMatch));
               });

    router.add("DELETE", one, admin(), [](RequestContext &ctx) {
        return respondEmpty(ctx, ctx.services.oauthClients().remove(ctx.principal, ctx.param(QStringLiteral("id"))));
    });

    router.add("POST", one + QStringLiteral("/secret"), admin(), [](RequestContext &ctx) {
        return issuedResponse(
            ctx, ctx.services.oauthClients().renewSecret(ctx.principal, ctx.param(QStringLiteral("id"))), 200);
    });
}

} // namespace keyward::routes
