#include "route_helpers.h"
#include "routes.h"
#include "services/services.h"

namespace keyward::routes {

void registerWellKnown(Router &router)
{
    // Probes and key discovery are never rate limited: a load balancer must always get through.
    const RouteOptions open{RouteOptions::Access::Public, RouteOptions::Body::None, RouteOptions::Execution::Inline,
                            RouteOptions::Limit::None};

    router.add("GET", QStringLiteral("/.well-known/jwks.json"), open, [](RequestContext &ctx) {
        HttpResponse r = respond(ctx, ctx.services.keys().jwks(), [](const QJsonObject &o) { return o; });
        // Verifiers may cache briefly; rotation keeps old keys published longer than this.
        r.setHeader("Cache-Control", "public, max-age=300");
        return r;
    });

    router.add("GET", QStringLiteral("/.well-known/openid-configuration"), open, [](RequestContext &ctx) {
        HttpResponse r = HttpResponse::json(200, ctx.services.auth().openidConfiguration());
        r.setHeader("Cache-Control", "public, max-age=300");
        return r;
    });
}

} // namespace keyward::routes
