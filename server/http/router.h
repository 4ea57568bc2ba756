#pragma once

#include "core/principal.h"
#include "http_message.h"

#include <QHash>
#include <QJsonDocument>

#include <functional>

namespace keyward {

class Services;

// What a handler gets: the request, who is calling, the parsed body and the path parameters.
struct RequestContext {
    const HttpRequest &request;
    Principal principal;
    QJsonDocument body;
    QHash<QString, QString> params;
    Services &services;
    // Charges a failed authentication the handler made itself (a client's, at the OAuth endpoints)
    // to the caller's address in the sign-in class; the 429 to answer once that is spent.
    std::function<std::optional<ApiError>()> failedAuthentication;

    QString param(const QString &name) const { return params.value(name); }
};

using Handler = std::function<HttpResponse(RequestContext &)>;

struct RouteOptions {
    enum class Access {
        Public,                // no credentials needed
        Optional,              // credentials used when given (and must then be valid), else anonymous
        Authenticated,         // a valid token; permissions are checked by the service
        PasswordChangeAllowed, // also open to tokens limited to changing the password
    };
    // OptionalJsonObject: a JSON object when the request has a body, else an empty one (a DELETE that
    // may carry the current password, say). Form: application/x-www-form-urlencoded, read by the
    // handler itself (the OAuth endpoints, whose errors take the protocol's own form).
    enum class Body { None, JsonObject, OptionalJsonObject, JsonAny, Form };
    // Password hashing blocks for tens of milliseconds: such handlers run on the hashing pool.
    enum class Execution { Inline, HashingPool };

    // Which per-client rate limit applies: reads or writes by method, the stricter authentication
    // class, or none (probes).
    enum class Limit { ByMethod, Auth, None };

    Access access = Access::Authenticated;
    Body body = Body::None;
    Execution execution = Execution::Inline;
    Limit limit = Limit::ByMethod;
    bool admin = false; // part of the admin API: subject to the admin allow-list
    // Needs a signed-in session: an API key may not do this. The services refuse (and audit) it;
    // the flag declares it, for the OpenAPI document and the permission tests.
    bool sessionOnly = false;
};

// Marks a route that an API key must not reach (password, MFA, keys, sessions, logout): a leaked
// key must not become a taken-over account.
inline RouteOptions sessionOnly(RouteOptions options = {})
{
    options.sessionOnly = true;
    return options;
}

// Marks a route as part of the admin API.
inline RouteOptions admin(RouteOptions options = {})
{
    options.admin = true;
    return options;
}

struct Route {
    QByteArray method;
    QString pattern; // e.g. /api/v1/users/{id}
    RouteOptions options;
    Handler handler;
    QStringList segments;
};

// Matches method and path against registered routes: segment by segment (no regular
// expressions), literal segments before parameters.
class Router {
public:
    void add(const QByteArray &method, const QString &pattern, RouteOptions options, Handler handler);

    struct Match {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QByteArrayList allowed; // without a route: the methods of routes that match the path, for 405
    };
    Match match(const QByteArray &method, const QString &path) const;
    const QList<Route> &routes() const { return m_routes; }

private:
    QList<Route> m_routes;
};

} // namespace keyward
