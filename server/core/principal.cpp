#include "principal.h"

#include "permissions.h"

namespace keyward {

QString Principal::typeName() const
{
    switch (type) {
    case Type::User:
        return QStringLiteral("user");
    case Type::ApiKey:
        return QStringLiteral("apikey");
    case Type::System:
        return QStringLiteral("system");
    case Type::Gui:
        return QStringLiteral("gui");
    case Type::Cli:
        return QStringLiteral("cli");
    case Type::Anonymous:
        break;
    }
    return QStringLiteral("anonymous");
}

Principal Principal::signedInAs(const QString &userId, const QString &session) const
{
    Principal p = *this;
    p.type = Type::User;
    p.id = userId;
    p.sessionId = session;
    return p;
}

Principal Principal::system()
{
    Principal p;
    p.type = Type::System;
    const QStringList &all = permission::all();
    p.permissions = QSet<QString>(all.begin(), all.end());
    return p;
}

Principal Principal::gui()
{
    Principal p = system();
    p.type = Type::Gui;
    p.userAgent = QStringLiteral("keyward console");
    return p;
}

Principal Principal::cli(const QString &command)
{
    Principal p = system();
    p.type = Type::Cli;
    p.userAgent = QStringLiteral("keyward-server ") + command;
    return p;
}

Principal Principal::anonymous(QString ip, QString userAgent, QString requestId)
{
    Principal p;
    p.ip = std::move(ip);
    p.userAgent = std::move(userAgent);
    p.requestId = std::move(requestId);
    return p;
}

} // namespace keyward
