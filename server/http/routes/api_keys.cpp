#include "route_helpers.h"
#include "routes.h"
#include "services/resource_json.h"
#include "services/services.h"

namespace keyward::routes {

void registerApiKeys(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/api-keys"), admin(), [](RequestContext &ctx) {
        return respond(ctx, ctx.services.apiKeys().listService(ctx.principal), apiKeyList);
    });

    // Making a key may check the current password: on the hashing pool.
    router.add("POST", QStringLiteral("/api/v1/api-keys"),
               admin(sessionOnly({RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject,
                                  RouteOptions::Execution::HashingPool})),
               [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   auto created = ctx.services.apiKeys().createService(ctx.principal, readApiKeyRequest(r));
                   return respond(ctx, created, createdApiKeyJson, 201);
               });

    router.add("DELETE", QStringLiteral("/api/v1/api-keys/{id}"), admin(), [](RequestContext &ctx) {
        return respondEmpty(ctx, ctx.services.apiKeys().revokeService(ctx.principal, ctx.param(QStringLiteral("id"))));
    });
}

} // namespace keyward::routes
