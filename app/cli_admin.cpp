#include "cli_admin.h"

#include "cli_support.h"
#include "core/clock.h"
#include "core/exit_code.h"
#include "node.h"
#include "services/resource_json.h"
#include "services/services.h"
#include "services/user_json.h"
#include "store/user_repository.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

#include <functional>

namespace keyward::cli {

namespace {

using namespace exit_code;

const QString Json = QStringLiteral("json");

// One admin command: its words, how many operands follow them, its usage line and its work.
struct AdminCommand {
    QStringList words;
    int operands = 0;
    QString usage;
    std::function<int(Node &, const Principal &, const QStringList &, const QCommandLineParser &)> run;
};

void printJson(const QJsonValue &value)
{
    out() << QJsonDocument(value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
                 .toJson(QJsonDocument::Indented);
    out().flush();
}

// Columns padded to their widest cell; the last one is not, so lines carry no trailing blanks. An
// empty cell shows as "-", so that every row has as many words as columns.
void printTable(const QStringList &headers, QList<QStringList> rows)
{
    for (QStringList &row : rows)
        for (QString &cell : row)
            if (cell.isEmpty())
                cell = QStringLiteral("-");
    QList<qsizetype> widths(headers.size());
    for (qsizetype c = 0; c < headers.size(); ++c) {
        widths[c] = headers[c].size();
        for (const QStringList &row : rows)
            widths[c] = qMax(widths[c], row.value(c).size());
    }
    const auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype c = 0; c < cells.size(); ++c)
            text += c + 1 < cells.size() ? cells[c].leftJustified(widths[c] + 2) : cells[c];
        out() << text << Qt::endl;
    };
    line(headers);
    for (const QStringList &row : rows)
        line(row);
}

// A list the way every list command prints it: the API's JSON array with --json, else a table.
template <typename Item>
int printList(const QList<Item> &items, const QCommandLineParser &p, QJsonObject (*json)(const Item &),
              const QStringList &headers, const std::function<QStringList(const Item &)> &row)
{
    if (p.isSet(Json)) {
        QJsonArray array;
        for (const Item &item : items)
            array.append(json(item));
        printJson(array);
        return Success;
    }
    QList<QStringList> rows;
    for (const Item &item : items)
        rows << row(item);
    printTable(headers, rows);
    return Success;
}

QString timeOrDash(qint64 ms)
{
    return ms ? formatTime(ms) : QStringLiteral("-");
}

// A JSON value as one line of text: what `user show` prints beside each field's name.
QString text(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("-");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items << text(item);
        return items.isEmpty() ? QStringLiteral("-") : items.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return value.toObject().isEmpty()
                   ? QStringLiteral("-")
                   : QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString stateOf(const User &user, qint64 nowMs)
{
    if (user.isDeleted())
        return QStringLiteral("deleted");
    if (user.lockedUntil > nowMs)
        return QStringLiteral("locked");
    return User::statusName(user.status);
}

// The user named on the command line by id, username or email address (a deleted user by id only:
// the name may belong to someone else by now).
Result<QString> userIdOf(Node &node, const QString &given)
{
    UserRepository users(node.database());
    if (auto byId = users.find(given, true))
        return byId->user.id;
    else if (byId.error().status() != 404)
        return byId.error();
    if (auto byLogin = users.findByLogin(given))
        return byLogin->user.id;
    else if (byLogin.error().status() != 404)
        return byLogin.error();
    return ApiError::notFound(
        QStringLiteral("no user %1: give an id, a username or an email address (a deleted user: its id)").arg(given));
}

// Runs `act` on the user the first operand names, then prints `done` and the user's name.
int onUser(Node &node, const QStringList &operands, const std::function<Status(const QString &id)> &act,
           const QString &done)
{
    const auto id = userIdOf(node, operands.at(0));
    if (!id)
        return printError(id.error());
    if (const Status acted = act(*id); !acted)
        return printError(acted.error());
    out() << done << " " << operands.at(0) << " (" << *id << ")" << Qt::endl;
    return Success;
}

int setStatus(Node &node, const Principal &actor, const QStringList &operands, User::Status status)
{
    UserPatch patch;
    patch.status = status;
    return onUser(
        node, operands, [&](const QString &id) { return statusOf(node.services().users().update(actor, id, patch)); },
        status == User::Status::Active ? QStringLiteral("enabled") : QStringLiteral("disabled"));
}

int userList(Node &node, const Principal &actor, const QStringList &, const QCommandLineParser &p)
{
    UserFilter filter;
    filter.q = p.value(QStringLiteral("search"));
    filter.role = p.value(QStringLiteral("role"));
    filter.includeDeleted = p.isSet(QStringLiteral("deleted"));
    if (p.isSet(QStringLiteral("status"))) {
        filter.status = User::statusNamed(p.value(QStringLiteral("status")));
        if (!filter.status) {
            err() << "keyward: --status is active or disabled" << Qt::endl;
            return Usage;
        }
    }
    bool numeric = false;
    const qint64 wanted =
        p.isSet(QStringLiteral("limit")) ? p.value(QStringLiteral("limit")).toLongLong(&numeric) : 100;
    if (p.isSet(QStringLiteral("limit")) && (!numeric || wanted < 0)) {
        err() << "keyward: --limit is a number of users (0: all)" << Qt::endl;
        return Usage;
    }
    QList<User> users;
    qint64 total = 0;
    for (;;) {
        filter.limit = int(wanted == 0 ? 200 : qMin<qint64>(200, wanted - users.size()));
        auto page = node.services().users().list(actor, filter);
        if (!page)
            return printError(page.error());
        if (filter.countTotal)
            total = page->total;
        users += page->items;
        filter.countTotal = false;
        filter.cursor = page->nextCursor;
        if (filter.cursor.isEmpty() || (wanted != 0 && users.size() >= wanted))
            break;
    }
    const qint64 now = node.services().clock().nowMs();
    if (p.isSet(Json)) {
        QJsonArray items;
        for (const User &u : users)
            items.append(userJson(u, now));
        printJson(QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("total"), total}});
    } else {
        QList<QStringList> rows;
        for (const User &u : users)
            rows << QStringList{u.id,
                                u.username,
                                u.email,
                                stateOf(u, now),
                                u.roles.join(QLatin1Char(',')),
                                u.mfaEnabled ? QStringLiteral("yes") : QStringLiteral("no"),
                                timeOrDash(u.lastLoginAt)};
        printTable({QStringLiteral("ID"), QStringLiteral("USERNAME"), QStringLiteral("EMAIL"), QStringLiteral("STATE"),
                    QStringLiteral("ROLES"), QStringLiteral("MFA"), QStringLiteral("LAST LOGIN")},
                   rows);
    }
    if (users.size() < total)
        err() << users.size() << " of " << total << " users shown; --limit 0 shows all" << Qt::endl;
    return Success;
}

int userShow(Node &node, const Principal &actor, const QStringList &operands, const QCommandLineParser &p)
{
    const auto id = userIdOf(node, operands.at(0));
    if (!id)
        return printError(id.error());
    const auto user = node.services().users().get(actor, *id);
    if (!user)
        return printError(user.error());
    const QJsonObject json = userJson(*user, node.services().clock().nowMs());
    if (p.isSet(Json)) {
        printJson(json);
        return Success;
    }
    qsizetype width = 0;
    for (auto it = json.begin(); it != json.end(); ++it)
        width = qMax(width, it.key().size());
    for (auto it = json.begin(); it != json.end(); ++it)
        out() << it.key().leftJustified(width + 2) << text(it.value()) << Qt::endl;
    return Success;
}

int userCreate(Node &node, const Principal &actor, const QStringList &, const QCommandLineParser &p)
{
    CreateUserRequest request;
    request.username = p.value(QStringLiteral("username"));
    request.email = p.value(QStringLiteral("email"));
    request.displayName = p.value(QStringLiteral("display-name"));
    if (p.isSet(QStringLiteral("role")))
        request.roles = p.values(QStringLiteral("role"));
    request.requirePasswordChange = p.isSet(QStringLiteral("require-password-change"));
    if (p.isSet(QStringLiteral("password-stdin")) || p.isSet(QStringLiteral("password-file"))) {
        request.password = readPassword(p);
        if (!request.password)
            return Failure;
    }
    const auto user = node.services().users().create(actor, request);
    if (!user)
        return printError(user.error());
    if (p.isSet(Json))
        printJson(userJson(*user, node.services().clock().nowMs()));
    else
        out() << "created user " << user->username << " (" << user->id << ")" << Qt::endl;
    return Success;
}

int userResetPassword(Node &node, const Principal &actor, const QStringList &operands, const QCommandLineParser &p)
{
    if (p.isSet(QStringLiteral("password-stdin")) == p.isSet(QStringLiteral("password-file"))) {
        err() << "keyward: give the new password with one of --password-stdin and --password-file" << Qt::endl;
        return Usage;
    }
    const auto password = readPassword(p);
    if (!password)
        return Failure;
    return onUser(
        node, operands,
        [&](const QString &id) {
            return node.services().users().setPassword(actor, id, *password,
                                                       p.isSet(QStringLiteral("require-password-change")));
        },
        QStringLiteral("set a new password, and ended every session and personal API key, of"));
}

int userRevokeSessions(Node &node, const Principal &actor, const QStringList &operands, const QCommandLineParser &)
{
    const auto id = userIdOf(node, operands.at(0));
    if (!id)
        return printError(id.error());
    const auto revoked = node.services().sessions().revokeAll(actor, *id);
    if (!revoked)
        return printError(revoked.error());
    out() << "ended " << *revoked << " session(s) of " << operands.at(0) << " (" << *id << ")" << Qt::endl;
    return Success;
}

int roleList(Node &node, const Principal &actor, const QStringList &, const QCommandLineParser &p)
{
    const auto roles = node.services().roles().list(actor);
    if (!roles)
        return printError(roles.error());
    return printList<Role>(*roles, p, roleJson,
                           {QStringLiteral("NAME"), QStringLiteral("BUILT IN"), QStringLiteral("PERMISSIONS"),
                            QStringLiteral("DESCRIPTION")},
                           [](const Role &r) {
                               return QStringList{r.name, r.builtin ? QStringLiteral("yes") : QStringLiteral("no"),
                                                  r.permissions.join(QLatin1Char(',')), r.description};
                           });
}

int apiKeyCreate(Node &node, const Principal &actor, const QStringList &, const QCommandLineParser &p)
{
    ApiKeyRequest request;
    request.name = p.value(QStringLiteral("name"));
    request.scopes = p.values(QStringLiteral("scope"));
    if (p.isSet(QStringLiteral("expires-days"))) {
        bool numeric = false;
        const int days = p.value(QStringLiteral("expires-days")).toInt(&numeric);
        if (!numeric || days < 1) {
            err() << "keyward: --expires-days is a number of days, at least 1" << Qt::endl;
            return Usage;
        }
        request.expiresAt = node.services().clock().nowMs() + qint64(days) * 86'400'000;
    }
    const auto created = node.services().apiKeys().createService(actor, request);
    if (!created)
        return printError(created.error());
    if (p.isSet(Json)) {
        printJson(createdApiKeyJson(*created));
    } else {
        out() << created->secret << Qt::endl;
        err() << "created API key " << created->key.name << " (" << created->key.id
              << "): the key above is shown this once; store it now" << Qt::endl;
    }
    return Success;
}

int apiKeyList(Node &node, const Principal &actor, const QStringList &, const QCommandLineParser &p)
{
    const auto keys = node.services().apiKeys().listService(actor);
    if (!keys)
        return printError(keys.error());
    return printList<ApiKey>(*keys, p, apiKeyJson,
                             {QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("PREFIX"),
                              QStringLiteral("SCOPES"), QStringLiteral("CREATED"), QStringLiteral("EXPIRES"),
                              QStringLiteral("LAST USED")},
                             [](const ApiKey &k) {
                                 return QStringList{k.id,
                                                    k.name,
                                                    k.prefix,
                                                    k.scopes.join(QLatin1Char(',')),
                                                    formatTime(k.createdAt),
                                                    timeOrDash(k.expiresAt),
                                                    timeOrDash(k.lastUsedAt)};
                             });
}

int apiKeyRevoke(Node &node, const Principal &actor, const QStringList &operands, const QCommandLineParser &)
{
    if (const Status revoked = node.services().apiKeys().revokeService(actor, operands.at(0)); !revoked)
        return printError(revoked.error());
    out() << "revoked API key " << operands.at(0) << Qt::endl;
    return Success;
}

int sessionList(Node &node, const Principal &actor, const QStringList &operands, const QCommandLineParser &p)
{
    const auto id = userIdOf(node, operands.at(0));
    if (!id)
        return printError(id.error());
    const auto sessions = node.services().sessions().listOfUser(actor, *id);
    if (!sessions)
        return printError(sessions.error());
    static const auto json = [](const Session &s) { return sessionJson(s, Principal()); };
    return printList<Session>(*sessions, p, +json,
                              {QStringLiteral("ID"), QStringLiteral("CREATED"), QStringLiteral("LAST USED"),
                               QStringLiteral("EXPIRES"), QStringLiteral("IP"), QStringLiteral("USER AGENT")},
                              [](const Session &s) {
                                  return QStringList{s.id,
                                                     formatTime(s.createdAt),
                                                     formatTime(s.lastUsedAt),
                                                     formatTime(qMin(s.idleExpiresAt, s.absoluteExpiresAt)),
                                                     s.ip,
                                                     s.userAgent};
                              });
}

// A client's secret on stdout (nothing else there, for a pipe), what it belongs to on stderr.
int printIssuedClient(const Result<IssuedClientSecret> &issued, const QCommandLineParser &p, const char *what)
{
    if (!issued)
        return printError(issued.error());
    if (p.isSet(Json)) {
        printJson(issuedClientSecretJson(*issued));
        return Success;
    }
    if (issued->secret.isEmpty()) {
        out() << issued->client.id << Qt::endl;
        err() << what << " client " << issued->client.name << ": the line above is its client_id" << Qt::endl;
        return Success;
    }
    out() << issued->secret << Qt::endl;
    err() << what << " client " << issued->client.name << " (client_id " << issued->client.id
          << "): the secret above is shown this once; store it now" << Qt::endl;
    return Success;
}

int clientCreate(Node &node, const Principal &actor, const QStringList &, const QCommandLineParser &p)
{
    OAuthClientInput in;
    const auto optional = [&](const QString &option) {
        return p.isSet(option) ? std::optional<QString>(p.value(option)) : std::nullopt;
    };
    const auto optionalList = [&](const QString &option) {
        return p.isSet(option) ? std::optional<QStringList>(p.values(option)) : std::nullopt;
    };
    in.name = optional(QStringLiteral("name"));
    in.type = optional(QStringLiteral("type"));
    in.authMethod = optional(QStringLiteral("auth-method"));
    in.redirectUris = optionalList(QStringLiteral("redirect-uri"));
    in.grantTypes = optionalList(QStringLiteral("grant"));
    in.scopes = optionalList(QStringLiteral("scope"));
    if (p.isSet(QStringLiteral("first-party")))
        in.firstParty = true;
    return printIssuedClient(node.services().oauthClients().create(actor, in), p, "registered");
}

int clientList(Node &node, const Principal &actor, const QStringList &, const QCommandLineParser &p)
{
    const auto clients = node.services().oauthClients().list(actor);
    if (!clients)
        return printError(clients.error());
    return printList<OAuthClient>(*clients, p, oauthClientJson,
                                  {QStringLiteral("CLIENT ID"), QStringLiteral("NAME"), QStringLiteral("TYPE"),
                                   QStringLiteral("GRANTS"), QStringLiteral("REDIRECT URIS")},
                                  [](const OAuthClient &c) {
                                      return QStringList{c.id, c.name, c.type, c.grantTypes.join(QLatin1Char(',')),
                                                         c.redirectUris.join(QLatin1Char(' '))};
                                  });
}

// A webhook's secret on stdout (nothing else there, for a pipe), what it belongs to on stderr.
int printIssuedWebhook(const Result<IssuedWebhookSecret> &issued, const QCommandLineParser &p, const char *what)
{
    if (!issued)
        return printError(issued.error());
    if (p.isSet(Json)) {
        printJson(issuedWebhookSecretJson(*issued));
        return Success;
    }
    out() << issued->secret << Qt::endl;
    err() << what << " webhook " << issued->webhook.id << " (" << issued->webhook.url
          << "): the secret above is shown this once; store it now" << Qt::endl;
    return Success;
}

int webhookCreate(Node &node, const Principal &actor, const QStringList &, const QCommandLineParser &p)
{
    WebhookInput in;
    if (p.isSet(QStringLiteral("url")))
        in.url = p.value(QStringLiteral("url"));
    if (p.isSet(QStringLiteral("event")))
        in.events = p.values(QStringLiteral("event"));
    if (p.isSet(QStringLiteral("description")))
        in.description = p.value(QStringLiteral("description"));
    return printIssuedWebhook(node.services().webhooks().create(actor, in), p, "registered");
}

int webhookList(Node &node, const Principal &actor, const QStringList &, const QCommandLineParser &p)
{
    const auto webhooks = node.services().webhooks().list(actor);
    if (!webhooks)
        return printError(webhooks.error());
    return printList<Webhook>(*webhooks, p, webhookJson,
                              {QStringLiteral("ID"), QStringLiteral("URL"), QStringLiteral("EVENTS"),
                               QStringLiteral("ENABLED"), QStringLiteral("FAILING SINCE")},
                              [](const Webhook &w) {
                                  return QStringList{w.id, w.url, w.events.join(QLatin1Char(',')),
                                                     w.enabled ? QStringLiteral("yes")
                                                               : QStringLiteral("no ") + w.disabledReason,
                                                     timeOrDash(w.failingSince)};
                              });
}

int webhookDeliveries(Node &node, const Principal &actor, const QStringList &operands, const QCommandLineParser &p)
{
    const int limit = p.isSet(QStringLiteral("limit")) ? p.value(QStringLiteral("limit")).toInt() : 50;
    const auto page = node.services().webhooks().deliveries(actor, operands.at(0), 0, limit);
    if (!page)
        return printError(page.error());
    return printList<WebhookDelivery>(
        page->items, p, webhookDeliveryJson,
        {QStringLiteral("ID"), QStringLiteral("EVENT"), QStringLiteral("TYPE"), QStringLiteral("STATE"),
         QStringLiteral("ATTEMPTS"), QStringLiteral("LAST ATTEMPT"), QStringLiteral("STATUS"), QStringLiteral("ERROR")},
        [](const WebhookDelivery &d) {
            return QStringList{QString::number(d.id),
                               d.eventId,
                               d.eventType,
                               d.state,
                               QString::number(d.attempts),
                               timeOrDash(d.lastAttemptAt),
                               d.lastStatus ? QString::number(d.lastStatus) : QStringLiteral("-"),
                               d.lastError};
        });
}

int webhookSetEnabled(Node &node, const Principal &actor, const QString &id, bool enabled)
{
    WebhookInput in;
    in.enabled = enabled;
    if (auto changed = node.services().webhooks().update(actor, id, in, std::nullopt); !changed)
        return printError(changed.error());
    out() << (enabled ? "enabled" : "disabled") << " webhook " << id << Qt::endl;
    return Success;
}

const QList<AdminCommand> &adminCommands()
{
    using W = QStringList;
    static const QList<AdminCommand> commands{
        {W{QStringLiteral("user"), QStringLiteral("list")}, 0,
         QStringLiteral("[--search TEXT] [--role R] [--status active|disabled] [--deleted] [--limit N (100; 0: all)]"),
         userList},
        {W{QStringLiteral("user"), QStringLiteral("show")}, 1, QStringLiteral("USER"), userShow},
        {W{QStringLiteral("user"), QStringLiteral("create")}, 0,
         QStringLiteral("--username U --email E [--display-name D] [--role R ...] [--password-stdin | --password-file "
                        "FILE] [--require-password-change]"),
         userCreate},
        {W{QStringLiteral("user"), QStringLiteral("disable")}, 1, QStringLiteral("USER"),
         [](Node &n, const Principal &a, const QStringList &o, const QCommandLineParser &) {
             return setStatus(n, a, o, User::Status::Disabled);
         }},
        {W{QStringLiteral("user"), QStringLiteral("enable")}, 1, QStringLiteral("USER"),
         [](Node &n, const Principal &a, const QStringList &o, const QCommandLineParser &) {
             return setStatus(n, a, o, User::Status::Active);
         }},
        {W{QStringLiteral("user"), QStringLiteral("unlock")}, 1, QStringLiteral("USER"),
         [](Node &n, const Principal &a, const QStringList &o, const QCommandLineParser &) {
             return onUser(
                 n, o, [&](const QString &id) { return n.services().users().unlock(a, id); },
                 QStringLiteral("unlocked"));
         }},
        {W{QStringLiteral("user"), QStringLiteral("delete")}, 1, QStringLiteral("USER [--purge]"),
         [](Node &n, const Principal &a, const QStringList &o, const QCommandLineParser &p) {
             const bool purge = p.isSet(QStringLiteral("purge"));
             return onUser(
                 n, o, [&](const QString &id) { return n.services().users().remove(a, id, purge); },
                 purge ? QStringLiteral("purged") : QStringLiteral("deleted (restorable)"));
         }},
        {W{QStringLiteral("user"), QStringLiteral("restore")}, 1, QStringLiteral("USER-ID"),
         [](Node &n, const Principal &a, const QStringList &o, const QCommandLineParser &) {
             return onUser(
                 n, o, [&](const QString &id) { return statusOf(n.services().users().restore(a, id)); },
                 QStringLiteral("restored"));
         }},
        {W{QStringLiteral("user"), QStringLiteral("reset-password")}, 1,
         QStringLiteral("USER (--password-stdin | --password-file FILE) [--require-password-change]"),
         userResetPassword},
        {W{QStringLiteral("user"), QStringLiteral("revoke-sessions")}, 1, QStringLiteral("USER"), userRevokeSessions},
        {W{QStringLiteral("role"), QStringLiteral("list")}, 0, QString(), roleList},
        {W{QStringLiteral("apikey"), QStringLiteral("create")}, 0,
         QStringLiteral("--name N --scope PERMISSION ... [--expires-days D]"), apiKeyCreate},
        {W{QStringLiteral("apikey"), QStringLiteral("list")}, 0, QString(), apiKeyList},
        {W{QStringLiteral("apikey"), QStringLiteral("revoke")}, 1, QStringLiteral("KEY-ID"), apiKeyRevoke},
        {W{QStringLiteral("session"), QStringLiteral("list")}, 1, QStringLiteral("USER"), sessionList},
        {W{QStringLiteral("client"), QStringLiteral("create")}, 0,
         QStringLiteral("--name N --type public|confidential [--redirect-uri URI ...] [--grant G ...] [--scope S ...] "
                        "[--auth-method M] [--first-party]"),
         clientCreate},
        {W{QStringLiteral("client"), QStringLiteral("list")}, 0, QString(), clientList},
        {W{QStringLiteral("client"), QStringLiteral("new-secret")}, 1, QStringLiteral("CLIENT-ID"),
         [](Node &n, const Principal &a, const QStringList &o, const QCommandLineParser &p) {
             return printIssuedClient(n.services().oauthClients().renewSecret(a, o.at(0)), p, "new secret for");
         }},
        {W{QStringLiteral("client"), QStringLiteral("delete")}, 1, QStringLiteral("CLIENT-ID"),
         [](Node &n, const Principal &a, const QStringList &o, const QCommandLineParser &) {
             if (const Status removed = n.services().oauthClients().remove(a, o.at(0)); !removed)
                 return printError(removed.error());
             out() << "deleted client " << o.at(0) << Qt::endl;
             return int(Success);
         }},
        {W{QStringLiteral("webhook"), QStringLiteral("create")}, 0,
         QStringLiteral("--url URL --event E ... [--description D]"), webhookCreate},
        {W{QStringLiteral("webhook"), QStringLiteral("list")}, 0, QString(), webhookList},
        {W{QStringLiteral("webhook"), QStringLiteral("deliveries")}, 1, QStringLiteral("WEBHOOK-ID [--limit N (50)]"),
         webhookDeliveries},
        {W{QStringLiteral("webhook"), QStringLiteral("resend")}, 2, QStringLiteral("WEBHOOK-ID DELIVERY-ID"),
         [](Node &n, const Principal &a, const QStringList &o, const QCommandLineParser &) {
             const auto made = n.services().webhooks().resend(a, o.at(0), o.at(1).toLongLong());
             if (!made)
                 return printError(made.error());
             out() << "queued delivery " << made->id << " of event " << made->eventId << Qt::endl;
             return int(Success);
         }},
        {W{QStringLiteral("webhook"), QStringLiteral("enable")}, 1, QStringLiteral("WEBHOOK-ID"),
         [](Node &n, const Principal &a, const QStringList &o, const QCommandLineParser &) {
             return webhookSetEnabled(n, a, o.at(0), true);
         }},
        {W{QStringLiteral("webhook"), QStringLiteral("disable")}, 1, QStringLiteral("WEBHOOK-ID"),
         [](Node &n, const Principal &a, const QStringList &o, const QCommandLineParser &) {
             return webhookSetEnabled(n, a, o.at(0), false);
         }},
        {W{QStringLiteral("webhook"), QStringLiteral("new-secret")}, 1, QStringLiteral("WEBHOOK-ID"),
         [](Node &n, const Principal &a, const QStringList &o, const QCommandLineParser &p) {
             return printIssuedWebhook(n.services().webhooks().renewSecret(a, o.at(0)), p, "new secret for");
         }},
        {W{QStringLiteral("webhook"), QStringLiteral("delete")}, 1, QStringLiteral("WEBHOOK-ID"),
         [](Node &n, const Principal &a, const QStringList &o, const QCommandLineParser &) {
             if (const Status removed = n.services().webhooks().remove(a, o.at(0)); !removed)
                 return printError(removed.error());
             out() << "deleted webhook " << o.at(0) << Qt::endl;
             return int(Success);
         }},
    };
    return commands;
}

} // namespace

QString adminCommandsHelp()
{
    QString help = QStringLiteral("Administration (USER: an id, a username or an email address; --json: the API's "
                                  "JSON instead of a table):\n");
    for (const AdminCommand &c : adminCommands())
        help += QStringLiteral("  ") + c.words.join(QLatin1Char(' ')) +
                (c.usage.isEmpty() ? QString() : QLatin1Char(' ') + c.usage) + QLatin1Char('\n');
    return help;
}

void addAdminOptions(QCommandLineParser &p)
{
    p.addOption(
        {Json, QStringLiteral("user, role, apikey, session, client, webhook: print the API's JSON, not a table")});
    p.addOption({QStringLiteral("search"), QStringLiteral("user list: users whose name or email has TEXT"),
                 QStringLiteral("text")});
    p.addOption({QStringLiteral("role"), QStringLiteral("user list: with this role; user create: a role (repeatable)"),
                 QStringLiteral("role")});
    p.addOption({QStringLiteral("status"), QStringLiteral("user list: active or disabled"), QStringLiteral("status")});
    p.addOption({QStringLiteral("deleted"), QStringLiteral("user list: include deleted users")});
    p.addOption({QStringLiteral("limit"),
                 QStringLiteral("user list: at most N users (100; 0: all); webhook deliveries: the newest N (50)"),
                 QStringLiteral("n")});
    p.addOption(
        {QStringLiteral("display-name"), QStringLiteral("user create: the display name"), QStringLiteral("name")});
    p.addOption({QStringLiteral("require-password-change"),
                 QStringLiteral("user create, user reset-password: the password must be changed at the next login")});
    p.addOption({QStringLiteral("purge"), QStringLiteral("user delete: erase the user for good, not restorably")});
    p.addOption(
        {QStringLiteral("name"), QStringLiteral("apikey create, client create: its name"), QStringLiteral("name")});
    p.addOption({QStringLiteral("scope"),
                 QStringLiteral("apikey create: a permission the key holds; client create: a scope the client may ask "
                                "for (openid profile email roles offline_access) (repeatable)"),
                 QStringLiteral("scope")});
    p.addOption({QStringLiteral("type"),
                 QStringLiteral("client create: public (browser or native app) or confidential "
                                "(a server)"),
                 QStringLiteral("type")});
    p.addOption({QStringLiteral("redirect-uri"), QStringLiteral("client create: where sign-ins return (repeatable)"),
                 QStringLiteral("uri")});
    p.addOption({QStringLiteral("grant"),
                 QStringLiteral("client create: authorization_code, refresh_token or client_credentials (repeatable)"),
                 QStringLiteral("grant")});
    p.addOption({QStringLiteral("auth-method"),
                 QStringLiteral("client create: client_secret_basic (default), client_secret_post or none"),
                 QStringLiteral("method")});
    p.addOption({QStringLiteral("first-party"), QStringLiteral("client create: its users are not asked to consent")});
    p.addOption(
        {QStringLiteral("url"), QStringLiteral("webhook create: where to send the events"), QStringLiteral("url")});
    p.addOption({QStringLiteral("event"),
                 QStringLiteral("webhook create: an audit action to send, prefix.* or * (repeatable)"),
                 QStringLiteral("event")});
    p.addOption({QStringLiteral("description"), QStringLiteral("webhook create: what the endpoint is"),
                 QStringLiteral("text")});
    p.addOption({QStringLiteral("expires-days"), QStringLiteral("apikey create: the key expires after D days"),
                 QStringLiteral("days")});
}

bool isAdminCommand(const QString &command)
{
    return std::any_of(adminCommands().begin(), adminCommands().end(),
                       [&](const AdminCommand &c) { return c.words.first() == command; });
}

int runAdmin(const Config &config, const QStringList &args, const QCommandLineParser &p)
{
    for (const AdminCommand &c : adminCommands()) {
        if (args.mid(0, c.words.size()) != c.words)
            continue;
        if (args.size() != c.words.size() + c.operands) {
            err() << "usage: keyward-server " << c.words.join(QLatin1Char(' ')) << " " << c.usage << Qt::endl;
            return Usage;
        }
        Node node(config);
        if (const int rc = open(node, false); rc != Success)
            return rc;
        return c.run(node, Principal::cli(c.words.join(QLatin1Char(' '))), args.mid(c.words.size()), p);
    }
    err() << "keyward: unknown command '" << args.join(QLatin1Char(' ')) << "'" << Qt::endl << adminCommandsHelp();
    return Usage;
}

} // namespace keyward::cli
