#include "cluster_repository.h"

#include "sql_error.h"

namespace keyward {

ClusterRepository::ClusterRepository(Database &db)
    : m_db(db)
{
}

Result<QString> ClusterRepository::claimIssuer(const QString &candidate, qint64 nowMs)
{
    if (auto claimed = execute(m_db,
                               QStringLiteral("INSERT INTO cluster_identity (id, issuer, claimed_at) VALUES (1, ?, ?) "
                                              "ON CONFLICT (id) DO NOTHING"),
                               {candidate, nowMs});
        !claimed)
        return claimed.error();
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT issuer FROM cluster_identity WHERE id = 1"));
    if (!m_db.exec(q) || !q.next())
        return sqlFailure(q);
    const QString issuer = q.value(0).toString();
    q.finish();
    return issuer;
}

Result<QList<ClusterRepository::Change>> ClusterRepository::changesAfter(qint64 afterSeq, const QList<qint64> &alsoSeqs,
                                                                         int limit)
{
    const bool also = !alsoSeqs.isEmpty();
    const bool postgres = m_db.kind() == Database::Kind::Postgres;
    QStringList numbers;
    for (qint64 seq : alsoSeqs)
        numbers << QString::number(seq);
    // One bound list, whatever its length: an array literal on PostgreSQL, JSON on SQLite.
    QSqlQuery &q = m_db.prepared(
        !also      ? QStringLiteral("SELECT seq, topic, subject FROM changes WHERE seq > ? ORDER BY seq LIMIT ?")
        : postgres ? QStringLiteral("SELECT seq, topic, subject FROM changes "
                                    "WHERE seq > ? OR seq = ANY (CAST(? AS BIGINT[])) ORDER BY seq LIMIT ?")
                   : QStringLiteral("SELECT seq, topic, subject FROM changes "
                                    "WHERE seq > ? OR seq IN (SELECT value FROM json_each(?)) ORDER BY seq LIMIT ?"));
    q.addBindValue(afterSeq);
    if (also)
        q.addBindValue(QString(postgres ? u'{' + numbers.join(u',') + u'}' : u'[' + numbers.join(u',') + u']'));
    q.addBindValue(limit);
    if (!m_db.exec(q))
        return sqlFailure(q);
    QList<Change> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    q.finish();
    return out;
}

Result<qint64> ClusterRepository::lastChange()
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT coalesce(max(seq), 0) FROM changes"));
    if (!m_db.exec(q) || !q.next())
        return sqlFailure(q);
    const qint64 seq = q.value(0).toLongLong();
    q.finish();
    return seq;
}

Result<int> ClusterRepository::pruneChanges(qint64 beforeS)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("DELETE FROM changes WHERE at < ?"));
    q.addBindValue(beforeS);
    if (!m_db.exec(q))
        return sqlFailure(q);
    return q.numRowsAffected();
}

} // namespace keyward
