#include "oauth_client_repository.h"

#include "sql_error.h"

namespace keyward {

namespace {

const QString SelectClients =
    QStringLiteral("SELECT id, name, type, auth_method, jwks, redirect_uris, post_logout_redirect_uris, scopes, "
                   "grant_types, first_party, access_token_ttl, refresh_token_ttl, secret_hash, "
                   "created_by, created_at, updated_at, version FROM oauth_clients");

QStringList names(const QVariant &joined)
{
    return joined.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

OAuthClient readClient(const QSqlQuery &q)
{
    OAuthClient c;
    c.id = q.value(0).toString();
    c.name = q.value(1).toString();
    c.type = q.value(2).toString();
    c.authMethod = q.value(3).toString();
    c.jwks = q.value(4).toString();
    c.redirectUris = names(q.value(5));
    c.postLogoutRedirectUris = names(q.value(6));
    c.scopes = names(q.value(7));
    c.grantTypes = names(q.value(8));
    c.firstParty = q.value(9).toBool();
    c.accessTokenTtl = q.value(10).toLongLong();
    c.refreshTokenTtl = q.value(11).toLongLong();
    c.hasSecret = !q.value(12).toByteArray().isEmpty();
    c.createdBy = q.value(13).toString();
    c.createdAt = q.value(14).toLongLong();
    c.updatedAt = q.value(15).toLongLong();
    c.version = q.value(16).toLongLong();
    return c;
}

QVariant optionalHash(const QByteArray &hash)
{
    return hash.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(hash);
}

Status changedOne(QSqlQuery &q, Database &db, const ApiError &otherwise)
{
    if (!db.exec(q))
        return sqlFailure(q);
    return q.numRowsAffected() == 1 ? success() : Status(otherwise);
}

} // namespace

OAuthClientRepository::OAuthClientRepository(Database &db)
    : m_db(db)
{
}

Status OAuthClientRepository::insert(const OAuthClient &c, const QByteArray &secretHash)
{
    return execute(m_db,
                   QStringLiteral("INSERT INTO oauth_clients (id, name, type, auth_method, secret_hash, jwks, "
                                  "redirect_uris, post_logout_redirect_uris, scopes, grant_types, first_party, "
                                  "access_token_ttl, refresh_token_ttl, created_by, created_at, updated_at, version) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"),
                   {c.id, c.name, c.type, c.authMethod, optionalHash(secretHash), notNull(c.jwks),
                    joinedNames(c.redirectUris), joinedNames(c.postLogoutRedirectUris), joinedNames(c.scopes),
                    joinedNames(c.grantTypes), c.firstParty, c.accessTokenTtl, c.refreshTokenTtl, notNull(c.createdBy),
                    c.createdAt, c.createdAt});
}

Result<OAuthClient> OAuthClientRepository::find(const QString &id, QByteArray *secretHash)
{
    QSqlQuery &q = m_db.prepared(SelectClients + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    if (!m_db.exec(q))
        return sqlFailure(q);
    if (!q.next())
        return ApiError::notFound(QStringLiteral("No such client."));
    OAuthClient c = readClient(q);
    if (secretHash)
        *secretHash = q.value(12).toByteArray();
    q.finish();
    return c;
}

Result<QList<OAuthClient>> OAuthClientRepository::list()
{
    QSqlQuery &q = m_db.prepared(SelectClients + QStringLiteral(" ORDER BY name, id"));
    if (!m_db.exec(q))
        return sqlFailure(q);
    QList<OAuthClient> out;
    while (q.next())
        out.append(readClient(q));
    return out;
}

Status OAuthClientRepository::update(const OAuthClient &c, qint64 nowMs)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "UPDATE oauth_clients SET name = ?, auth_method = ?, jwks = ?, redirect_uris = ?, "
        "post_logout_redirect_uris = ?, scopes = ?, grant_types = ?, first_party = ?, access_token_ttl = ?, "
        "refresh_token_ttl = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?"));
    for (const QVariant &v :
         {QVariant(c.name), QVariant(c.authMethod), QVariant(notNull(c.jwks)), QVariant(joinedNames(c.redirectUris)),
          QVariant(joinedNames(c.postLogoutRedirectUris)), QVariant(joinedNames(c.scopes)),
          QVariant(joinedNames(c.grantTypes)), QVariant(c.firstParty), QVariant(c.accessTokenTtl),
          QVariant(c.refreshTokenTtl), QVariant(nowMs), QVariant(c.id), QVariant(c.version)})
        q.addBindValue(v);
    return changedOne(q, m_db,
                      ApiError::preconditionFailed(QStringLiteral("The client was changed meanwhile; read it again.")));
}

Status OAuthClientRepository::setSecret(const QString &id, const QByteArray &secretHash, qint64 nowMs)
{
    // A secret is given only to a client that still authenticates with one when the row is written
    // (a concurrent change of its method must not leave it a secret it no longer uses).
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "UPDATE oauth_clients SET secret_hash = ?, updated_at = ?, version = version + 1 WHERE id = ? AND "
        "(? OR auth_method IN ('client_secret_basic', 'client_secret_post'))"));
    q.addBindValue(optionalHash(secretHash));
    q.addBindValue(nowMs);
    q.addBindValue(id);
    q.addBindValue(secretHash.isEmpty());
    return changedOne(
        q, m_db, ApiError::conflict(QStringLiteral("The client no longer uses a secret, or is gone; read it again.")));
}

Status OAuthClientRepository::remove(const QString &id)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("DELETE FROM oauth_clients WHERE id = ?"));
    q.addBindValue(id);
    return changedOne(q, m_db, ApiError::notFound(QStringLiteral("No such client.")));
}

} // namespace keyward
