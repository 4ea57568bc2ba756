#pragma once

#include "core/audit.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace keyward {

// An audit event's actor and target as an admin reads them: the username for a user ("ann"), the
// kind for the console, the system or an anonymous client, "API key <id>" for a key. One place, for
// the Audit panel and a user's recent activity.
struct AuditNames {
    QHash<QString, QString> usernames; // user id -> username

    // The user ids `events` name, as actor or target: what to look the usernames up for.
    static QStringList userIdsIn(const QList<AuditEvent> &events);

    QString actor(const AuditEvent &event) const;
    QString target(const AuditEvent &event) const;
    // The user the event is about: its target if a user, else its actor if a user; empty if none.
    static QString userOf(const AuditEvent &event);

private:
    QString named(const QString &type, const QString &id) const;
};

} // namespace keyward
