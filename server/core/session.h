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
    // Whose refresh token the session holds: empty for the REST API, an OAuth client's id, or
    // HostedSignIn for a browser signed in at the provider's own pages. Each is refreshed only by
    // its holder.
    QString clientId;
    QString scope;       // what the user granted the client, space-separated
    qint64 authTime = 0; // ms: when the user last proved who they are
    QString amr;         // how (RFC 8176 values, space-separated)

    static inline const QString HostedSignIn = QStringLiteral("hosted-sign-in");

    bool isLive(qint64 nowMs) const { return revokedAt == 0 && nowMs < idleExpiresAt && nowMs < absoluteExpiresAt; }
};

} // namespace keyward
