#pragma once

#include <QString>
#include <QStringList>

namespace keyward {

struct ApiKey {
    QString id;
    QString kind; // personal | service
    QString ownerId;
    QString name;
    QString prefix;
    QStringList scopes;
    QString createdBy;     // the id of who made it: a user, or (keys made before 0.2) another key
    QString createdByType; // user | apikey | system (the console, the command line)
    qint64 createdAt = 0;
    qint64 expiresAt = 0; // 0 = never
    qint64 lastUsedAt = 0;
    qint64 revokedAt = 0;

    bool isLive(qint64 nowMs) const { return revokedAt == 0 && (expiresAt == 0 || nowMs < expiresAt); }
};

} // namespace keyward
