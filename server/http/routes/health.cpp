#include "core/permissions.h"
#include "route_helpers.h"
#include "routes.h"
#include "services/services.h"

namespace keyward::routes {

namespace {

// Each component by name: its status, its reason when it has one, and its facts beside them.
QJsonObject componentsJson(const QList<HealthComponent> &components)
{
    QJsonObject out;
    for (const HealthComponent &c : components) {
        QJsonObject o;
        for (const auto &[name, value] : c.details)
            o.insert(name, QJsonValue::fromVariant(value));
        o.insert(QStringLiteral("status"), HealthComponent::statusName(c.status));
        if (!c.reason.isEmpty())
            o.insert(QStringLiteral("reason"), c.reason);
        out.insert(c.name, o);
    }
    return out;
}

} // namespace

void registerHealth(Router &router)
{
    // Probes and key discovery are never rate limited: a load balancer must always get through.
    const RouteOptions open{RouteOptions::Access::Public, RouteOptions::Body::None, RouteOptions::Execution::Inline,
                            RouteOptions::Limit::None};

    // Asked every few seconds by every probe: the one constant answer.
    router.add("GET", QStringLiteral("/health/live"), open, [](RequestContext &) {
        static const QByteArray alive = QByteArrayLiteral("{\"status\":\"ok\"}");
        return HttpResponse::json(200, alive);
    });

    // What is ready is everyone's to know; why not (the checks) is for operators, as for /health.
    const RouteOptions probe{RouteOptions::Access::Optional, RouteOptions::Body::None, RouteOptions::Execution::Inline,
                             RouteOptions::Limit::None};

    router.add("GET", QStringLiteral("/health/ready"), probe, [](RequestContext &ctx) {
        const HealthService::Report report = ctx.services.health().ready();
        const bool ready = report.status != HealthComponent::Status::Failing;
        QJsonObject body{{QStringLiteral("status"), ready ? QStringLiteral("ok") : QStringLiteral("unavailable")}};
        if (mayReadOperations(ctx))
            body.insert(QStringLiteral("checks"), componentsJson(report.components));
        HttpResponse r = HttpResponse::json(ready ? 200 : 503, body);
        if (!ready)
            r.setHeader("Retry-After", "5");
        return r;
    });

    // Everyone learns whether Keyward is healthy; the details need metrics:read or the allow-list.
    router.add("GET", QStringLiteral("/health"), probe, [](RequestContext &ctx) {
        const HealthService::Report report = ctx.services.health().check();
        QJsonObject body{{QStringLiteral("status"), HealthComponent::statusName(report.status)}};
        if (mayReadOperations(ctx))
            body.insert(QStringLiteral("components"), componentsJson(report.components));
        return HttpResponse::json(report.status == HealthComponent::Status::Failing ? 503 : 200, body);
    });
}

} // namespace keyward::routes
