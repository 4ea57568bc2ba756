// Nobody reaches more through Keyward than they hold: each attack of issue 11 tried over real HTTP,
// on SQLite and PostgreSQL, and seen refused (and audited).
#include "api_helpers.h"
#include "core/ids.h"
#include "core/permissions.h"
#include "http/router.h"
#include "manual_clock.h"
#include "smtp_sink.h"
#include "store/user_repository.h"
#include "test_server.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <thread>

using namespace keyward;
using namespace keyward::test;

namespace {

const QString Login = QStringLiteral("/api/v1/auth/login");
const QString Users = QStringLiteral("/api/v1/users");
const QString Me = QStringLiteral("/api/v1/me");

// "POST /path -> 403 insufficient-privilege", for failure messages.
QString outcome(const QByteArray &method, const QString &path, const Reply &r)
{
    return QString::fromLatin1(method) + QLatin1Char(' ') + path +
           QStringLiteral(" -> %1 %2").arg(r.status).arg(problemSlug(r));
}

} // namespace

namespace {

// Who may call each route, in one table: the permission matrix below is generated from it, and a
// route registered without an entry (or an entry for no route) fails the test.
struct RouteRule {
    enum class Who {
        Anyone,   // public, or a probe: no credential decides anything
        SignedIn, // any signed-in user, on their own account (session-only routes: no API keys)
        Holder,   // holders of `permission`; on another account, also every permission it holds
    };
    RouteRule(QByteArray method_, QString pattern_, Who who_ = Who::Anyone, QString permission_ = {},
              QJsonValue body_ = QJsonValue(QJsonValue::Undefined), bool actsOnUser_ = false)
        : method(std::move(method_))
        , pattern(std::move(pattern_))
        , who(who_)
        , permission(std::move(permission_))
        , body(std::move(body_))
        , actsOnUser(actsOnUser_)
    {
    }
    QByteArray method;
    QString pattern;
    Who who;
    QString permission;
    QJsonValue body; // a body the route accepts (undefined: none)
    bool actsOnUser; // {id} is an account the caller acts on: insufficient-privilege applies
};

QList<RouteRule> routeRules()
{
    using W = RouteRule::Who;
    namespace p = permission;
    const QJsonObject none;
    const auto o = [](std::initializer_list<QPair<QString, QJsonValue>> m) { return QJsonValue(obj(m)); };
    return {
        {"GET", QStringLiteral("/.well-known/jwks.json")},
        {"GET", QStringLiteral("/.well-known/openid-configuration")},
        // Clients authenticate in the request itself (tst_oauth).
        {"POST", QStringLiteral("/oauth2/token")},
        // Passkey sign-in proves who the caller is (tst_passkeys).
        {"POST", QStringLiteral("/api/v1/auth/webauthn/options")},
        {"POST", QStringLiteral("/api/v1/auth/webauthn/verify")},
        // The second step of a login: its mfa_token says whose (tst_passkeys).
        {"POST", QStringLiteral("/api/v1/auth/mfa/webauthn/options")},
        {"POST", QStringLiteral("/api/v1/auth/mfa/webauthn/verify")},
        {"POST", QStringLiteral("/oauth2/introspect")},
        {"POST", QStringLiteral("/oauth2/revoke")},
        // The browser's side: the hosted pages, with their own cookie and forms (tst_oidc).
        {"GET", QStringLiteral("/oauth2/authorize")},
        {"POST", QStringLiteral("/oauth2/authorize")},
        {"GET", QStringLiteral("/oauth2/logout")},
        {"POST", QStringLiteral("/oauth2/logout")},
        // A client's access token for the user (tst_oidc); the REST API's tokens get nothing there.
        {"GET", QStringLiteral("/oauth2/userinfo")},
        {"POST", QStringLiteral("/oauth2/userinfo")},
        {"GET", QStringLiteral("/api/v1/openapi.json")},
        {"GET", QStringLiteral("/docs")},
        {"GET", QStringLiteral("/health")},
        {"GET", QStringLiteral("/health/live")},
        {"GET", QStringLiteral("/health/ready")},
        {"POST",
         QStringLiteral("/api/v1/password/strength"),
         W::Anyone,
         {},
         o({{QStringLiteral("password"), QStringLiteral("x")}})},
        {"POST", QStringLiteral("/api/v1/auth/login"), W::Anyone, {}, none},
        {"POST", QStringLiteral("/api/v1/auth/mfa"), W::Anyone, {}, none},
        {"POST", QStringLiteral("/api/v1/auth/refresh"), W::Anyone, {}, none},
        {"POST", QStringLiteral("/api/v1/auth/register"), W::Anyone, {}, none},
        {"POST", QStringLiteral("/api/v1/auth/password-reset"), W::Anyone, {}, none},
        {"POST", QStringLiteral("/api/v1/auth/password-reset/confirm"), W::Anyone, {}, none},
        {"POST", QStringLiteral("/api/v1/auth/verify-email"), W::Anyone, {}, none},

        {"GET", QStringLiteral("/api/v1/me"), W::SignedIn},
        {"PATCH",
         QStringLiteral("/api/v1/me"),
         W::SignedIn,
         {},
         o({{QStringLiteral("display_name"), QStringLiteral("Me")}})},
        {"POST",
         QStringLiteral("/api/v1/me/password"),
         W::SignedIn,
         {},
         o({{QStringLiteral("new_password"), QStringLiteral("x")}})},
        {"POST", QStringLiteral("/api/v1/me/mfa/totp"), W::SignedIn},
        {"POST",
         QStringLiteral("/api/v1/me/mfa/totp/confirm"),
         W::SignedIn,
         {},
         o({{QStringLiteral("code"), QStringLiteral("000000")}})},
        {"DELETE", QStringLiteral("/api/v1/me/mfa/totp"), W::SignedIn},
        {"GET", QStringLiteral("/api/v1/me/api-keys"), W::SignedIn},
        {"POST",
         QStringLiteral("/api/v1/me/api-keys"),
         W::SignedIn,
         {},
         o({{QStringLiteral("name"), QStringLiteral("k")}, {QStringLiteral("scopes"), QJsonArray()}})},
        {"DELETE", QStringLiteral("/api/v1/me/api-keys/{id}"), W::SignedIn},
        {"GET", QStringLiteral("/api/v1/me/sessions"), W::SignedIn},
        {"DELETE", QStringLiteral("/api/v1/me/sessions/{id}"), W::SignedIn},
        {"POST", QStringLiteral("/api/v1/auth/logout"), W::SignedIn},
        {"POST", QStringLiteral("/api/v1/auth/logout-all"), W::SignedIn},

        {"GET", QStringLiteral("/api/v1/users"), W::Holder, p::UsersRead},
        {"POST", QStringLiteral("/api/v1/users"), W::Holder, p::UsersWrite,
         o({{QStringLiteral("username"), QStringLiteral("x")}})},
        {"POST", QStringLiteral("/api/v1/users/import"), W::Holder, p::UsersWrite, QJsonArray()},
        {"GET", QStringLiteral("/api/v1/users/export"), W::Holder, p::UsersRead},
        {"GET", QStringLiteral("/api/v1/users/{id}"), W::Holder, p::UsersRead},
        {"PATCH", QStringLiteral("/api/v1/users/{id}"), W::Holder, p::UsersWrite,
         o({{QStringLiteral("display_name"), QStringLiteral("X")}}), true},
        {"DELETE", QStringLiteral("/api/v1/users/{id}"), W::Holder, p::UsersDelete, {}, true},
        {"POST", QStringLiteral("/api/v1/users/{id}/restore"), W::Holder, p::UsersDelete, {}, true},
        {"POST", QStringLiteral("/api/v1/users/{id}/password"), W::Holder, p::UsersWrite,
         o({{QStringLiteral("new_password"), QStringLiteral("a password long enough")}}), true},
        {"POST", QStringLiteral("/api/v1/users/{id}/unlock"), W::Holder, p::UsersWrite, {}, true},
        {"DELETE", QStringLiteral("/api/v1/users/{id}/mfa"), W::Holder, p::UsersWrite, {}, true},
        {"GET", QStringLiteral("/api/v1/users/{id}/sessions"), W::Holder, p::SessionsManage},
        {"DELETE", QStringLiteral("/api/v1/users/{id}/sessions"), W::Holder, p::SessionsManage, {}, true},
        {"DELETE", QStringLiteral("/api/v1/users/{id}/sessions/{sid}"), W::Holder, p::SessionsManage, {}, true},
        {"GET", QStringLiteral("/api/v1/roles"), W::Holder, p::RolesManage},
        {"POST", QStringLiteral("/api/v1/roles"), W::Holder, p::RolesManage,
         o({{QStringLiteral("name"), QStringLiteral("!")}})},
        {"GET", QStringLiteral("/api/v1/roles/{name}"), W::Holder, p::RolesManage},
        {"PATCH", QStringLiteral("/api/v1/roles/{name}"), W::Holder, p::RolesManage, none},
        {"DELETE", QStringLiteral("/api/v1/roles/{name}"), W::Holder, p::RolesManage},
        {"GET", QStringLiteral("/api/v1/api-keys"), W::Holder, p::ApiKeysManage},
        {"POST", QStringLiteral("/api/v1/api-keys"), W::Holder, p::ApiKeysManage,
         o({{QStringLiteral("name"), QStringLiteral("k")}, {QStringLiteral("scopes"), QJsonArray()}})},
        {"DELETE", QStringLiteral("/api/v1/api-keys/{id}"), W::Holder, p::ApiKeysManage},
        {"GET", QStringLiteral("/api/v1/oauth2/clients"), W::Holder, p::ClientsManage},
        {"POST", QStringLiteral("/api/v1/oauth2/clients"), W::Holder, p::ClientsManage, none},
        {"GET", QStringLiteral("/api/v1/oauth2/clients/{id}"), W::Holder, p::ClientsManage},
        {"PATCH", QStringLiteral("/api/v1/oauth2/clients/{id}"), W::Holder, p::ClientsManage, none},
        {"DELETE", QStringLiteral("/api/v1/oauth2/clients/{id}"), W::Holder, p::ClientsManage},
        {"POST", QStringLiteral("/api/v1/oauth2/clients/{id}/secret"), W::Holder, p::ClientsManage},
        {"POST", QStringLiteral("/api/v1/me/webauthn/register/options"), W::SignedIn},
        {"POST", QStringLiteral("/api/v1/me/webauthn/register/verify"), W::SignedIn, {}, none},
        {"GET", QStringLiteral("/api/v1/me/webauthn/credentials"), W::SignedIn},
        {"PATCH", QStringLiteral("/api/v1/me/webauthn/credentials/{id}"), W::SignedIn, {}, none},
        {"DELETE", QStringLiteral("/api/v1/me/webauthn/credentials/{id}"), W::SignedIn},
        {"PUT", QStringLiteral("/api/v1/me/webauthn/sign-in"), W::SignedIn, {}, none},
        {"GET", QStringLiteral("/api/v1/users/{id}/webauthn/credentials"), W::Holder, p::UsersRead},
        {"DELETE", QStringLiteral("/api/v1/users/{id}/webauthn/credentials/{pid}"), W::Holder, p::UsersWrite, {}, true},
        {"GET", QStringLiteral("/api/v1/webhooks"), W::Holder, p::WebhooksManage},
        {"POST", QStringLiteral("/api/v1/webhooks"), W::Holder, p::WebhooksManage, none},
        {"GET", QStringLiteral("/api/v1/webhooks/{id}"), W::Holder, p::WebhooksManage},
        {"PATCH", QStringLiteral("/api/v1/webhooks/{id}"), W::Holder, p::WebhooksManage, none},
        {"DELETE", QStringLiteral("/api/v1/webhooks/{id}"), W::Holder, p::WebhooksManage},
        {"POST", QStringLiteral("/api/v1/webhooks/{id}/secret"), W::Holder, p::WebhooksManage},
        {"GET", QStringLiteral("/api/v1/webhooks/{id}/deliveries"), W::Holder, p::WebhooksManage},
        {"POST", QStringLiteral("/api/v1/webhooks/{id}/deliveries/{delivery}/resend"), W::Holder, p::WebhooksManage},
        {"GET", QStringLiteral("/api/v1/audit"), W::Holder, p::AuditRead},
        {"GET", QStringLiteral("/api/v1/audit/verify"), W::Holder, p::AuditRead},
        {"GET", QStringLiteral("/api/v1/settings"), W::Holder, p::SettingsManage},
        {"PATCH", QStringLiteral("/api/v1/settings"), W::Holder, p::SettingsManage, none},
        {"POST", QStringLiteral("/api/v1/keys/rotate"), W::Holder, p::SettingsManage},
        {"GET", QStringLiteral("/metrics"), W::Holder, p::MetricsRead},
    };
}

// One kind of caller in the matrix: a role's user, or an API key with scopes.
struct Caller {
    Caller(QString name_, QStringList roles_, QStringList keyScopes_ = {}, bool serviceKey_ = false)
        : name(std::move(name_))
        , roles(std::move(roles_))
        , keyScopes(std::move(keyScopes_))
        , serviceKey(serviceKey_)
    {
    }
    QString name;
    QStringList roles;     // for a user; the maker's roles for a key
    QStringList keyScopes; // non-empty: the caller is an API key
    bool serviceKey;       // a service key, else the maker's personal key
};

} // namespace

class TstAuthorization : public QObject {
    Q_OBJECT

private:
    void backendData() { TestDatabase::addBackendRows(); }

    std::unique_ptr<TestServer> server(const Clock *clock = nullptr) { return TestServer::onRowBackend(clock); }

    static QString path(const QString &userId, const QString &rest = {})
    {
        return Users + QLatin1Char('/') + userId + rest;
    }

    // The denied events of `action` in the audit trail, as "actor->target:reason".
    static QStringList denials(TestServer &s, const QString &action)
    {
        QStringList out;
        AuditFilter f;
        f.action = action;
        f.outcome = QStringLiteral("denied");
        f.limit = 200;
        const auto page = s.services().audit().list(Principal::system(), f);
        for (const AuditEvent &e : page->items)
            out << e.actorId + QStringLiteral("->") + e.targetId + QLatin1Char(':') +
                       QJsonDocument::fromJson(e.details.toUtf8()).object().value(QStringLiteral("reason")).toString();
        return out;
    }

    void useSmtp(TestServer &s, const SmtpSink &smtp)
    {
        QCOMPARE(
            s.request("PATCH", QStringLiteral("/api/v1/settings"),
                      QJsonDocument(obj({{QStringLiteral("smtp"),
                                          QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                                      {QStringLiteral("port"), smtp.port()},
                                                      {QStringLiteral("security"), QStringLiteral("none")},
                                                      {QStringLiteral("sender"), QStringLiteral("kw@example.com")}}}})),
                      s.adminToken())
                .status,
            200);
    }

private Q_SLOTS:
    // For every route and every kind of caller, the allow/deny the rule table says; a route missing
    // from the table fails here.
    void permissionMatrix_data() { backendData(); }
    void permissionMatrix()
    {
        auto s = server();
        const Router router = HttpServer::buildRouter();
        const QList<RouteRule> rules = routeRules();
        QSet<QString> tabled, registered;
        for (const RouteRule &r : rules)
            tabled.insert(QString::fromLatin1(r.method) + QLatin1Char(' ') + r.pattern);
        for (const Route &route : router.routes())
            registered.insert(QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern);
        QStringList missing = QStringList(registered.begin(), registered.end()), stale;
        missing.removeIf([&](const QString &r) { return tabled.contains(r); });
        for (const QString &t : std::as_const(tabled))
            if (!registered.contains(t))
                stale << t;
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("routes without a rule: ") + missing.join(QStringLiteral(", "))));
        QVERIFY2(stale.isEmpty(),
                 qPrintable(QStringLiteral("rules without a route: ") + stale.join(QStringLiteral(", "))));

        const QByteArray admin = s->adminToken();
        // Hundreds of sign-ins from one address: let them reach the handlers, not the rate limiter.
        QCOMPARE(s->request("PATCH", QStringLiteral("/api/v1/settings"),
                            QJsonDocument(obj(
                                {{QStringLiteral("rate_limits"), QJsonObject{{QStringLiteral("enabled"), false}}}})),
                            admin)
                     .status,
                 200);
        QCOMPARE(postRole(*s, admin, QStringLiteral("helpdesk"),
                          QStringList{QStringLiteral("users:read"), QStringLiteral("sessions:manage")}),
                 201);
        const QList<Caller> callers{
            {QStringLiteral("admin"), {QStringLiteral("admin")}},
            {QStringLiteral("user-manager"), {QStringLiteral("user-manager")}},
            {QStringLiteral("auditor"), {QStringLiteral("auditor")}},
            {QStringLiteral("user"), {QStringLiteral("user")}},
            {QStringLiteral("helpdesk"), {QStringLiteral("helpdesk")}},
            {QStringLiteral("personal-key"),
             {QStringLiteral("admin")},
             {QStringLiteral("users:read"), QStringLiteral("audit:read")}},
            {QStringLiteral("service-key"),
             {QStringLiteral("admin")},
             {QStringLiteral("users:read"), QStringLiteral("users:write")},
             true},
        };
        RoleService &roles = s->services().roles();
        const auto permissionsOf = [&](const Caller &c) {
            QSet<QString> held = roles.permissionsFor(c.roles);
            if (!c.keyScopes.isEmpty())
                held &= QSet<QString>(c.keyScopes.begin(), c.keyScopes.end());
            return held;
        };
        int made = 0;
        // A fresh credential for each request: some routes end the session they are called with.
        const auto credential = [&](const Caller &c) -> QList<QPair<QByteArray, QByteArray>> {
            const QString name = QStringLiteral("%1-%2").arg(c.name).arg(++made);
            s->createUser(name, QStringLiteral("matrix password"), c.roles);
            const QByteArray token = s->accessToken(name, QStringLiteral("matrix password"));
            if (c.keyScopes.isEmpty())
                return {{"Authorization", "Bearer " + token}};
            return {{"X-API-Key", newApiKey(*s,
                                            c.serviceKey ? QStringLiteral("/api/v1/api-keys")
                                                         : QStringLiteral("/api/v1/me/api-keys"),
                                            token, name, c.keyScopes)}};
        };
        const auto concrete = [&](const RouteRule &r, const QString &target) {
            QString p = r.pattern;
            p.replace(QStringLiteral("{id}"), r.pattern.startsWith(Users) ? target : newId(0));
            p.replace(QStringLiteral("{sid}"), newId(0));
            p.replace(QStringLiteral("{name}"), QStringLiteral("user"));
            return p;
        };
        const auto call = [&](const RouteRule &r, const QString &target,
                              const QList<QPair<QByteArray, QByteArray>> &h) {
            return s->send(
                r.method, concrete(r, target),
                r.body.isUndefined() ? QByteArray() : QJsonDocument::fromVariant(r.body.toVariant()).toJson(), {}, h);
        };

        QStringList wrong;
        for (const RouteRule &r : rules) {
            if (r.who == RouteRule::Who::Anyone)
                continue;
            const bool sessionOnly =
                std::any_of(router.routes().begin(), router.routes().end(), [&](const Route &route) {
                    return route.method == r.method && route.pattern == r.pattern && route.options.sessionOnly;
                });
            for (const Caller &c : callers) {
                const bool key = !c.keyScopes.isEmpty();
                if (r.who == RouteRule::Who::SignedIn && c.serviceKey)
                    continue; // a service key is no one's own account
                const bool allowed = !(key && sessionOnly) &&
                                     (r.who == RouteRule::Who::SignedIn || permissionsOf(c).contains(r.permission));
                const QString target = s->createUser(QStringLiteral("target-%1").arg(++made),
                                                     QStringLiteral("target password"), {QStringLiteral("user")});
                const Reply reply = call(r, target, credential(c));
                const bool wasAllowed = reply.status != 401 && reply.status != 403;
                if (wasAllowed != allowed || reply.status >= 500)
                    wrong << c.name + QStringLiteral(": ") + outcome(r.method, r.pattern, reply) +
                                 (allowed ? QStringLiteral(" (should be allowed)")
                                          : QStringLiteral(" (should be refused)"));
            }
            // Anonymous callers are told to sign in.
            const Reply anonymous = call(r, newId(0), {});
            if (anonymous.status != 401)
                wrong << QStringLiteral("anonymous: ") + outcome(r.method, r.pattern, anonymous);
        }

        // Acting on an administrator needs all an administrator holds: every caller with the route's
        // permission but less than that is refused.
        const QString adminId = s->get(Me, admin).json().value(QStringLiteral("id")).toString();
        for (const RouteRule &r : rules) {
            if (!r.actsOnUser)
                continue;
            for (const Caller &c : callers) {
                const QSet<QString> held = permissionsOf(c);
                if (!held.contains(r.permission) || held.size() == permission::all().size())
                    continue; // cannot call the route at all, or holds all an administrator holds
                const Reply reply = call(r, adminId, credential(c));
                if (reply.status != 403 || problemSlug(reply) != QLatin1String("insufficient-privilege"))
                    wrong << c.name + QStringLiteral(" on an admin: ") + outcome(r.method, r.pattern, reply);
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
        QCOMPARE(s->get(Me, admin).status, 200); // the administrator came through untouched
    }

    // Hole 1: every way a user-manager could act on an administrator is refused, audited, and
    // leaves the administrator as it was; the same actions on a plain user still work.
    void userManagerCannotActOnAnAdministrator_data() { backendData(); }
    void userManagerCannotActOnAnAdministrator()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        const QString adminId = s->get(Me, admin).json().value(QStringLiteral("id")).toString();
        const QString managerId =
            s->createUser(QStringLiteral("manny"), QStringLiteral("manny secret pw"), {QStringLiteral("user-manager")});
        const QString plainId = s->createUser(QStringLiteral("plain"), QStringLiteral("plain secret pw"), {});
        const QByteArray manager = s->accessToken(QStringLiteral("manny"), QStringLiteral("manny secret pw"));
        const QString adminSession = s->get(QStringLiteral("/api/v1/me/sessions"), admin)
                                         .json()[QStringLiteral("items")][0][QStringLiteral("id")]
                                         .toString();

        struct Attempt {
            QByteArray method;
            QString path;
            QJsonObject body;
            QString action;
        };
        const auto attempts = [&](const QString &id, const QString &sessionId) {
            return QList<Attempt>{
                {"DELETE", path(id, QStringLiteral("/sessions/")) + sessionId, {}, QStringLiteral("session.revoke")},
                {"DELETE", path(id, QStringLiteral("/sessions")), {}, QStringLiteral("session.revoke_all")},
                {"POST", path(id, QStringLiteral("/password")),
                 obj({{QStringLiteral("new_password"), QStringLiteral("taken over at last")}}),
                 QStringLiteral("user.password.set")},
                {"DELETE", path(id, QStringLiteral("/mfa")), {}, QStringLiteral("mfa.reset")},
                {"PATCH", path(id), obj({{QStringLiteral("email"), QStringLiteral("evil@example.com")}}),
                 QStringLiteral("user.update")},
                {"POST", path(id, QStringLiteral("/unlock")), {}, QStringLiteral("user.unlock")},
                {"PATCH", path(id), obj({{QStringLiteral("status"), QStringLiteral("disabled")}}),
                 QStringLiteral("user.update")},
                {"DELETE", path(id), {}, QStringLiteral("user.delete")},
            };
        };
        QSet<QString> actions;
        for (const Attempt &a : attempts(adminId, adminSession)) {
            const Reply r =
                s->request(a.method, a.path, a.body.isEmpty() ? QJsonDocument() : QJsonDocument(a.body), manager);
            QVERIFY2(r.status == 403 && problemSlug(r) == QLatin1String("insufficient-privilege"),
                     qPrintable(outcome(a.method, a.path, r)));
            actions.insert(a.action);
        }
        // Nothing changed: the administrator signs in with the old password, still an active admin.
        QCOMPARE(s->get(Me, admin).status, 200);
        const QJsonObject after = s->login(QStringLiteral("admin"), QStringLiteral("admin password 1"));
        QVERIFY(after.contains(QStringLiteral("access_token")));
        QCOMPARE(after[QStringLiteral("user")][QStringLiteral("email")].toString(),
                 QStringLiteral("admin@example.com"));
        QCOMPARE(after[QStringLiteral("user")][QStringLiteral("status")].toString(), QStringLiteral("active"));
        // Each refusal is in the audit trail with actor, target and reason.
        for (const QString &action : std::as_const(actions)) {
            const QStringList denied = denials(*s, action);
            QVERIFY2(!denied.isEmpty(), qPrintable(action));
            const QString target =
                action.startsWith(QLatin1String("session.revoke")) && action.endsWith(QLatin1String("revoke"))
                    ? adminSession
                    : adminId;
            QVERIFY2(
                denied.contains(managerId + QStringLiteral("->") + target + QStringLiteral(":insufficient-privilege")),
                qPrintable(action + QLatin1String(": ") + denied.join(QLatin1Char(','))));
        }

        // A plain user, who holds nothing the manager lacks, is the manager's to manage.
        s->login(QStringLiteral("plain"), QStringLiteral("plain secret pw"));
        const QString plainSession = s->get(path(plainId, QStringLiteral("/sessions")), manager)
                                         .json()[QStringLiteral("items")][0][QStringLiteral("id")]
                                         .toString();
        for (const Attempt &a : attempts(plainId, plainSession)) {
            const Reply r =
                s->request(a.method, a.path, a.body.isEmpty() ? QJsonDocument() : QJsonDocument(a.body), manager);
            QVERIFY2(r.status / 100 == 2, qPrintable(outcome(a.method, a.path, r)));
        }
        // Restoring is acting on an account too.
        const QString formerAdmin =
            s->createUser(QStringLiteral("former"), QStringLiteral("former secret pw"), {QStringLiteral("admin")});
        QCOMPARE(s->request("DELETE", path(formerAdmin), {}, admin).status, 204);
        Reply restore = s->request("POST", path(formerAdmin, QStringLiteral("/restore")), {}, manager);
        QCOMPARE(restore.status, 403);
        QCOMPARE(problemSlug(restore), QStringLiteral("insufficient-privilege"));
        QCOMPARE(s->request("POST", path(plainId, QStringLiteral("/restore")), {}, manager).status, 200);
    }

    // One's own credentials change only through /me, which asks for the current password: not through
    // the admin API, where a stolen session or a key of one's own would need nothing.
    void ownCredentialsOnlyThroughSelfService_data() { backendData(); }
    void ownCredentialsOnlyThroughSelfService()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        const QString id =
            s->createUser(QStringLiteral("selma"), QStringLiteral("selma secret pw"), {QStringLiteral("user-manager")});
        const QByteArray selma = s->accessToken(QStringLiteral("selma"), QStringLiteral("selma secret pw"));
        const QList<std::tuple<QByteArray, QString, QJsonObject>> own{
            {"PATCH", path(id), obj({{QStringLiteral("email"), QStringLiteral("elsewhere@example.com")}})},
            {"PATCH", path(id), obj({{QStringLiteral("email_verified"), true}})},
            {"POST", path(id, QStringLiteral("/password")),
             obj({{QStringLiteral("new_password"), QStringLiteral("chosen without the old")}})},
            {"DELETE", path(id, QStringLiteral("/mfa")), {}},
            {"POST", path(id, QStringLiteral("/unlock")), {}},
            {"DELETE", path(id, QStringLiteral("/sessions")), {}},
        };
        for (const auto &[method, p, body] : own) {
            const Reply r = s->request(method, p, body.isEmpty() ? QJsonDocument() : QJsonDocument(body), selma);
            QVERIFY2(r.status == 403 && problemSlug(r) == QLatin1String("self-service-required"),
                     qPrintable(outcome(method, p, r)));
        }
        QCOMPARE(s->request("PATCH", path(id),
                            QJsonDocument(obj({{QStringLiteral("display_name"), QStringLiteral("S")}})), selma)
                     .status,
                 200); // not a credential
        // A key of one's own is refused the same, whatever its scopes.
        const QString adminId = s->get(Me, admin).json().value(QStringLiteral("id")).toString();
        const QByteArray key =
            newApiKey(*s, QStringLiteral("/api/v1/me/api-keys"), admin, QStringLiteral("all"), permission::all());
        const Reply viaKey =
            s->send("POST", path(adminId, QStringLiteral("/password")),
                    QJsonDocument(obj({{QStringLiteral("new_password"), QStringLiteral("taken over")}})).toJson(), {},
                    {{"X-API-Key", key}});
        QCOMPARE(viaKey.status, 403);
        QCOMPARE(problemSlug(viaKey), QStringLiteral("self-service-required"));
        QVERIFY(s->login(QStringLiteral("admin"), QStringLiteral("admin password 1"))
                    .contains(QStringLiteral("access_token")));
        QVERIFY(!denials(*s, QStringLiteral("user.password.set")).isEmpty());
    }

    // Settings act on every account (where reset mail goes, how many guesses a login gets): a role
    // that may read them may change them only when it holds every permission.
    void settingsNeedEveryPermission_data() { backendData(); }
    void settingsNeedEveryPermission()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        QCOMPARE(postRole(*s, admin, QStringLiteral("settings-only"), QStringList{QStringLiteral("settings:manage")}),
                 201);
        const QString id = s->createUser(QStringLiteral("setty"), QStringLiteral("setty secret pw"),
                                         {QStringLiteral("settings-only")});
        const QByteArray setty = s->accessToken(QStringLiteral("setty"), QStringLiteral("setty secret pw"));
        QCOMPARE(s->get(QStringLiteral("/api/v1/settings"), setty).status, 200);
        const Reply smtp = s->request(
            "PATCH", QStringLiteral("/api/v1/settings"),
            QJsonDocument(
                obj({{QStringLiteral("smtp"), QJsonObject{{QStringLiteral("host"), QStringLiteral("evil.example")}}}})),
            setty);
        QCOMPARE(smtp.status, 403);
        QCOMPARE(problemSlug(smtp), QStringLiteral("insufficient-privilege"));
        QVERIFY(s->get(QStringLiteral("/api/v1/settings"), admin).body.contains("\"host\":\"\""));
        QVERIFY(
            denials(*s, QStringLiteral("settings.update")).contains(id + QStringLiteral("->:insufficient-privilege")));
        // Refusals no service sees are audited too: a permission missing altogether.
        QCOMPARE(s->get(QStringLiteral("/api/v1/roles"), setty).status, 403);
        QVERIFY2(
            denials(*s, QStringLiteral("access.denied")).contains(id + QStringLiteral("->GET /api/v1/roles:forbidden")),
            qPrintable(denials(*s, QStringLiteral("access.denied")).join(QLatin1Char(','))));
    }

    // Roles: nobody deletes or strips a role of permissions they do not hold.
    void rolesCannotBeStrippedByLesserHolders_data() { backendData(); }
    void rolesCannotBeStrippedByLesserHolders()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        const auto role = [&](const QString &name, const QStringList &permissions) {
            return postRole(*s, admin, name, permissions);
        };
        // No description and no permissions are fine (both once reached the database as NULL: a 500).
        QCOMPARE(role(QStringLiteral("nobody"), {}), 201);
        QCOMPARE(role(QStringLiteral("role-admin"), {QStringLiteral("roles:manage")}), 201);
        QCOMPARE(role(QStringLiteral("ops"), {QStringLiteral("settings:manage"), QStringLiteral("audit:read")}), 201);
        s->createUser(QStringLiteral("rita"), QStringLiteral("rita secret pw"), {QStringLiteral("role-admin")});
        const QByteArray rita = s->accessToken(QStringLiteral("rita"), QStringLiteral("rita secret pw"));
        Reply strip = s->request(
            "PATCH", QStringLiteral("/api/v1/roles/ops"),
            QJsonDocument(obj({{QStringLiteral("permissions"), QJsonArray{QStringLiteral("audit:read")}}})), rita);
        QCOMPARE(strip.status, 422);
        QCOMPARE(errorFields(strip), QStringList{QStringLiteral("permissions:not_grantable")});
        Reply remove = s->request("DELETE", QStringLiteral("/api/v1/roles/ops"), {}, rita);
        QCOMPARE(remove.status, 403);
        QCOMPARE(problemSlug(remove), QStringLiteral("insufficient-privilege"));
        QCOMPARE(
            s->get(QStringLiteral("/api/v1/roles/ops"), admin).json()[QStringLiteral("permissions")].toArray().size(),
            2);
        QCOMPARE(denials(*s, QStringLiteral("role.delete")).size(), 1);
    }

    // Hole 2: a read-only personal key cannot change its owner's credentials or recovery channels.
    void apiKeyCannotTakeOverItsOwner_data() { backendData(); }
    void apiKeyCannotTakeOverItsOwner()
    {
        auto s = server();
        s->adminToken();
        const QByteArray owner = s->accessToken(QStringLiteral("admin"), QStringLiteral("admin password 1"));
        const QByteArray key = newApiKey(*s, QStringLiteral("/api/v1/me/api-keys"), owner, QStringLiteral("reader"),
                                         {QStringLiteral("users:read"), QStringLiteral("apikeys:manage")});
        QVERIFY(!key.isEmpty());
        const auto withKey = [&](const QByteArray &method, const QString &p, const QJsonObject &body = {}) {
            return s->send(method, p, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(), {},
                           {{"Authorization", "ApiKey " + key}});
        };
        const QJsonObject password{{QStringLiteral("current_password"), QStringLiteral("admin password 1")}};
        const QList<std::tuple<QByteArray, QString, QJsonObject>> attempts{
            {"PATCH", Me, obj({{QStringLiteral("email"), QStringLiteral("attacker@example.com")}})},
            {"PATCH", Me, obj({{QStringLiteral("display_name"), QStringLiteral("Owned")}})},
            {"POST", QStringLiteral("/api/v1/me/password"),
             obj({{QStringLiteral("current_password"), QStringLiteral("admin password 1")},
                  {QStringLiteral("new_password"), QStringLiteral("attacker chose this")}})},
            {"POST", QStringLiteral("/api/v1/me/mfa/totp"), password},
            {"DELETE", QStringLiteral("/api/v1/me/mfa/totp"), password},
            {"POST", QStringLiteral("/api/v1/me/api-keys"),
             obj({{QStringLiteral("name"), QStringLiteral("more")},
                  {QStringLiteral("scopes"), QJsonArray{QStringLiteral("users:read")}}})},
            {"POST", QStringLiteral("/api/v1/api-keys"),
             obj({{QStringLiteral("name"), QStringLiteral("service")},
                  {QStringLiteral("scopes"), QJsonArray{QStringLiteral("users:read")}}})},
            {"GET", QStringLiteral("/api/v1/me/sessions"), {}},
            {"DELETE", QStringLiteral("/api/v1/me/sessions/00000000-0000-7000-8000-000000000000"), {}},
            {"POST", QStringLiteral("/api/v1/auth/logout-all"), {}},
        };
        for (const auto &[method, p, body] : attempts) {
            const Reply r = withKey(method, p, body);
            QVERIFY2(r.status == 403 && problemSlug(r) == QLatin1String("session-required"),
                     qPrintable(outcome(method, p, r)));
        }
        QCOMPARE(withKey("GET", Me).json().value(QStringLiteral("email")).toString(),
                 QStringLiteral("admin@example.com"));
        QCOMPARE(s->get(QStringLiteral("/api/v1/api-keys"), owner).json().value(QStringLiteral("total")).toInt(), 0);
        QVERIFY(denials(*s, QStringLiteral("me.update")).first().endsWith(QStringLiteral(":session-required")));
    }

    // Hole 2: credential changes need the current password once the sign-in is five minutes old; an
    // email change is announced to the old address; reset mail goes only to a proven address.
    void credentialChangesNeedTheCurrentPassword_data() { backendData(); }
    void credentialChangesNeedTheCurrentPassword()
    {
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        auto s = server(&clock);
        const QString id = s->createUser(QStringLiteral("cara"), QStringLiteral("cara secret pw"), {});
        s->createUser(QStringLiteral("never"), QStringLiteral("never secret pw"), {});
        SmtpSink smtp;
        QVERIFY(smtp.ok());
        useSmtp(*s, smtp);
        UserPatch verified;
        verified.emailVerified = true;
        QVERIFY(s->services().users().update(Principal::system(), id, verified).ok());
        const QJsonObject tokens = s->login(QStringLiteral("cara"), QStringLiteral("cara secret pw"));
        const QByteArray cara = tokens.value(QStringLiteral("access_token")).toString().toLatin1();
        clock.advance(6 * 60'000); // the sign-in is no longer fresh; the token still lives

        const auto patchMe = [&](const QJsonObject &body) {
            return s->request("PATCH", Me, QJsonDocument(body), cara);
        };
        const QJsonObject move{{QStringLiteral("email"), QStringLiteral("cara.new@example.com")}};
        Reply stale = patchMe(move);
        QCOMPARE(stale.status, 403);
        QCOMPARE(problemSlug(stale), QStringLiteral("reauthentication-required"));
        QJsonObject wrong = move;
        wrong.insert(QStringLiteral("current_password"), QStringLiteral("not the password"));
        Reply refused = patchMe(wrong);
        QCOMPARE(refused.status, 422);
        QCOMPARE(errorFields(refused), QStringList{QStringLiteral("current_password:incorrect")});
        QCOMPARE(patchMe(obj({{QStringLiteral("display_name"), QStringLiteral("Cara")}})).status, 200); // no credential
        QJsonObject right = move;
        right.insert(QStringLiteral("current_password"), QStringLiteral("cara secret pw"));
        Reply moved = patchMe(right);
        QCOMPARE(moved.status, 200);
        QVERIFY(!moved.json().value(QStringLiteral("email_verified")).toBool());
        QList<ReceivedMail> mails = smtp.messages(2);
        QCOMPARE(mails.size(), 2);
        QCOMPARE(mails[0].to, QStringLiteral("cara@example.com")); // the old address hears of it
        QVERIFY(mails[0].body.contains(QStringLiteral("was changed")));
        QCOMPARE(mails[1].to, QStringLiteral("cara.new@example.com")); // the new one gets a link

        // A reset asked for the new, unproven address goes to the address proven last.
        QCOMPARE(s->post(QStringLiteral("/api/v1/auth/password-reset"),
                         obj({{QStringLiteral("email"), QStringLiteral("cara.new@example.com")}}))
                     .status,
                 202);
        mails = smtp.messages(3);
        QCOMPARE(mails.size(), 3);
        QCOMPARE(mails[2].to, QStringLiteral("cara@example.com"));
        // A user who never proved an address gets no reset mail at all.
        QCOMPARE(s->post(QStringLiteral("/api/v1/auth/password-reset"),
                         obj({{QStringLiteral("email"), QStringLiteral("never@example.com")}}))
                     .status,
                 202);
        QCOMPARE(smtp.messages(4, 1500).size(), 3);

        // The other credential changes ask the same.
        const QList<std::tuple<QByteArray, QString, QJsonObject>> changes{
            {"POST", QStringLiteral("/api/v1/me/password"),
             obj({{QStringLiteral("new_password"), QStringLiteral("cara second password")}})},
            {"POST", QStringLiteral("/api/v1/me/mfa/totp"), {}},
            {"DELETE", QStringLiteral("/api/v1/me/mfa/totp"), {}},
            {"POST", QStringLiteral("/api/v1/me/api-keys"),
             obj({{QStringLiteral("name"), QStringLiteral("k")},
                  {QStringLiteral("scopes"), QJsonArray{QStringLiteral("users:read")}}})},
            {"DELETE", QStringLiteral("/api/v1/me/sessions/00000000-0000-7000-8000-000000000000"), {}},
            {"POST", QStringLiteral("/api/v1/auth/logout-all"), {}},
        };
        for (const auto &[method, p, body] : changes) {
            const Reply r = s->request(method, p, body.isEmpty() ? QJsonDocument() : QJsonDocument(body), cara);
            QVERIFY2(r.status == 403 && problemSlug(r) == QLatin1String("reauthentication-required"),
                     qPrintable(outcome(method, p, r)));
        }
        // With the password they go through; a fresh sign-in needs none.
        Reply enrol = s->post(QStringLiteral("/api/v1/me/mfa/totp"),
                              obj({{QStringLiteral("current_password"), QStringLiteral("cara secret pw")}}), cara);
        QCOMPARE(enrol.status, 200);
        const QByteArray fresh = s->accessToken(QStringLiteral("cara"), QStringLiteral("cara secret pw"));
        QCOMPARE(s->post(QStringLiteral("/api/v1/me/password"),
                         obj({{QStringLiteral("new_password"), QStringLiteral("cara second password")}}), fresh)
                     .status,
                 204);
    }

    // Hole 2: account recovery ends every session and personal key of the account.
    void recoveryEndsSessionsAndKeys_data() { backendData(); }
    void recoveryEndsSessionsAndKeys()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        QCOMPARE(postRole(*s, admin, QStringLiteral("keymaker"),
                          QStringList{QStringLiteral("users:read"), QStringLiteral("apikeys:manage")}),
                 201);
        const QString id =
            s->createUser(QStringLiteral("rob"), QStringLiteral("rob secret pw"), {QStringLiteral("keymaker")});
        SmtpSink smtp;
        QVERIFY(smtp.ok());
        useSmtp(*s, smtp);
        UserPatch verified;
        verified.emailVerified = true;
        QVERIFY(s->services().users().update(Principal::system(), id, verified).ok());
        const auto keyOf = [&](const QByteArray &token) {
            return newApiKey(*s, QStringLiteral("/api/v1/me/api-keys"), token, QStringLiteral("k"),
                             {QStringLiteral("users:read")});
        };
        const auto keyWorks = [&](const QByteArray &key) {
            return s->send("GET", Users, {}, {}, {{"X-API-Key", key}}).status == 200;
        };
        QByteArray token = s->accessToken(QStringLiteral("rob"), QStringLiteral("rob secret pw"));
        QByteArray key = keyOf(token);
        // A service key the account made would outlast its recovery too.
        const QByteArray serviceKey = newApiKey(*s, QStringLiteral("/api/v1/api-keys"), token,
                                                QStringLiteral("made by rob"), {QStringLiteral("users:read")});
        QVERIFY(keyWorks(key));
        QVERIFY(keyWorks(serviceKey));
        QCOMPARE(s->post(path(id, QStringLiteral("/password")),
                         obj({{QStringLiteral("new_password"), QStringLiteral("rob reset by admin")}}), admin)
                     .status,
                 204);
        QCOMPARE(s->get(Me, token).status, 401);
        QVERIFY(!keyWorks(key));
        QVERIFY(!keyWorks(serviceKey));

        token = s->accessToken(QStringLiteral("rob"), QStringLiteral("rob reset by admin"));
        key = keyOf(token);
        QVERIFY(keyWorks(key));
        QCOMPARE(s->post(QStringLiteral("/api/v1/auth/password-reset"),
                         obj({{QStringLiteral("email"), QStringLiteral("rob@example.com")}}))
                     .status,
                 202);
        const QList<ReceivedMail> mails = smtp.messages(1);
        QCOMPARE(mails.size(), 1);
        const QString resetToken =
            QRegularExpression(QStringLiteral("token=([A-Za-z0-9_-]{43})")).match(mails[0].body).captured(1);
        QCOMPARE(s->post(QStringLiteral("/api/v1/auth/password-reset/confirm"),
                         obj({{QStringLiteral("token"), resetToken},
                              {QStringLiteral("new_password"), QStringLiteral("rob reset by mail")}}))
                     .status,
                 204);
        QCOMPARE(s->get(Me, token).status, 401);
        QVERIFY(!keyWorks(key));
    }

    // Hole 3: wrong second factors are counted on their own; a right password forgives none.
    void secondFactorGuessesAreLimited_data() { backendData(); }
    void secondFactorGuessesAreLimited()
    {
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        auto s = server(&clock);
        const QByteArray admin = s->adminToken();
        const QString id = s->createUser(QStringLiteral("otto"), QStringLiteral("otto secret pw"), {});
        QByteArray token = s->accessToken(QStringLiteral("otto"), QStringLiteral("otto secret pw"));
        const QString secret = s->request("POST", QStringLiteral("/api/v1/me/mfa/totp"), {}, token)
                                   .json()
                                   .value(QStringLiteral("secret"))
                                   .toString();
        const auto codeAt = [&](qint64 offset) { return oathtool(secret, clock.nowSeconds() + offset); };
        // A code no step near now would accept.
        const auto wrong = [&] {
            const QStringList near{codeAt(-30), codeAt(0), codeAt(30)};
            for (const QString &c : {QStringLiteral("000000"), QStringLiteral("111111"), QStringLiteral("222222")})
                if (!near.contains(c))
                    return c;
            return QStringLiteral("333333");
        };
        QCOMPARE(
            s->post(QStringLiteral("/api/v1/me/mfa/totp/confirm"), obj({{QStringLiteral("code"), codeAt(0)}}), token)
                .status,
            200);
        const auto passwordStep = [&] {
            return postLogin(*s, QStringLiteral("otto"), QStringLiteral("otto secret pw"));
        };
        const auto codeStep = [&](const QString &mfaToken, const QString &code) {
            return s->post(QStringLiteral("/api/v1/auth/mfa"),
                           obj({{QStringLiteral("mfa_token"), mfaToken}, {QStringLiteral("code"), code}}));
        };
        const QString wrongCode = wrong();
        // One token: three wrong codes, then it is dead even for the right one.
        QString mfaToken = passwordStep().json().value(QStringLiteral("mfa_token")).toString();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(codeStep(mfaToken, wrongCode).status, 422);
        QCOMPARE(codeStep(mfaToken, codeAt(30)).status, 401);
        // Signing in again with the right password does not forgive them: two more lock the account.
        mfaToken = passwordStep().json().value(QStringLiteral("mfa_token")).toString();
        QVERIFY(!mfaToken.isEmpty());
        QCOMPARE(codeStep(mfaToken, wrongCode).status, 422);
        QCOMPARE(codeStep(mfaToken, wrongCode).status, 422); // the fifth: locked now
        Reply locked = codeStep(mfaToken, codeAt(30));
        QCOMPARE(locked.status, 429);
        QVERIFY(locked.header("Retry-After").toInt() > 0);
        // Locked like password failures: even the right password gets 429, as for anyone.
        QCOMPARE(passwordStep().status, 429);
        QVERIFY(!s->get(path(id), admin).json().value(QStringLiteral("locked_until")).isNull());

        // An administrator's unlock ends the lock but not the count: the next wrong code locks again.
        const auto unlock = [&] {
            QCOMPARE(s->request("POST", path(id, QStringLiteral("/unlock")), {}, admin).status, 204);
        };
        unlock();
        mfaToken = passwordStep().json().value(QStringLiteral("mfa_token")).toString();
        QCOMPARE(codeStep(mfaToken, wrongCode).status, 422);
        QCOMPARE(codeStep(mfaToken, codeAt(30)).status, 429);
        // After an unlock, a completed login forgives what went before.
        unlock();
        mfaToken = passwordStep().json().value(QStringLiteral("mfa_token")).toString();
        QCOMPARE(codeStep(mfaToken, codeAt(30)).status, 200);
        for (int round = 0; round < 2; ++round) { // four wrong codes after a completed login: no lock
            mfaToken = passwordStep().json().value(QStringLiteral("mfa_token")).toString();
            QCOMPARE(codeStep(mfaToken, wrongCode).status, 422);
            QCOMPARE(codeStep(mfaToken, wrongCode).status, 422);
        }
        clock.advance(60'000); // a step no code was used in yet
        mfaToken = passwordStep().json().value(QStringLiteral("mfa_token")).toString();
        QCOMPARE(codeStep(mfaToken, codeAt(0)).status, 200);

        AuditFilter f;
        f.action = QStringLiteral("auth.mfa");
        f.outcome = QStringLiteral("failure");
        QVERIFY(s->services().audit().list(Principal::system(), f)->total >= 10);
    }

    // Hole 4: the current password asked outside login counts toward the same lockout.
    void passwordChecksOutsideLoginAreCounted_data() { backendData(); }
    void passwordChecksOutsideLoginAreCounted()
    {
        auto s = server();
        s->createUser(QStringLiteral("pete"), QStringLiteral("pete secret pw"), {});
        const QByteArray token = s->accessToken(QStringLiteral("pete"), QStringLiteral("pete secret pw"));
        const auto change = [&](const QString &current) {
            return s->post(QStringLiteral("/api/v1/me/password"),
                           obj({{QStringLiteral("current_password"), current},
                                {QStringLiteral("new_password"), QStringLiteral("pete next password")}}),
                           token);
        };
        const auto disable = [&](const QString &current) {
            return s->request("DELETE", QStringLiteral("/api/v1/me/mfa/totp"),
                              QJsonDocument(obj({{QStringLiteral("current_password"), current}})), token);
        };
        // With a password history, the new password is checked against old ones only once the current
        // one is proven: a wrong guess must not learn whether the new one was used before.
        QCOMPARE(s->request("PATCH", QStringLiteral("/api/v1/settings"),
                            QJsonDocument(obj(
                                {{QStringLiteral("password_policy"), QJsonObject{{QStringLiteral("history"), 3}}}})),
                            s->adminToken())
                     .status,
                 200);
        const Reply reused = s->post(QStringLiteral("/api/v1/me/password"),
                                     obj({{QStringLiteral("current_password"), QStringLiteral("guess 0")},
                                          {QStringLiteral("new_password"), QStringLiteral("pete secret pw")}}),
                                     token);
        QCOMPARE(errorFields(reused), QStringList{QStringLiteral("current_password:incorrect")});
        for (int i = 1; i < 3; ++i)
            QCOMPARE(change(QStringLiteral("guess %1").arg(i)).status, 422);
        QCOMPARE(disable(QStringLiteral("guess 3")).status, 422);
        QCOMPARE(disable(QStringLiteral("guess 4")).status, 422); // the fifth failure locks
        QCOMPARE(change(QStringLiteral("pete secret pw")).status, 429);
        QCOMPARE(postLogin(*s, QStringLiteral("pete"), QStringLiteral("pete secret pw")).status, 429);
    }

    // Hole 6: any token a session rotated out ends the session when it comes back, not only the last.
    void anyEarlierRefreshTokenEndsTheFamily_data() { backendData(); }
    void anyEarlierRefreshTokenEndsTheFamily()
    {
        auto s = server();
        s->createUser(QStringLiteral("rhea"), QStringLiteral("rhea secret pw"), {});
        const auto refresh = [&](const QString &t) {
            return s->post(QStringLiteral("/api/v1/auth/refresh"), obj({{QStringLiteral("refresh_token"), t}}));
        };
        QStringList tokens{s->login(QStringLiteral("rhea"), QStringLiteral("rhea secret pw"))
                               .value(QStringLiteral("refresh_token"))
                               .toString()};
        QByteArray access;
        for (int i = 0; i < 4; ++i) {
            const Reply r = refresh(tokens.last());
            QCOMPARE(r.status, 200);
            tokens << r.json().value(QStringLiteral("refresh_token")).toString();
            access = r.json().value(QStringLiteral("access_token")).toString().toLatin1();
        }
        QCOMPARE(s->get(Me, access).status, 200);
        QCOMPARE(refresh(tokens.first()).status, 401); // four rotations old
        QCOMPARE(s->get(Me, access).status, 401);
        QCOMPARE(refresh(tokens.last()).status, 401);
        AuditFilter f;
        f.action = QStringLiteral("auth.refresh.reuse");
        QCOMPARE(s->services().audit().list(Principal::system(), f)->total, 1);
    }

    // Hole 8: empty scopes are a validation error, and a key never acts with more than its maker holds now.
    void keysAnswerToTheirMaker_data() { backendData(); }
    void keysAnswerToTheirMaker()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        for (const QString &p : {QStringLiteral("/api/v1/api-keys"), QStringLiteral("/api/v1/me/api-keys")}) {
            Reply empty = s->post(
                p, obj({{QStringLiteral("name"), QStringLiteral("none")}, {QStringLiteral("scopes"), QJsonArray()}}),
                admin);
            QCOMPARE(empty.status, 422);
            QCOMPARE(errorFields(empty), QStringList{QStringLiteral("scopes:required")});
        }
        const QString makerId =
            s->createUser(QStringLiteral("maker"), QStringLiteral("maker secret pw"), {QStringLiteral("admin")});
        const QByteArray maker = s->accessToken(QStringLiteral("maker"), QStringLiteral("maker secret pw"));
        const QByteArray key = newApiKey(*s, QStringLiteral("/api/v1/api-keys"), maker, QStringLiteral("sync"),
                                         {QStringLiteral("users:read"), QStringLiteral("settings:manage")});
        QVERIFY(!key.isEmpty());
        const auto withKey = [&](const QString &p) { return s->send("GET", p, {}, {}, {{"X-API-Key", key}}).status; };
        QCOMPARE(withKey(QStringLiteral("/api/v1/settings")), 200);
        // Demoted, the maker's key follows: what the maker lost, the key lost.
        QCOMPARE(s->request("PATCH", path(makerId),
                            QJsonDocument(obj({{QStringLiteral("roles"), QJsonArray{QStringLiteral("auditor")}}})),
                            admin)
                     .status,
                 200);
        QCOMPARE(withKey(QStringLiteral("/api/v1/settings")), 403);
        QCOMPARE(withKey(Users), 200);
        // Gone, the maker takes the key's power along.
        QCOMPARE(s->request("DELETE", path(makerId), {}, admin).status, 204);
        QCOMPARE(withKey(Users), 403);
    }

    // Hole 7: two administrators demoting each other at once never leave none, on either database.
    void lastAdministratorHoldsUnderConcurrency_data() { backendData(); }
    void lastAdministratorHoldsUnderConcurrency()
    {
        auto s = server();
        UserService &users = s->services().users();
        const QString a =
            s->createUser(QStringLiteral("ada"), QStringLiteral("ada secret pw"), {QStringLiteral("admin")});
        const QString b =
            s->createUser(QStringLiteral("bea"), QStringLiteral("bea secret pw"), {QStringLiteral("admin")});
        UserPatch demote;
        demote.roles = QStringList{QStringLiteral("user")};
        UserPatch disable;
        disable.status = User::Status::Disabled;
        UserPatch promote;
        promote.roles = QStringList{QStringLiteral("admin")};
        promote.status = User::Status::Active;
        int refused = 0;
        for (int round = 0; round < 40; ++round) {
            // Each side on its own thread, so each has its own database connection.
            const UserPatch &second = round % 2 ? disable : demote;
            std::atomic<int> ready{0};
            const auto race = [&](const QString &id, const UserPatch &patch) {
                ++ready;
                while (ready.load() < 2) {
                }
                const bool ok = users.update(Principal::gui(), id, patch).ok();
                s->services().database().closeThreadConnection();
                return ok;
            };
            bool okA = false, okB = false;
            std::thread ta([&] { okA = race(a, demote); });
            std::thread tb([&] { okB = race(b, second); });
            ta.join();
            tb.join();
            QVERIFY2(!(okA && okB), qPrintable(QStringLiteral("round %1: both administrators removed").arg(round)));
            QCOMPARE(*UserRepository(s->services().database()).countActiveAdmins(), qint64(1));
            refused += (okA ? 0 : 1) + (okB ? 0 : 1);
            QVERIFY(users.update(Principal::gui(), okA ? a : b, promote).ok());
        }
        QCOMPARE(refused, 40);
    }

    // Hole 5: deleting the newest events is reported as truncation, even when the chain head is
    // moved back with it (forged, or copied from before).
    void auditTruncationIsReported_data() { backendData(); }
    void auditTruncationIsReported()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        AuditService &audit = s->services().audit();
        QSqlQuery q(s->services().database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT seq, hash, mac FROM audit_chain_head WHERE id = 1")) && q.next());
        const QVariantList olderHead{q.value(0), q.value(1), q.value(2)};
        q.finish();
        for (int i = 0; i < 5; ++i)
            s->createUser(QStringLiteral("trail%1").arg(i), QStringLiteral("trail password"), {});
        QVERIFY(audit.advanceHighWater().ok()); // what a node does every few seconds
        const auto verify = [&] { return s->get(QStringLiteral("/api/v1/audit/verify"), admin).json(); };
        QCOMPARE(verify().value(QStringLiteral("ok")).toBool(), true);
        QVERIFY(q.exec(QStringLiteral("SELECT max(seq) FROM audit_events")) && q.next());
        const qint64 last = q.value(0).toLongLong();
        q.finish();

        // The newest event deleted, head untouched.
        QVERIFY(q.exec(QStringLiteral("DELETE FROM audit_events WHERE seq = %1").arg(last)));
        QJsonObject report = verify();
        QCOMPARE(report.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(report.value(QStringLiteral("truncated")).toBool(), true);
        QCOMPARE(report.value(QStringLiteral("first_bad_seq")).toInteger(), last);
        QCOMPARE(report.value(QStringLiteral("last_seq_seen")).toInteger(), last);

        // Three more gone and the head moved back onto the new end, without the key to sign it.
        QVERIFY(q.exec(QStringLiteral("DELETE FROM audit_events WHERE seq > %1").arg(last - 4)));
        QSqlQuery move(s->services().database().connection());
        move.prepare(QStringLiteral("UPDATE audit_chain_head SET seq = ?, hash = (SELECT hash FROM audit_events "
                                    "WHERE seq = ?) WHERE id = 1"));
        move.addBindValue(last - 4);
        move.addBindValue(last - 4);
        QVERIFY(move.exec());
        report = verify();
        QCOMPARE(report.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(report.value(QStringLiteral("truncated")).toBool(), true);
        QCOMPARE(report.value(QStringLiteral("first_bad_seq")).toInteger(), last - 3);
        QCOMPARE(report.value(QStringLiteral("last_seq_seen")).toInteger(), last);

        // Everything since an older, genuinely signed head removed, and that head put back: the
        // high-water mark kept outside the database still knows better.
        QVERIFY(q.exec(QStringLiteral("DELETE FROM audit_events WHERE seq > %1").arg(olderHead[0].toLongLong())));
        QSqlQuery restore(s->services().database().connection());
        restore.prepare(QStringLiteral("UPDATE audit_chain_head SET seq = ?, hash = ?, mac = ? WHERE id = 1"));
        for (const QVariant &v : olderHead)
            restore.addBindValue(v);
        QVERIFY(restore.exec());
        QVERIFY(audit.advanceHighWater().ok()); // an older head never lowers the mark
        report = verify();
        QCOMPARE(report.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(report.value(QStringLiteral("truncated")).toBool(), true);
        QCOMPARE(report.value(QStringLiteral("first_bad_seq")).toInteger(), olderHead[0].toLongLong() + 1);
        QCOMPARE(report.value(QStringLiteral("last_seq_seen")).toInteger(), last);
    }
};

QTEST_GUILESS_MAIN(TstAuthorization)
#include "tst_authorization.moc"
