#include "core/permissions.h"
#include "route_helpers.h"
#include "routes.h"
#include "services/services.h"

namespace keyward::routes {

void registerHealth(Router &router)
{
    // Probes and key discovery are never rate limited: a load balancer must always get through.
    const RouteOptions open{RouteOptions::Access::Public, RouteOptions::Body::None, RouteOptions::Execution::Inline,
                            RouteOptions::Limit::None};

    router.add("GET", QStringLiteral("/health/live"), open, [](RequestContext &) {
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    });

    router.add("GET", QStringLiteral("/health/ready"), open, [](RequestContext &ctx) {
        const HealthService::Report report = ctx.services.health().ready();
        const bool ready = report.status != QLatin1String("failing");
        HttpResponse r = HttpResponse::json(
            ready ? 200 : 503,
            QJsonObject{{QStringLiteral("status"), ready ? QStringLiteral("ok") : QStringLiteral("unavailable")},
                        {QStringLiteral("checks"), report.components}});
        if (!ready)
            r.setHeader("Retry-After", "5");
        return r;
    });

    // Everyone learns whether Keyward is healthy; the details need metrics:read or the allow-list.
    router.add(
        "GET", QStringLiteral("/health"),
        {RouteOptions::Access::Optional, RouteOptions::Body::None, RouteOptions::Execution::Inline,
         RouteOptions::Limit::None},
        [](RequestContext &ctx) {
            const HealthService::Report report = ctx.services.health().check();
            QJsonObject body{{QStringLiteral("status"), report.status}};
            if (ctx.principal.can(permission::MetricsRead) ||
                RuntimeSettings::inSubnets(ctx.request.client, ctx.services.settings().current().metricsAllowList))
                body.insert(QStringLiteral("components"), report.components);
            return HttpResponse::json(report.status == QLatin1String("failing") ? 503 : 200, body);
        });
}

} // namespace keyward::routes
