#pragma once

#include "core/result.h"
#include "database.h"

#include <optional>

namespace keyward {

struct TotpRecord {
    QByteArray secretSealed;
    bool confirmed = false;
    qint64 lastStep = 0;
};

// TOTP enrolments and recovery codes. Secrets arrive sealed and code hashes keyed: nothing here
// can be replayed from a copy of the database alone.
class MfaRepository {
public:
    explicit MfaRepository(Database &db);

    Result<std::optional<TotpRecord>> totp(const QString &userId);
    // Replaces any pending (unconfirmed) enrolment; refuses when one is confirmed.
    Status savePending(const QString &userId, const QByteArray &secretSealed, qint64 nowMs);
    Status confirm(const QString &userId, qint64 step);
    // Records `step` as used if it is newer than the last one; false when it was not (a replay).
    Result<bool> useStep(const QString &userId, qint64 step);
    Status replaceRecoveryCodes(const QString &userId, const QList<QByteArray> &codeHashes);
    // Marks an unused code used; false when there is none with this hash.
    Result<bool> useRecoveryCode(const QString &userId, const QByteArray &codeHash, qint64 nowMs);
    Status removeAll(const QString &userId);

private:
    Database &m_db;
};

} // namespace keyward
