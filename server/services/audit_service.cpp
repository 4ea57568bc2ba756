#include "audit_service.h"

#include "core/clock.h"
#include "core/ids.h"
#include "core/logging.h"
#include "core/permissions.h"
#include "write_transaction.h"

#include <QJsonDocument>

namespace keyward {

AuditService::AuditService(Database &db, const Clock &clock, QByteArray chainKey)
    : m_db(db)
    , m_clock(clock)
    , m_repo(db, std::move(chainKey))
{
}

Status AuditService::append(const Principal &actor, const AuditEntry &entry)
{
    AuditEvent e;
    e.time = m_clock.nowMs();
    e.id = newId(e.time);
    e.actorType = actor.typeName();
    e.actorId = actor.id;
    e.action = entry.action;
    e.targetType = entry.targetType;
    e.targetId = entry.targetId;
    e.outcome = entry.outcome;
    e.ip = actor.ip;
    e.userAgent = actor.userAgent.left(512);
    e.requestId = actor.requestId;
    QJsonObject details = entry.details;
    if (!actor.apiKeyId.isEmpty() && actor.type == Principal::Type::User)
        details.insert(QStringLiteral("via_api_key"), actor.apiKeyId); // a personal key acting for its owner
    e.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    auto seq = m_repo.append(e);
    if (!seq)
        return seq.error();
    qCInfo(lcAudit).noquote() << entry.action << entry.outcome << "actor" << e.actorType << e.actorId << "target"
                              << entry.targetType << entry.targetId;
    return success();
}

Status AuditService::record(const Principal &actor, const AuditEntry &entry)
{
    return writeTransaction(m_db, [&] { return append(actor, entry); });
}

Result<AuditPage> AuditService::list(const Principal &actor, const AuditFilter &filter)
{
    if (auto e = missing(actor, permission::AuditRead))
        return *e;
    QList<FieldError> errors;
    if (filter.limit < 1 || filter.limit > 200)
        errors.append({QStringLiteral("limit"), QStringLiteral("out_of_range"), QStringLiteral("Must be 1 to 200.")});
    if (!filter.outcome.isEmpty() &&
        !QStringList{QStringLiteral("success"), QStringLiteral("failure"), QStringLiteral("denied")}.contains(
            filter.outcome))
        errors.append({QStringLiteral("outcome"), QStringLiteral("invalid_value"),
                       QStringLiteral("One of success, failure, denied.")});
    if (!errors.isEmpty())
        return ApiError::validation(errors);
    return m_repo.list(filter);
}

Result<ChainReport> AuditService::verify(const Principal &actor)
{
    if (auto e = missing(actor, permission::AuditRead))
        return *e;
    return m_repo.verify();
}

Result<qint64> AuditService::prune(int days)
{
    const qint64 now = m_clock.nowMs();
    qint64 removed = 0;
    auto done = writeTransaction(m_db, [&]() -> Status {
        auto n = m_repo.prune(now - days * 86'400'000LL, now);
        if (!n)
            return n.error();
        removed = *n;
        if (removed == 0)
            return success();
        return append(Principal::system(),
                      {QStringLiteral("audit.prune"),
                       QStringLiteral("audit"),
                       QString(),
                       QStringLiteral("success"),
                       {{QStringLiteral("removed"), removed}, {QStringLiteral("retention_days"), days}}});
    });
    if (!done)
        return done.error();
    return removed;
}

Result<QList<AuditEvent>> AuditService::recent(int limit)
{
    return m_repo.recent(limit);
}

} // namespace keyward
