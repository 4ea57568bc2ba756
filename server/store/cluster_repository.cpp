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

} // namespace keyward
