#pragma once

#include <limits>

#include "core/result.h"
#include "database.h"

namespace keyward {

// Single-use, expiring tokens, stored as SHA-256 hashes of 256-bit random values.
class OneTimeTokenRepository {
public:
    explicit OneTimeTokenRepository(Database &db);

    Status insert(const QByteArray &tokenHash, const QString &purpose, const QString &userId, qint64 nowMs,
                  qint64 expiresAtMs);
    // The user of a live, unused token of this purpose; notFound otherwise.
    // `maxAttempts`: a token whose attempts are spent is not found.
    Result<QString> find(const QByteArray &tokenHash, const QString &purpose, qint64 nowMs,
                         int maxAttempts = std::numeric_limits<int>::max());
    // Consumes it; preconditionFailed when someone else did first.
    Status consume(const QByteArray &tokenHash, qint64 nowMs);
    // Counts one more answer tried with a live token of this purpose, before it is checked, and
    // returns its user; notFound once `maxAttempts` were tried. Inside the caller's write transaction.
    Result<QString> spendAttempt(const QByteArray &tokenHash, const QString &purpose, int maxAttempts, qint64 nowMs);
    Status removeForUser(const QString &userId, const QString &purpose);
    Status removeAllOfUser(const QString &userId);

private:
    Database &m_db;
};

} // namespace keyward
