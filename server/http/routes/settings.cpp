#include "route_helpers.h"
#include "routes.h"
#include "services/services.h"

namespace keyward::routes {

void registerSettings(Router &router)
{
    const auto asIs = [](const QJsonObject &o) { return o; };
    router.add("GET", QStringLiteral("/api/v1/settings"), admin(),
               [asIs](RequestContext &ctx) { return respond(ctx, ctx.services.settings().get(ctx.principal), asIs); });
    router.add("PATCH", QStringLiteral("/api/v1/settings"),
               admin({RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject}),
               [asIs](RequestContext &ctx) {
                   return respond(ctx, ctx.services.settings().update(ctx.principal, ctx.body.object()), asIs);
               });
}

} // namespace keyward::routes
