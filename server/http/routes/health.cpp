#include "route_helpers.h"
#include "routes.h"
#include "services/services.h"
#include "store/migrations.h"

#include <QSqlQuery>

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
        QJsonObject checks;
        bool ready = true;
        const auto check = [&](const QString &name, bool ok, const QString &reason) {
            checks.insert(name, ok ? QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}}
                                   : QJsonObject{{QStringLiteral("status"), QStringLiteral("failing")},
                                                 {QStringLiteral("reason"), reason}});
            ready = ready && ok;
        };
        QSqlQuery ping(ctx.services.database().connection());
        const bool dbOk = ping.exec(QStringLiteral("SELECT 1"));
        check(QStringLiteral("database"), dbOk, QStringLiteral("the database does not answer"));
        if (dbOk) {
            const MigrationStatus m = Migrations(ctx.services.database()).status();
            check(QStringLiteral("migrations"), m.upToDate(),
                  m.problem.isEmpty() ? QStringLiteral("schema version %1 of %2").arg(m.current).arg(m.latest)
                                      : m.problem);
        }
        const bool draining = ctx.services.isShuttingDown();
        check(QStringLiteral("serving"), !draining, QStringLiteral("shutting down"));
        HttpResponse r = HttpResponse::json(
            ready ? 200 : 503,
            QJsonObject{{QStringLiteral("status"), ready ? QStringLiteral("ok") : QStringLiteral("unavailable")},
                        {QStringLiteral("checks"), checks}});
        if (!ready)
            r.setHeader("Retry-After", "5");
        return r;
    });
}

} // namespace keyward::routes
