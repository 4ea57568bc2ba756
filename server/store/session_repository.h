#pragma once

#include "core/result.h"
#include "core/session.h"
#include "database.h"

namespace keyward {

// Refresh tokens are stored only as SHA-256 hashes; one row per login ("session"), rotated in place.
class SessionRepository {
public:
    explicit SessionRepository(Database &db);

    Status insert(const Session &s, const QByteArray &refreshHash);
    Result<Session> find(const QString &id);
    // The session whose current token hashes to this; notFound otherwise.
    Result<Session> findByRefreshHash(const QByteArray &hash);
    // The session that once rotated out a token hashing to this: presenting it again is a reuse.
    Result<Session> findBySpentHash(const QByteArray &hash);
    // Replaces the current token when it is still `oldHash` (so two concurrent refreshes cannot both win)
    // and keeps `oldHash` as spent. preconditionFailed when it lost that race.
    Status rotate(const QString &id, const QByteArray &oldHash, const QByteArray &newHash, qint64 nowMs,
                  qint64 idleExpiresAt);
    // Ends the session and those that came from it (its family: the applications a browser's
    // sign-in signed in; other sessions have none).
    Status revoke(const QString &id, const QString &reason, qint64 nowMs);
    // Revokes every live session of the user except `keepId`; returns how many.
    Result<int> revokeAllOfUser(const QString &userId, const QString &reason, qint64 nowMs, const QString &keepId = {});
    // Moves the sessions of family `from` (all but `from` itself) into family `to`.
    Status moveFamily(const QString &from, const QString &to);
    // Moves a session's idle expiry on, as a use of it does.
    Status touch(const QString &id, qint64 nowMs, qint64 idleExpiresAt);
    // Ends every session held by an application (its client id), as when it is deleted.
    Status revokeAllOfClient(const QString &clientId, const QString &reason, qint64 nowMs);
    Result<QList<Session>> liveOfUser(const QString &userId, qint64 nowMs);
    // Forgets sessions (and their spent tokens) whose absolute lifetime ended before `beforeMs`.
    Status pruneExpired(qint64 beforeMs);

    Status clearPasswordChangeOnly(const QString &id);

    // What an access token's session allows right now: checked on every authenticated request,
    // so revocation, disabling and role changes apply at once on every node.
    struct Access {
        Session session;
        bool userActive = false;
        QStringList roles;
        bool tokenRevoked = false;
    };
    Result<Access> access(const QString &sessionId, const QString &jti);
    Status revokeToken(const QString &jti, qint64 expiresAtMs);
    Result<bool> isTokenRevoked(const QString &jti);
    // Records `jti` as used up until `expiresAtMs`; false when it was already.
    Result<bool> spendOnce(const QString &jti, qint64 expiresAtMs);

private:
    Database &m_db;
};

} // namespace keyward
