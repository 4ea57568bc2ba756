#pragma once

#include "core/passkey.h"
#include "core/result.h"
#include "database.h"

#include <optional>

namespace keyward {

class PasskeyRepository {
public:
    explicit PasskeyRepository(Database &db);

    // conflict when the credential is registered already (to anyone).
    Status insert(const Passkey &passkey);
    Result<QList<Passkey>> listOfUser(const QString &userId);
    Result<int> countOf(const QString &userId);
    Result<Passkey> findByCredentialId(const QByteArray &credentialId);
    // Only the user's own: notFound otherwise.
    Status rename(const QString &userId, const QString &id, const QString &name);
    Status remove(const QString &userId, const QString &id);
    Status removeAllOf(const QString &userId);
    // After a sign-in: the counter moves from `from` to `to` only if no other sign-in moved it
    // meanwhile (false then, and nothing written).
    Result<bool> recordUse(const Passkey &passkey, qint64 from, qint64 to, bool backedUp, qint64 nowMs);

    // `boundTo`: what the challenge was handed out to (a session, a sign-in's second step; '' for none).
    Status insertChallenge(const QByteArray &challengeHash, const QString &purpose, const QString &userId,
                           const QString &boundTo, qint64 expiresAtMs);
    // Spends a challenge of `purpose`, handed out to `boundTo`, not expired at `nowMs`: the user it
    // was for ('' for none); nullopt when there is no such challenge, or no longer.
    Result<std::optional<QString>> takeChallenge(const QByteArray &challengeHash, const QString &purpose,
                                                 const QString &boundTo, qint64 nowMs);
    Status pruneChallenges(qint64 nowMs);

private:
    Database &m_db;
};

} // namespace keyward
