#pragma once

#include <QString>

namespace keyward {

// A signed-in session: one per login, its refresh token rotated in place.
struct Session {
    QString id;
    QString userId;
    QString family;
    qint64 createdAt = 0;
    qint64 lastUsedAt = 0;
    qint64 idleExpiresAt = 0;
    qint64 absoluteExpiresAt = 0;
    qint64 revokedAt = 0;
    QString ip;
    QString userAgent;
    bool passwordChangeOnly = false;

    bool isLive(qint64 nowMs) const { return revokedAt == 0 && nowMs < idleExpiresAt && nowMs < absoluteExpiresAt; }
};

} // namespace keyward
