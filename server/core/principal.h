#pragma once

#include <QSet>
#include <QString>

namespace keyward {

// Who is acting, and from where: the input of every permission check and audit event.
struct Principal {
    enum class Type { User, ApiKey, System, Gui, Cli, Anonymous };

    Type type = Type::Anonymous;
    QString id;        // user id, API key id, or empty
    QString sessionId; // set for users authenticated by access token
    QString tokenId;   // jti of the access token
    QString apiKeyId;  // the key used, when authenticated by API key
    qint64 tokenExpiresAt = 0;
    qint64 authTime = 0; // when the session signed in (epoch ms): re-authentication is needed after a while
    QSet<QString> permissions;
    // Token issued to a user who must change the password first: only that is allowed.
    bool passwordChangeOnly = false;

    // Request context carried into audit events.
    QString ip;
    QString userAgent;
    QString requestId;

    bool can(const QString &permission) const { return !passwordChangeOnly && permissions.contains(permission); }
    bool isUser() const { return type == Type::User; }
    // A service key, or a personal key acting for its owner: never a signed-in session.
    bool viaApiKey() const { return type == Type::ApiKey || !apiKeyId.isEmpty(); }
    QString typeName() const;
    // This request's context, now as `userId` signed in with `session`: who the caller became by
    // signing in, as the events of a sign-in name it.
    Principal signedInAs(const QString &userId, const QString &session) const;

    static Principal system();
    // The desktop console: whoever runs it already holds the data directory, so it may do all an
    // administrator may; its actions are audited as actor `gui`.
    static Principal gui();
    // An admin command of `keyward-server` (user, role, apikey, session, backup ...): like the
    // console, whoever runs it holds the data directory and the master key; audited as actor `cli`,
    // with the command as its user agent.
    static Principal cli(const QString &command);
    static Principal anonymous(QString ip = {}, QString userAgent = {}, QString requestId = {});
};

} // namespace keyward
