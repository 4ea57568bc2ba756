#include "audit_service.h"

#include "core/clock.h"
#include "core/ids.h"
#include "core/logging.h"
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

Result<QList<AuditEvent>> AuditService::recent(int limit)
{
    return m_repo.recent(limit);
}

} // namespace keyward
