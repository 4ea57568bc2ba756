#include "core/permissions.h"
#include "observe/keyward_metrics.h"
#include "route_helpers.h"
#include "routes.h"
#include "services/services.h"

namespace keyward::routes {

void registerMetrics(Router &router)
{
    // Scrapers on the allow-list need no credentials; everyone else needs metrics:read.
    router.add("GET", QStringLiteral("/metrics"),
               {RouteOptions::Access::Optional, RouteOptions::Body::None, RouteOptions::Execution::Inline,
                RouteOptions::Limit::None},
               [](RequestContext &ctx) {
                   if (!mayReadOperations(ctx))
                       return problem(
                           ctx, ctx.principal.type == Principal::Type::Anonymous
                                    ? ApiError::unauthorized()
                                    : ApiError::forbidden(QStringLiteral("This needs the 'metrics:read' permission.")));
                   HttpResponse r;
                   r.body = ctx.services.metrics().registry.exposition();
                   r.setHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                   return r;
               });
}

} // namespace keyward::routes
