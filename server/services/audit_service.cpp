#include "audit_service.h"

#include "access_checks.h"
#include "core/clock.h"
#include "core/ids.h"
#include "core/logging.h"
#include "core/permissions.h"
#include "crypto/digest.h"
#include "store/audit_repository.h"
#include "store/webhook_repository.h"
#include "store/write_transaction.h"

#include <QFile>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QSaveFile>

namespace keyward {

AuditService::AuditService(Database &db, const Clock &clock, QByteArray chainKey)
    : m_db(db)
    , m_clock(clock)
    , m_repo(std::make_unique<AuditRepository>(db, std::move(chainKey)))
    , m_outbox(std::make_unique<WebhookRepository>(db))
{
}

AuditService::~AuditService() = default;

void AuditService::setHighWaterFile(const QString &path)
{
    QMutexLocker lock(&m_markMutex);
    m_highWaterFile = path;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return; // none yet
    // "seq hash-hex signature-hex"
    const QList<QByteArray> parts = f.readAll().trimmed().split(' ');
    const ChainMark mark{parts.value(0).toLongLong(), QByteArray::fromHex(parts.value(1))};
    if (parts.size() != 3 || mark.seq <= 0 ||
        !crypto::constantTimeEquals(QByteArray::fromHex(parts.value(2)), m_repo->markSignature(mark))) {
        qCCritical(lcAudit).noquote() << "the audit high-water mark in" << path
                                      << "is not signed by this installation's key; ignoring it";
        return;
    }
    if (!m_highWater || m_highWater->seq < mark.seq)
        m_highWater = mark;
}

std::optional<ChainMark> AuditService::highWater()
{
    QMutexLocker lock(&m_markMutex);
    return m_highWater;
}

Status AuditService::advanceHighWater()
{
    auto head = m_repo->signedHead();
    if (!head)
        return head.error();
    const std::optional<ChainMark> mark = highWater();
    if (!*head || (mark && (*head)->seq <= mark->seq))
        return success();
    if (mark) {
        // Moving past a mark the chain no longer holds would forget that events went missing.
        auto holds = m_repo->holds(*mark);
        if (!holds)
            return holds.error();
        if (!*holds) {
            qCCritical(lcAudit).noquote() << "the audit chain no longer holds event" << mark->seq
                                          << "that it had; run `keyward-server audit verify`";
            return success();
        }
    }
    QMutexLocker lock(&m_markMutex);
    if (m_highWater && m_highWater->seq >= (*head)->seq)
        return success();
    m_highWater = **head;
    if (m_highWaterFile.isEmpty())
        return success();
    QSaveFile f(m_highWaterFile);
    if (!f.open(QIODevice::WriteOnly) || !f.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        f.write(QByteArray::number(m_highWater->seq) + ' ' + m_highWater->hash.toHex() + ' ' +
                m_repo->markSignature(*m_highWater).toHex() + '\n') < 0 ||
        !f.commit())
        qCWarning(lcAudit).noquote() << "cannot write the audit high-water mark" << m_highWaterFile << f.errorString();
    return success();
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
    auto seq = m_repo->append(e);
    if (!seq)
        return seq.error();
    e.seq = *seq;
    if (auto queued = m_outbox->enqueue(e); !queued)
        return queued;
    qCInfo(lcAudit).noquote() << entry.action << entry.outcome << "actor" << e.actorType << e.actorId << "target"
                              << entry.targetType << entry.targetId;
    return success();
}

Status AuditService::record(const Principal &actor, const AuditEntry &entry)
{
    return writeTransaction(m_db, [&] { return append(actor, entry); });
}

bool AuditService::isRefusal(const ApiError &error)
{
    return error.status() == 403 ||
           std::any_of(error.fieldErrors().begin(), error.fieldErrors().end(),
                       [](const FieldError &e) { return e.code == QLatin1String("not_grantable"); });
}

void AuditService::recordRefusal(const Principal &actor, const AuditEntry &attempt, const ApiError &refusal)
{
    AuditEntry denied = attempt;
    denied.outcome = QStringLiteral("denied");
    denied.details.insert(QStringLiteral("reason"),
                          refusal.status() == 403 ? refusal.slug() : QStringLiteral("not_grantable"));
    (void)record(actor, denied);
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
    return m_repo->list(filter);
}

Result<ChainReport> AuditService::verify(const Principal &actor)
{
    if (auto e = missing(actor, permission::AuditRead))
        return *e;
    if (auto advanced = advanceHighWater(); !advanced)
        return advanced.error();
    return m_repo->verify(highWater());
}

Result<qint64> AuditService::prune(int days)
{
    const qint64 now = m_clock.nowMs();
    qint64 removed = 0;
    auto done = writeTransaction(m_db, [&]() -> Status {
        auto n = m_repo->prune(now - days * 86'400'000LL, now);
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
    return m_repo->recent(limit);
}

Result<std::optional<AuditEvent>> AuditService::event(qint64 seq)
{
    return m_repo->find(seq);
}

QJsonObject auditEventJson(const AuditEvent &event)
{
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    return QJsonObject{
        {QStringLiteral("seq"), event.seq},
        {QStringLiteral("id"), event.id},
        {QStringLiteral("time"), formatTime(event.time)},
        {QStringLiteral("actor"),
         QJsonObject{{QStringLiteral("type"), event.actorType}, {QStringLiteral("id"), orNull(event.actorId)}}},
        {QStringLiteral("action"), event.action},
        {QStringLiteral("target"), QJsonObject{{QStringLiteral("type"), orNull(event.targetType)},
                                               {QStringLiteral("id"), orNull(event.targetId)}}},
        {QStringLiteral("outcome"), event.outcome},
        {QStringLiteral("ip"), orNull(event.ip)},
        {QStringLiteral("user_agent"), orNull(event.userAgent)},
        {QStringLiteral("request_id"), orNull(event.requestId)},
        {QStringLiteral("details"), QJsonDocument::fromJson(event.details.toUtf8()).object()},
    };
}

} // namespace keyward
