#include "audit_repository.h"

#include "core/clock.h"
#include "core/logging.h"
#include "crypto/digest.h"
#include "sql_error.h"
#include "sql_filter.h"

#include <QJsonDocument>

#include <algorithm>

namespace keyward {

namespace {
// Marks an event appended onto a chain head that was not genuinely signed.
const QString ChainBreakKey = QStringLiteral("chain_break");
} // namespace

AuditRepository::AuditRepository(Database &db, QByteArray chainKey)
    : m_db(db)
    , m_chainKey(std::move(chainKey))
{
}

Result<qint64> AuditRepository::append(AuditEvent e)
{
    // Taking the next number locks the chain head until the transaction ends: appends are serial.
    QSqlQuery &head = m_db.prepared(
        QStringLiteral("UPDATE audit_chain_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash, mac"));
    if (!m_db.exec(head) || !head.next())
        return sqlFailure(head);
    e.seq = head.value(0).toLongLong();
    const ChainMark previous{e.seq - 1, head.value(1).toByteArray()};
    const bool headGenuine = crypto::constantTimeEquals(head.value(2).toByteArray(), markSignature(previous));
    head.finish();
    const QByteArray prevHash = previous.hash.isEmpty() ? QByteArray(32, '\0') : previous.hash; // the genesis link
    if (!headGenuine) {
        // Someone without the key moved the head (to hide a truncation, say). Writing goes on, but
        // this event says so under its own hash, and verify() reports it for good.
        qCCritical(lcAudit).noquote() << "the audit chain head at sequence" << previous.seq
                                      << "is not signed by this installation; run `keyward-server audit verify`";
        QJsonObject details = QJsonDocument::fromJson(e.details.toUtf8()).object();
        details.insert(ChainBreakKey, QJsonObject{{QStringLiteral("head_seq"), previous.seq}});
        e.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    }
    const QByteArray hash = crypto::hmacSha256(m_chainKey, QByteArray(prevHash + e.canonical()));

    QSqlQuery &ins = m_db.prepared(QStringLiteral(
        "INSERT INTO audit_events (seq, id, time, actor_type, actor_id, action, target_type, target_id, outcome, ip, "
        "user_agent, request_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(e.seq), QVariant(e.id), QVariant(e.time), QVariant(e.actorType), QVariant(e.actorId),
          QVariant(e.action), QVariant(e.targetType), QVariant(e.targetId), QVariant(e.outcome), QVariant(e.ip),
          QVariant(e.userAgent), QVariant(e.requestId), QVariant(e.details), QVariant(prevHash), QVariant(hash)})
        ins.addBindValue(v);
    if (!m_db.exec(ins))
        return sqlFailure(ins);

    QSqlQuery &tip = m_db.prepared(QStringLiteral("UPDATE audit_chain_head SET hash = ?, mac = ? WHERE id = 1"));
    tip.addBindValue(hash);
    tip.addBindValue(markSignature({e.seq, hash}));
    if (!m_db.exec(tip))
        return sqlFailure(tip);
    return e.seq;
}

namespace {

const QString SelectEvents = QStringLiteral(
    "SELECT seq, id, time, actor_type, actor_id, action, target_type, target_id, outcome, ip, user_agent, "
    "request_id, details, prev_hash, hash FROM audit_events");

AuditEvent readEvent(const QSqlQuery &q)
{
    AuditEvent e;
    e.seq = q.value(0).toLongLong();
    e.id = q.value(1).toString();
    e.time = q.value(2).toLongLong();
    e.actorType = q.value(3).toString();
    e.actorId = q.value(4).toString();
    e.action = q.value(5).toString();
    e.targetType = q.value(6).toString();
    e.targetId = q.value(7).toString();
    e.outcome = q.value(8).toString();
    e.ip = q.value(9).toString();
    e.userAgent = q.value(10).toString();
    e.requestId = q.value(11).toString();
    e.details = q.value(12).toString();
    return e;
}

// "type:id" or a bare id.
void addSubjectFilter(const QString &value, const char *typeColumn, const char *idColumn, SqlFilter &filter)
{
    if (value.isEmpty())
        return;
    const qsizetype colon = value.indexOf(QLatin1Char(':'));
    if (colon > 0)
        filter.add(QStringLiteral("%1 = ? AND %2 = ?").arg(QLatin1String(typeColumn), QLatin1String(idColumn)),
                   {value.left(colon), value.mid(colon + 1)});
    else
        filter.add(QStringLiteral("%1 = ?").arg(QLatin1String(idColumn)), {value});
}

} // namespace

Result<QList<AuditEvent>> AuditRepository::recent(int limit)
{
    AuditFilter f;
    f.limit = limit;
    auto page = list(f);
    if (!page)
        return page.error();
    return page->items;
}

Result<std::optional<AuditEvent>> AuditRepository::find(qint64 seq)
{
    QSqlQuery &q = m_db.prepared(SelectEvents + QStringLiteral(" WHERE seq = ?"));
    q.addBindValue(seq);
    if (!m_db.exec(q))
        return sqlFailure(q);
    if (!q.next())
        return std::optional<AuditEvent>();
    AuditEvent e = readEvent(q);
    q.finish();
    return std::optional<AuditEvent>(std::move(e));
}

Result<AuditPage> AuditRepository::list(const AuditFilter &f)
{
    SqlFilter filter;
    addSubjectFilter(f.actor, "actor_type", "actor_id", filter);
    addSubjectFilter(f.target, "target_type", "target_id", filter);
    if (!f.action.isEmpty())
        filter.add(QStringLiteral("action = ?"), {f.action});
    if (!f.outcome.isEmpty())
        filter.add(QStringLiteral("outcome = ?"), {f.outcome});
    if (f.since > 0)
        filter.add(QStringLiteral("time >= ?"), {f.since});
    if (f.until > 0)
        filter.add(QStringLiteral("time < ?"), {f.until});
    AuditPage page;
    page.total = -1;
    if (f.countTotal) {
        QSqlQuery &count = m_db.prepared(QStringLiteral("SELECT count(*) FROM audit_events") + filter.where());
        filter.bind(count);
        const auto total = scalar(m_db, count);
        if (!total)
            return total.error();
        page.total = *total;
    }
    // Paging back up reads upwards from afterSeq, then turns the page around: newest first.
    const bool backward = f.beforeSeq <= 0 && f.afterSeq > 0;
    if (f.beforeSeq > 0)
        filter.add(QStringLiteral("seq < ?"), {f.beforeSeq});
    else if (backward)
        filter.add(QStringLiteral("seq > ?"), {f.afterSeq});
    QSqlQuery &q =
        m_db.prepared(SelectEvents + filter.where() + QStringLiteral(" ORDER BY seq ") +
                      (backward ? QStringLiteral("ASC") : QStringLiteral("DESC")) + QStringLiteral(" LIMIT ?"));
    filter.bind(q);
    q.addBindValue(f.limit + 1);
    if (!m_db.exec(q))
        return sqlFailure(q);
    bool more = false;
    while (q.next()) {
        if (page.items.size() == f.limit) {
            more = true;
            break;
        }
        page.items.append(readEvent(q));
    }
    q.finish();
    if (backward)
        std::reverse(page.items.begin(), page.items.end());
    if (page.items.isEmpty())
        return page;
    if (backward ? more : f.beforeSeq > 0)
        page.prevAfterSeq = page.items.first().seq;
    if (backward || more)
        page.nextBeforeSeq = page.items.last().seq;
    return page;
}

QByteArray AuditRepository::checkpointSignature(qint64 seq, const QByteArray &hash) const
{
    return crypto::hmacSha256(m_chainKey, QByteArray("checkpoint:" + QByteArray::number(seq) + ':' + hash));
}

QByteArray AuditRepository::markSignature(const ChainMark &mark) const
{
    return crypto::hmacSha256(m_chainKey, QByteArray("mark:" + QByteArray::number(mark.seq) + ':' + mark.hash));
}

Result<AuditRepository::Head> AuditRepository::head()
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT seq, hash, mac FROM audit_chain_head WHERE id = 1"));
    if (!m_db.exec(q) || !q.next())
        return sqlFailure(q);
    Head h;
    h.mark = {q.value(0).toLongLong(), q.value(1).toByteArray()};
    h.mac = q.value(2).toByteArray();
    q.finish();
    // Even the empty chain's head is signed (when the schema is made): a chain emptied and its head
    // reset does not pass for a new one.
    h.genuine = crypto::constantTimeEquals(h.mac, markSignature(h.mark));
    return h;
}

Result<std::optional<ChainMark>> AuditRepository::signedHead()
{
    auto h = head();
    if (!h)
        return h.error();
    return h->genuine ? std::optional<ChainMark>(h->mark) : std::nullopt;
}

Result<bool> AuditRepository::holds(const ChainMark &mark)
{
    if (mark.seq == 0)
        return true;
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "SELECT (SELECT hash FROM audit_events WHERE seq = ?), (SELECT seq FROM audit_checkpoint WHERE id = 1)"));
    q.addBindValue(mark.seq);
    if (!m_db.exec(q) || !q.next())
        return sqlFailure(q);
    const QByteArray hash = q.value(0).toByteArray();
    const qint64 prunedUpTo = q.value(1).toLongLong();
    q.finish();
    if (hash.isEmpty())
        return mark.seq <= prunedUpTo;
    return crypto::constantTimeEquals(hash, mark.hash);
}

Status AuditRepository::signUnsignedHead()
{
    auto h = head();
    if (!h)
        return h.error();
    if (h->genuine || !h->mac.isEmpty())
        return success(); // signed, or forged: a forged head is verify()'s to report
    auto consistent = holds(h->mark);
    if (!consistent)
        return consistent.error();
    if (!*consistent)
        return success();
    return execute(m_db, QStringLiteral("UPDATE audit_chain_head SET mac = ? WHERE id = 1 AND length(mac) = 0"),
                   {markSignature(h->mark)});
}

Result<qint64> AuditRepository::prune(qint64 beforeMs, qint64 nowMs)
{
    QSqlQuery &last = m_db.prepared(QStringLiteral(
        "SELECT seq, hash FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events WHERE time < ?)"));
    last.addBindValue(beforeMs);
    if (!m_db.exec(last))
        return sqlFailure(last);
    if (!last.next())
        return qint64(0);
    const qint64 seq = last.value(0).toLongLong();
    const QByteArray hash = last.value(1).toByteArray();
    last.finish();
    QSqlQuery &checkpoint = m_db.prepared(QStringLiteral(
        "INSERT INTO audit_checkpoint (id, seq, hash, signature, created_at) VALUES (1, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, signature = excluded.signature, "
        "created_at = excluded.created_at"));
    checkpoint.addBindValue(seq);
    checkpoint.addBindValue(hash);
    checkpoint.addBindValue(checkpointSignature(seq, hash));
    checkpoint.addBindValue(nowMs);
    if (!m_db.exec(checkpoint))
        return sqlFailure(checkpoint);
    QSqlQuery &del = m_db.prepared(QStringLiteral("DELETE FROM audit_events WHERE seq <= ?"));
    del.addBindValue(seq);
    if (!m_db.exec(del))
        return sqlFailure(del);
    return qint64(del.numRowsAffected());
}

Result<ChainReport> AuditRepository::verify(const std::optional<ChainMark> &highWater)
{
    ChainReport report;
    QByteArray previous(32, '\0');
    qint64 expected = 1;
    // After pruning, the chain starts at the signed checkpoint; a forged one fails right there.
    QSqlQuery &checkpoint =
        m_db.prepared(QStringLiteral("SELECT seq, hash, signature FROM audit_checkpoint WHERE id = 1"));
    if (!m_db.exec(checkpoint))
        return sqlFailure(checkpoint);
    if (checkpoint.next()) {
        const qint64 seq = checkpoint.value(0).toLongLong();
        const QByteArray hash = checkpoint.value(1).toByteArray();
        const bool genuine =
            crypto::constantTimeEquals(checkpoint.value(2).toByteArray(), checkpointSignature(seq, hash));
        checkpoint.finish();
        if (!genuine)
            return ChainReport{false, 0, seq + 1};
        previous = hash;
        expected = seq + 1;
    }
    checkpoint.finish();
    const qint64 first = expected - 1;
    // In batches, so a long history never sits in memory at once.
    for (;;) {
        QSqlQuery &q = m_db.prepared(SelectEvents + QStringLiteral(" WHERE seq >= ? ORDER BY seq LIMIT 5000"));
        q.addBindValue(expected);
        if (!m_db.exec(q))
            return sqlFailure(q);
        int rows = 0;
        while (q.next()) {
            ++rows;
            const AuditEvent e = readEvent(q);
            const QByteArray prev = q.value(13).toByteArray();
            const QByteArray hash = q.value(14).toByteArray();
            // Details are compact JSON with escaped strings: this text is only ever a real key.
            const bool appendedOnAForgedHead = e.details.contains(QLatin1String("\"chain_break\":"));
            const bool intact =
                !appendedOnAForgedHead && e.seq == expected && crypto::constantTimeEquals(prev, previous) &&
                crypto::constantTimeEquals(hash, crypto::hmacSha256(m_chainKey, QByteArray(prev + e.canonical()))) &&
                (!highWater || highWater->seq != e.seq || crypto::constantTimeEquals(hash, highWater->hash));
            if (!intact) {
                q.finish();
                ChainReport broken{false, report.checked, expected};
                broken.truncated = appendedOnAForgedHead;
                return broken;
            }
            previous = hash;
            ++expected;
            ++report.checked;
        }
        q.finish();
        if (rows < 5000)
            break;
    }
    // Events cut from the end leave the head pointing past the last one; moving the head back needs
    // the chain key to sign it, and a genuine older head still falls short of the high-water mark.
    auto h = head();
    if (!h)
        return h.error();
    const qint64 last = first + report.checked;
    const qint64 known = qMax(h->genuine ? h->mark.seq : 0, highWater ? highWater->seq : 0);
    const bool headAtLast = h->mark.seq == last && (last == 0 || crypto::constantTimeEquals(h->mark.hash, previous));
    if (h->genuine && headAtLast && known <= last)
        return report;
    ChainReport broken{false, report.checked, last + 1};
    broken.truncated = known > last || !h->genuine;
    broken.lastSeqSeen = known;
    return broken;
}

} // namespace keyward
