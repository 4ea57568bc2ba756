#include "audit_text.h"

#include <QCoreApplication>

namespace keyward {

namespace {

const QString UserType = QStringLiteral("user");

} // namespace

QStringList AuditNames::userIdsIn(const QList<AuditEvent> &events)
{
    QStringList ids;
    for (const AuditEvent &e : events) {
        if (e.actorType == UserType && !e.actorId.isEmpty() && !ids.contains(e.actorId))
            ids << e.actorId;
        if (e.targetType == UserType && !e.targetId.isEmpty() && !ids.contains(e.targetId))
            ids << e.targetId;
    }
    return ids;
}

QString AuditNames::named(const QString &type, const QString &id) const
{
    if (type == UserType) {
        const QString name = usernames.value(id);
        return name.isEmpty() ? QCoreApplication::translate("keyward::AuditNames", "user %1").arg(id) : name;
    }
    if (type == QLatin1String("apikey"))
        return QCoreApplication::translate("keyward::AuditNames", "API key %1").arg(id);
    if (type == QLatin1String("gui"))
        return QCoreApplication::translate("keyward::AuditNames", "console");
    if (type == QLatin1String("cli"))
        return QCoreApplication::translate("keyward::AuditNames", "command line");
    if (type == QLatin1String("system"))
        return QCoreApplication::translate("keyward::AuditNames", "system");
    if (type == QLatin1String("anonymous"))
        return QCoreApplication::translate("keyward::AuditNames", "anonymous");
    return id.isEmpty() ? type : type + QLatin1Char(' ') + id;
}

QString AuditNames::actor(const AuditEvent &event) const
{
    return named(event.actorType, event.actorId);
}

QString AuditNames::target(const AuditEvent &event) const
{
    return event.targetType.isEmpty() && event.targetId.isEmpty() ? QString() : named(event.targetType, event.targetId);
}

QString AuditNames::userOf(const AuditEvent &event)
{
    if (event.targetType == UserType && !event.targetId.isEmpty())
        return event.targetId;
    return event.actorType == UserType ? event.actorId : QString();
}

} // namespace keyward
