#include "user_transfer.h"

#include "access_checks.h"
#include "core/field_reader.h"
#include "core/permissions.h"
#include "crypto/password_hasher.h"
#include "role_service.h"
#include "user_json.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>

namespace keyward {

namespace {

// What the server makes itself: present in exports, ignored when they are imported again.
const char *const ServerFields[] = {"id",           "created_at",  "updated_at",          "last_login_at",
                                    "locked_until", "mfa_enabled", "password_changed_at", "deleted_at"};

CreateUserRequest notAnObject()
{
    CreateUserRequest r;
    r.parseErrors.append(
        {QStringLiteral("user"), QStringLiteral("invalid_type"), QStringLiteral("Must be an object.")});
    return r;
}

CreateUserRequest keywardUser(const QJsonValue &value)
{
    if (!value.isObject())
        return notAnObject();
    QJsonObject o = value.toObject();
    for (const char *field : ServerFields)
        o.remove(QLatin1String(field));
    // Exports write absent values (no display name) as null; on creation null means absent.
    for (const QString &key : o.keys())
        if (o.value(key).isNull())
            o.remove(key);
    FieldReader reader(o);
    const auto hash = reader.string(QStringLiteral("password_hash"));
    CreateUserRequest r = readCreateUserRequest(reader, true);
    r.passwordHash = hash;
    return r;
}

// A Keycloak password credential as a hash PasswordHasher verifies; nullopt with `problem` set
// when it cannot be kept.
std::optional<QString> keycloakHash(const QJsonObject &credential, QString &problem)
{
    QJsonObject secret, data;
    if (credential.contains(QLatin1String("secretData"))) {
        secret = QJsonDocument::fromJson(credential.value(QLatin1String("secretData")).toString().toUtf8()).object();
        data = QJsonDocument::fromJson(credential.value(QLatin1String("credentialData")).toString().toUtf8()).object();
    } else { // exports before Keycloak 12
        secret = {{QStringLiteral("value"), credential.value(QLatin1String("hashedSaltedValue"))},
                  {QStringLiteral("salt"), credential.value(QLatin1String("salt"))}};
        data = {{QStringLiteral("hashIterations"), credential.value(QLatin1String("hashIterations"))},
                {QStringLiteral("algorithm"), credential.value(QLatin1String("algorithm"))}};
    }
    const QString algorithm = data.value(QLatin1String("algorithm")).toString();
    const QString encodedValue = secret.value(QLatin1String("value")).toString();
    const QByteArray value = QByteArray::fromBase64(encodedValue.toLatin1());
    const QByteArray salt = QByteArray::fromBase64(secret.value(QLatin1String("salt")).toString().toLatin1());
    const int iterations = data.value(QLatin1String("hashIterations")).toInt();
    const auto parameter = [&](const char *name) {
        const QJsonValue p = data.value(QLatin1String("additionalParameters")).toObject().value(QLatin1String(name));
        return p.isArray() ? p.toArray().first().toString() : p.toString();
    };

    if (algorithm.startsWith(QLatin1String("pbkdf2"))) {
        const QString digest = algorithm == QLatin1String("pbkdf2") ? QStringLiteral("sha1") : algorithm.mid(7);
        if (iterations > 0 && !value.isEmpty() && !salt.isEmpty() &&
            (digest == QLatin1String("sha1") || digest == QLatin1String("sha256") || digest == QLatin1String("sha512")))
            return crypto::PasswordHasher::encodePbkdf2(digest, iterations, salt, value);
    } else if (algorithm == QLatin1String("argon2")) {
        const QString type = parameter("type").isEmpty() ? QStringLiteral("id") : parameter("type");
        const int memory = parameter("memory").toInt();
        const int parallelism = parameter("parallelism").isEmpty() ? 1 : parameter("parallelism").toInt();
        if ((type == QLatin1String("id") || type == QLatin1String("i") || type == QLatin1String("d")) && memory > 0 &&
            iterations > 0 && parallelism > 0 && !value.isEmpty() && !salt.isEmpty())
            return QStringLiteral("$argon2%1$v=%2$m=%3,t=%4,p=%5$%6$%7")
                .arg(type)
                .arg(parameter("version") == QLatin1String("1.0") ? 16 : 19)
                .arg(memory)
                .arg(iterations)
                .arg(parallelism)
                .arg(QString::fromLatin1(salt.toBase64(QByteArray::OmitTrailingEquals)),
                     QString::fromLatin1(value.toBase64(QByteArray::OmitTrailingEquals)));
    } else if (algorithm == QLatin1String("bcrypt") && encodedValue.startsWith(QLatin1String("$2"))) {
        return encodedValue; // bcrypt providers store the whole modular-crypt string
    } else {
        problem = QStringLiteral("The password hash algorithm \"%1\" cannot be imported; the user can get a password "
                                 "by reset.")
                      .arg(algorithm);
        return std::nullopt;
    }
    problem = QStringLiteral("The %1 password credential is incomplete or malformed.").arg(algorithm);
    return std::nullopt;
}

CreateUserRequest keycloakUser(const QJsonValue &value, const QStringList &knownRoles, ImportPlan &plan)
{
    if (!value.isObject())
        return notAnObject();
    const QJsonObject o = value.toObject();
    CreateUserRequest r;
    r.username = o.value(QLatin1String("username")).toString();
    r.email = o.value(QLatin1String("email")).toString();
    r.emailVerified = o.value(QLatin1String("emailVerified")).toBool();
    r.status = o.value(QLatin1String("enabled")).toBool(true) ? User::Status::Active : User::Status::Disabled;
    r.displayName = QString(o.value(QLatin1String("firstName")).toString() + QLatin1Char(' ') +
                            o.value(QLatin1String("lastName")).toString())
                        .trimmed();
    const QJsonObject attributes = o.value(QLatin1String("attributes")).toObject();
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        QStringList values;
        for (const QJsonValue &v : it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()})
            values << v.toString();
        r.attributes.insert(it.key(), values.join(QStringLiteral(", ")));
    }
    QStringList roles{QStringLiteral("user")};
    for (const QJsonValue &role : o.value(QLatin1String("realmRoles")).toArray()) {
        const QString name = role.toString();
        if (knownRoles.contains(name))
            roles << name;
        else if (!plan.ignoredRoles.contains(name))
            plan.ignoredRoles << name;
    }
    roles.removeDuplicates();
    r.roles = roles;
    r.requirePasswordChange =
        o.value(QLatin1String("requiredActions")).toArray().contains(QJsonValue(QStringLiteral("UPDATE_PASSWORD")));
    for (const QJsonValue &c : o.value(QLatin1String("credentials")).toArray()) {
        const QJsonObject credential = c.toObject();
        if (credential.value(QLatin1String("type")).toString() != QLatin1String("password")) {
            ++plan.skippedCredentials;
            continue;
        }
        QString problem;
        r.passwordHash = keycloakHash(credential, problem);
        if (!r.passwordHash)
            r.parseErrors.append({QStringLiteral("credentials"), QStringLiteral("unsupported"), problem});
    }
    return r;
}

QByteArray csvCell(const QJsonValue &v)
{
    QString text;
    if (v.isString()) {
        text = v.toString();
    } else if (v.isBool()) {
        text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    } else if (v.isArray()) {
        QStringList items;
        for (const QJsonValue &item : v.toArray())
            items << item.toString();
        text = items.join(QLatin1Char(' '));
    } else if (v.isObject()) {
        text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    // A cell starting like a formula is run by spreadsheets (CSV injection): make it text.
    if (!text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.front()))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n')) ||
        text.contains(QLatin1Char('\r')))
        text = QLatin1Char('"') + text.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
    return text.toUtf8();
}

const char *const CsvColumns[] = {"id",           "username",   "email",         "email_verified",
                                  "display_name", "status",     "roles",         "require_password_change",
                                  "mfa_enabled",  "created_at", "last_login_at", "password_changed_at",
                                  "attributes"};

} // namespace

std::optional<ImportFormat> importFormatNamed(const QString &name)
{
    if (name == QLatin1String("auto"))
        return ImportFormat::Auto;
    if (name == QLatin1String("keyward"))
        return ImportFormat::Keyward;
    if (name == QLatin1String("keycloak"))
        return ImportFormat::Keycloak;
    return std::nullopt;
}

std::optional<ExportFormat> exportFormatNamed(const QString &name)
{
    if (name == QLatin1String("json"))
        return ExportFormat::Json;
    if (name == QLatin1String("csv"))
        return ExportFormat::Csv;
    return std::nullopt;
}

Result<ImportPlan> ImportPlan::read(const QByteArray &document, ImportFormat format, const QStringList &knownRoles)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(document, &error);
    if (error.error != QJsonParseError::NoError)
        return ApiError::malformedJson(
            QStringLiteral("The import is not valid JSON: %1 at byte %2.").arg(error.errorString()).arg(error.offset));
    if (format == ImportFormat::Auto)
        format = doc.isObject() ? ImportFormat::Keycloak : ImportFormat::Keyward;
    ImportPlan plan;
    if (format == ImportFormat::Keyward) {
        if (!doc.isArray())
            return ApiError::validation(QStringLiteral("document"), QStringLiteral("invalid_type"),
                                        QStringLiteral("A Keyward import is a JSON array of user objects."));
        for (const QJsonValue &v : doc.array())
            plan.users.append(keywardUser(v));
    } else {
        if (!doc.object().value(QLatin1String("users")).isArray())
            return ApiError::validation(QStringLiteral("users"), QStringLiteral("required"),
                                        QStringLiteral("A Keycloak realm export is an object with a \"users\" array."));
        for (const QJsonValue &v : doc.object().value(QLatin1String("users")).toArray())
            plan.users.append(keycloakUser(v, knownRoles, plan));
    }
    return plan;
}

ImportReport ImportReport::of(const ImportPlan &plan, bool dryRun)
{
    ImportReport report;
    report.dryRun = dryRun;
    report.ignoredRoles = plan.ignoredRoles;
    return report;
}

void ImportReport::importUser(UserService &users, const Principal &actor, const ImportPlan &plan, qint64 index)
{
    const CreateUserRequest &request = plan.users.at(index);
    const auto outcome = users.importUser(actor, request, dryRun);
    if (outcome) {
        ++created;
        return;
    }
    const ApiError &e = outcome.error();
    if (e.status() == 409) {
        ++skipped;
        return;
    }
    QStringList parts;
    for (const FieldError &f : e.fieldErrors())
        parts << f.field + QStringLiteral(": ") + f.message;
    errors.append({index, request.username, parts.isEmpty() ? e.detail() : parts.join(QStringLiteral("; "))});
}

Result<ImportReport> importUsers(UserService &users, RoleService &roles, const Principal &actor,
                                 const QByteArray &document, ImportFormat format, bool dryRun,
                                 const TransferProgress &progress)
{
    if (auto e = missing(actor, permission::UsersWrite))
        return *e; // before reading: the document's size or shape is none of the caller's business then
    QStringList known;
    if (auto listed = roles.list(actor))
        for (const Role &role : *listed)
            known << role.name;
    auto plan = ImportPlan::read(document, format, known);
    if (!plan)
        return plan.error();
    ImportReport report = ImportReport::of(*plan, dryRun);
    const qint64 total = plan->users.size();
    for (qint64 i = 0; i < total; ++i) {
        report.importUser(users, actor, *plan, i);
        if (progress && !progress(i + 1, total)) {
            report.cancelled = i + 1 < total;
            break;
        }
    }
    return report;
}

UserExporter::UserExporter(UserService &users, Principal actor, ExportFormat format)
    : m_users(users)
    , m_actor(std::move(actor))
    , m_format(format)
{
    m_filter.limit = PageSize;
}

Result<bool> UserExporter::writePage(QIODevice &out)
{
    const auto part = nextPart();
    if (!part)
        return part.error();
    if (out.write(*part) != part->size())
        return ApiError(500, QStringLiteral("export-write-failed"), QStringLiteral("Export failed"),
                        QStringLiteral("Could not write the export: %1").arg(out.errorString()));
    return !m_done;
}

Result<QByteArray> UserExporter::nextPart()
{
    if (m_done)
        return QByteArray();
    auto page = m_users.list(m_actor, m_filter);
    if (!page)
        return page.error();
    QByteArray chunk;
    if (m_total < 0) {
        m_total = page->total;
        m_filter.countTotal = false;
        if (m_format == ExportFormat::Json) {
            chunk = "[";
        } else {
            QByteArrayList header;
            for (const char *column : CsvColumns)
                header << column;
            chunk = header.join(',') + "\r\n";
        }
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const User &u : page->items) {
        if (m_format == ExportFormat::Json) {
            chunk += (m_written == 0 ? "\n  " : ",\n  ") + userJsonBytes(u, now);
        } else {
            const QJsonObject o = userJson(u, now);
            QByteArrayList cells;
            for (const char *column : CsvColumns)
                cells << csvCell(o.value(QLatin1String(column)));
            chunk += cells.join(',') + "\r\n";
        }
        ++m_written;
    }
    m_filter.cursor = page->nextCursor;
    m_done = m_filter.cursor.isEmpty();
    if (m_done && m_format == ExportFormat::Json)
        chunk += "\n]\n";
    return chunk;
}

Result<qint64> exportUsers(UserService &users, const Principal &actor, ExportFormat format, QIODevice &out,
                           const TransferProgress &progress)
{
    UserExporter exporter(users, actor, format);
    for (;;) {
        auto more = exporter.writePage(out);
        if (!more)
            return more.error();
        if (progress && !progress(exporter.written(), exporter.total()))
            break;
        if (!*more)
            break;
    }
    return exporter.written();
}

} // namespace keyward
