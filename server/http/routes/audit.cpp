#include "core/clock.h"
#include "route_helpers.h"
#include "routes.h"
#include "services/services.h"

namespace keyward::routes {

void registerAudit(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/audit"), admin(), [](RequestContext &ctx) {
        QList<FieldError> errors;
        AuditFilter f;
        f.actor = ctx.request.queryValue(QStringLiteral("actor"));
        f.action = ctx.request.queryValue(QStringLiteral("action"));
        f.target = ctx.request.queryValue(QStringLiteral("target"));
        f.outcome = ctx.request.queryValue(QStringLiteral("outcome"));
        f.limit = limitParameter(ctx, errors);
        for (const auto &[name, field] :
             {std::pair{QStringLiteral("since"), &f.since}, std::pair{QStringLiteral("until"), &f.until}}) {
            if (const QString v = ctx.request.queryValue(name); !v.isEmpty() && (*field = parseTime(v)) < 0)
                errors.append({name, QStringLiteral("invalid_format"), QStringLiteral("Must be an RFC 3339 time.")});
        }
        if (const QString cursor = ctx.request.queryValue(QStringLiteral("cursor")); !cursor.isEmpty()) {
            bool ok = false;
            f.beforeSeq = cursor.toLongLong(&ok);
            if (!ok || f.beforeSeq <= 0)
                errors.append(
                    {QStringLiteral("cursor"), QStringLiteral("invalid"), QStringLiteral("The cursor is invalid.")});
        }
        if (!errors.isEmpty())
            return problem(ctx, ApiError::validation(errors));
        return respond(ctx, ctx.services.audit().list(ctx.principal, f), [](const AuditPage &p) {
            QJsonArray items;
            for (const AuditEvent &e : p.items)
                items.append(auditEventJson(e));
            return page(items, p.nextBeforeSeq ? QString::number(p.nextBeforeSeq) : QString(), p.total);
        });
    });

    router.add("GET", QStringLiteral("/api/v1/audit/verify"), admin(), [](RequestContext &ctx) {
        return respond(ctx, ctx.services.audit().verify(ctx.principal), [](const ChainReport &r) {
            return QJsonObject{
                {QStringLiteral("ok"), r.ok},
                {QStringLiteral("checked"), r.checked},
                {QStringLiteral("first_bad_seq"), r.ok ? QJsonValue(QJsonValue::Null) : QJsonValue(r.firstBadSeq)},
                {QStringLiteral("truncated"), r.truncated},
                {QStringLiteral("last_seq_seen"),
                 r.truncated && r.lastSeqSeen ? QJsonValue(r.lastSeqSeen) : QJsonValue(QJsonValue::Null)}};
        });
    });
}

} // namespace keyward::routes
