#include "import_formats.h"

#include "core/field_reader.h"
#include "crypto/password_hasher.h"
#include "user_json.h"
#include "user_transfer.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace keyward {

namespace import_formats {

bool startsLikeFormula(QStringView text)
{
    return !text.isEmpty() && QStringView(u"=+-@\t\r").contains(text.front());
}

} // namespace import_formats

namespace {

// What the server makes itself: present in exports, ignored when they are imported again.
const char *const ServerFields[] = {
    "id",          "created_at",          "updated_at", "last_login_at",  "locked_until",
    "mfa_enabled", "password_changed_at", "deleted_at", "passkey_sign_in"};

// A username from an address, for formats whose users may have none (Kratos, Auth0): the local
// part with what a username may not hold turned into '.', and 8 hex digits of the address's hash,
// so that two addresses do not share one (a+b@x.io and a.b@x.io) and an import made again finds
// the same name.
QString usernameFromEmail(const QString &email)
{
    static const QRegularExpression notAllowed(QStringLiteral("[^A-Za-z0-9._-]"));
    const QString local = email.section(QLatin1Char('@'), 0, 0).replace(notAllowed, QStringLiteral(".")).left(55);
    const QByteArray digest =
        QCryptographicHash::hash(email.toCaseFolded().toUtf8(), QCryptographicHash::Sha256).toHex().left(8);
    return local + QLatin1Char('-') + QString::fromLatin1(digest);
}

// The roles of a user as a document names them: those Keyward has (always with `user`); the others
// are listed once in `plan.ignoredRoles`.
QStringList knownRolesOf(const QStringList &named, const QStringList &knownRoles, ImportPlan &plan)
{
    QStringList roles{QStringLiteral("user")};
    for (const QString &name : named) {
        if (knownRoles.contains(name))
            roles << name;
        else if (!name.isEmpty() && !plan.ignoredRoles.contains(name))
            plan.ignoredRoles << name;
    }
    roles.removeDuplicates();
    return roles;
}

// Top-level members of a metadata object as attributes: strings as they are, the rest as JSON.
void addAttributes(const QJsonObject &metadata, CreateUserRequest &r)
{
    for (auto it = metadata.begin(); it != metadata.end(); ++it)
        r.attributes.insert(it.key(),
                            it.value().isString() ? it.value().toString()
                            : it.value().isObject()
                                ? QString::fromUtf8(QJsonDocument(it.value().toObject()).toJson(QJsonDocument::Compact))
                            : it.value().isArray()
                                ? QString::fromUtf8(QJsonDocument(it.value().toArray()).toJson(QJsonDocument::Compact))
                                : it.value().toVariant().toString());
}

QJsonObject member(const QJsonObject &o, const char *path)
{
    QJsonObject at = o;
    for (const QString &name : QString::fromLatin1(path).split(QLatin1Char('.')))
        at = at.value(name).toObject();
    return at;
}

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
        return p.isArray() ? p.toArray().at(0).toString() : p.toString(); // at(0): empty arrays give null
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
    QStringList named;
    for (const QJsonValue &role : o.value(QLatin1String("realmRoles")).toArray())
        named << role.toString();
    r.roles = knownRolesOf(named, knownRoles, plan);
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

// An Ory Kratos identity as its admin API takes and lists it: traits (email, username, name),
// state, verifiable_addresses, credentials.password.config.hashed_password (PHC or MCF) and
// metadata_public.
CreateUserRequest kratosUser(const QJsonValue &value)
{
    if (!value.isObject())
        return notAnObject();
    const QJsonObject o = value.toObject();
    const QJsonObject traits = o.value(QLatin1String("traits")).toObject();
    CreateUserRequest r;
    r.email = traits.value(QLatin1String("email")).toString();
    r.username = traits.value(QLatin1String("username")).toString();
    if (r.username.isEmpty())
        r.username = usernameFromEmail(r.email);
    const QJsonValue name = traits.value(QLatin1String("name"));
    r.displayName = name.isObject()
                        ? QString(name.toObject().value(QLatin1String("first")).toString() + QLatin1Char(' ') +
                                  name.toObject().value(QLatin1String("last")).toString())
                              .trimmed()
                        : name.toString();
    r.status = o.value(QLatin1String("state")).toString() == QLatin1String("inactive") ? User::Status::Disabled
                                                                                       : User::Status::Active;
    for (const QJsonValue &address : o.value(QLatin1String("verifiable_addresses")).toArray())
        if (address.toObject().value(QLatin1String("value")).toString().compare(r.email, Qt::CaseInsensitive) == 0 &&
            address.toObject().value(QLatin1String("verified")).toBool())
            r.emailVerified = true;
    const QJsonObject password = member(o, "credentials.password.config");
    if (const QString hash = password.value(QLatin1String("hashed_password")).toString(); !hash.isEmpty())
        r.passwordHash = hash;
    else if (password.value(QLatin1String("password")).isString())
        r.password = password.value(QLatin1String("password")).toString();
    addAttributes(o.value(QLatin1String("metadata_public")).toObject(), r);
    r.roles = QStringList{QStringLiteral("user")};
    return r;
}

// A Zitadel human user as its import APIs take it: v1 ImportHumanUser (userName, profile.firstName,
// email.isEmailVerified, hashedPassword.value, passwordChangeRequired) or v2 AddHumanUser
// (username, profile.givenName, email.isVerified, hashedPassword.hash and .changeRequired, metadata
// with base64 values).
CreateUserRequest zitadelUser(const QJsonValue &value)
{
    if (!value.isObject())
        return notAnObject();
    const QJsonObject o = value.toObject();
    const auto either = [](const QJsonObject &in, const char *a, const char *b) {
        return in.contains(QLatin1String(a)) ? in.value(QLatin1String(a)) : in.value(QLatin1String(b));
    };
    CreateUserRequest r;
    r.username = either(o, "userName", "username").toString();
    const QJsonObject profile = o.value(QLatin1String("profile")).toObject();
    r.displayName = profile.value(QLatin1String("displayName")).toString();
    if (r.displayName.isEmpty())
        r.displayName = QString(either(profile, "firstName", "givenName").toString() + QLatin1Char(' ') +
                                either(profile, "lastName", "familyName").toString())
                            .trimmed();
    const QJsonObject email = o.value(QLatin1String("email")).toObject();
    r.email = email.value(QLatin1String("email")).toString();
    r.emailVerified = either(email, "isEmailVerified", "isVerified").toBool();
    const QJsonObject hashed = o.value(QLatin1String("hashedPassword")).toObject();
    if (const QString hash = either(hashed, "value", "hash").toString(); !hash.isEmpty())
        r.passwordHash = hash;
    else if (o.value(QLatin1String("password")).isString())
        r.password = o.value(QLatin1String("password")).toString();
    r.requirePasswordChange = o.value(QLatin1String("passwordChangeRequired")).toBool() ||
                              hashed.value(QLatin1String("changeRequired")).toBool();
    for (const QJsonValue &entry : o.value(QLatin1String("metadata")).toArray())
        r.attributes.insert(entry.toObject().value(QLatin1String("key")).toString(),
                            QString::fromUtf8(QByteArray::fromBase64(
                                entry.toObject().value(QLatin1String("value")).toString().toLatin1())));
    r.roles = QStringList{QStringLiteral("user")};
    return r;
}

// An Auth0 bulk-import user: email, email_verified, username, given_name/family_name/name,
// blocked, user_metadata, and either password_hash (bcrypt) or custom_password_hash, of which
// bcrypt, argon2 and pbkdf2 (PHC strings) are kept; the salted digests (md5, sha*, ldap, hmac) are
// refused: the user can get a password by reset.
CreateUserRequest auth0User(const QJsonValue &value)
{
    if (!value.isObject())
        return notAnObject();
    const QJsonObject o = value.toObject();
    CreateUserRequest r;
    r.email = o.value(QLatin1String("email")).toString();
    r.emailVerified = o.value(QLatin1String("email_verified")).toBool();
    r.username = o.value(QLatin1String("username")).toString();
    if (r.username.isEmpty())
        r.username = usernameFromEmail(r.email);
    r.displayName = QString(o.value(QLatin1String("given_name")).toString() + QLatin1Char(' ') +
                            o.value(QLatin1String("family_name")).toString())
                        .trimmed();
    if (r.displayName.isEmpty())
        r.displayName = o.value(QLatin1String("name")).toString();
    r.status = o.value(QLatin1String("blocked")).toBool() ? User::Status::Disabled : User::Status::Active;
    addAttributes(o.value(QLatin1String("user_metadata")).toObject(), r);
    if (const QString bcrypt = o.value(QLatin1String("password_hash")).toString(); !bcrypt.isEmpty())
        r.passwordHash = bcrypt;
    const QJsonObject custom = o.value(QLatin1String("custom_password_hash")).toObject();
    if (!custom.isEmpty()) {
        const QString algorithm = custom.value(QLatin1String("algorithm")).toString();
        const QJsonObject hash = custom.value(QLatin1String("hash")).toObject();
        const QString encoding = hash.value(QLatin1String("encoding")).toString(QStringLiteral("utf8"));
        if ((algorithm == QLatin1String("bcrypt") || algorithm == QLatin1String("argon2") ||
             algorithm == QLatin1String("pbkdf2")) &&
            encoding == QLatin1String("utf8"))
            r.passwordHash = hash.value(QLatin1String("value")).toString();
        else
            r.parseErrors.append(
                {QStringLiteral("custom_password_hash"), QStringLiteral("unsupported"),
                 QStringLiteral("The password hash algorithm \"%1\" cannot be imported; the user can get a password "
                                "by reset.")
                     .arg(algorithm)});
    }
    r.roles = QStringList{QStringLiteral("user")};
    return r;
}

// RFC 4180 records: fields split on commas, quoted fields may hold commas, quotes ("") and line
// breaks; CRLF or LF ends a record. A UTF-8 byte order mark is skipped. A quote left open at the
// end sets `unterminated` (the rows after it would be swallowed).
QList<QStringList> csvRecords(const QString &text, bool &unterminated)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool any = false;
    qsizetype i = text.startsWith(QChar(0xfeff)) ? 1 : 0;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        any = true;
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            record << field;
            field.clear();
            if (!(record.size() == 1 && record.first().isEmpty())) // blank lines
                records << record;
            record.clear();
            any = false;
        } else {
            field += c;
        }
    }
    if (any) {
        record << field;
        records << record;
    }
    unterminated = quoted;
    return records;
}

std::optional<bool> csvBoolean(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("1"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("0") || t.isEmpty())
        return false;
    return std::nullopt;
}

// A CSV file with a header row: username, email (both needed), display_name, email_verified,
// status, roles (separated by spaces), require_password_change, password_hash, attributes (a JSON
// object); other columns, such as the export's id and times, are ignored. Keyward's own CSV export
// reads back, with a password_hash column added.
Result<ImportPlan> readCsv(const QByteArray &document, const QStringList &knownRoles)
{
    bool unterminated = false;
    const QList<QStringList> records = csvRecords(QString::fromUtf8(document), unterminated);
    if (unterminated)
        return ApiError::validation(QStringLiteral("document"), QStringLiteral("invalid_format"),
                                    QStringLiteral("A quoted CSV field is never closed: the rows after it cannot be "
                                                   "read."));
    const QStringList header = records.value(0);
    if (!header.contains(QLatin1String("username")) || !header.contains(QLatin1String("email")))
        return ApiError::validation(QStringLiteral("document"), QStringLiteral("invalid_format"),
                                    QStringLiteral("A CSV import starts with a header row naming at least the "
                                                   "username and email columns."));
    ImportPlan plan;
    plan.format = ImportFormat::Csv;
    for (qsizetype row = 1; row < records.size(); ++row) {
        const QStringList &cells = records.at(row);
        const auto cell = [&](const char *column) {
            QString text = cells.value(header.indexOf(QLatin1String(column)));
            if (text.startsWith(QLatin1Char('\'')) && import_formats::startsLikeFormula(QStringView(text).mid(1)))
                text.remove(0, 1);
            return text;
        };
        CreateUserRequest r;
        if (cells.size() != header.size())
            r.parseErrors.append(
                {QStringLiteral("row"), QStringLiteral("invalid_format"),
                 QStringLiteral("%1 cells where the header has %2.").arg(cells.size()).arg(header.size())});
        r.username = cell("username");
        r.email = cell("email");
        r.displayName = cell("display_name");
        const auto boolean = [&](const char *column, bool &into) {
            if (const auto parsed = csvBoolean(cell(column)))
                into = *parsed;
            else
                r.parseErrors.append(
                    {QLatin1String(column), QStringLiteral("invalid_type"), QStringLiteral("Must be true or false.")});
        };
        boolean("email_verified", r.emailVerified);
        boolean("require_password_change", r.requirePasswordChange);
        if (const QString status = cell("status"); !status.isEmpty()) {
            if (const auto named = User::statusNamed(status))
                r.status = *named;
            else
                r.parseErrors.append({QStringLiteral("status"), QStringLiteral("invalid_value"),
                                      QStringLiteral("Must be active or disabled.")});
        }
        r.roles = knownRolesOf(cell("roles").split(QLatin1Char(' '), Qt::SkipEmptyParts), knownRoles, plan);
        if (const QString hash = cell("password_hash"); !hash.isEmpty())
            r.passwordHash = hash;
        if (const QString attributes = cell("attributes"); !attributes.isEmpty()) {
            const QJsonDocument json = QJsonDocument::fromJson(attributes.toUtf8());
            if (json.isObject())
                addAttributes(json.object(), r);
            else
                r.parseErrors.append({QStringLiteral("attributes"), QStringLiteral("invalid_type"),
                                      QStringLiteral("Must be a JSON object.")});
        }
        plan.users.append(r);
    }
    return plan;
}

} // namespace

namespace {

// Whether a document starts as JSON does (after a UTF-8 byte order mark): otherwise `auto` takes it
// for CSV.
bool startsAsJson(const QByteArray &document)
{
    const QByteArray text = document.startsWith("\xEF\xBB\xBF") ? document.mid(3) : document;
    const QByteArray start = text.trimmed().left(1);
    return start == "[" || start == "{";
}

// The JSON format of a parsed document: an object is a Keycloak realm, an array is told by the
// members of its first user.
ImportFormat jsonFormatOf(const QJsonDocument &doc)
{
    if (doc.isObject())
        return ImportFormat::Keycloak;
    const QJsonObject first = doc.array().isEmpty() ? QJsonObject() : doc.array().first().toObject();
    const auto has = [&](std::initializer_list<const char *> names) {
        return std::any_of(names.begin(), names.end(),
                           [&](const char *name) { return first.contains(QLatin1String(name)); });
    };
    if (has({"traits", "schema_id", "verifiable_addresses"}))
        return ImportFormat::Kratos;
    if (has({"userName", "hashedPassword", "profile"}))
        return ImportFormat::Zitadel;
    if (has({"custom_password_hash", "given_name", "family_name", "blocked", "user_metadata", "app_metadata",
             "nickname"}))
        return ImportFormat::Auth0;
    return ImportFormat::Keyward;
}

} // namespace

ImportFormat ImportPlan::detect(const QByteArray &document)
{
    return startsAsJson(document) ? jsonFormatOf(QJsonDocument::fromJson(document)) : ImportFormat::Csv;
}

Result<ImportPlan> ImportPlan::read(const QByteArray &document, ImportFormat format, const QStringList &knownRoles)
{
    if (format == ImportFormat::Csv || (format == ImportFormat::Auto && !startsAsJson(document)))
        return readCsv(document, knownRoles);
    // Parsed once: a million users' document is not read twice to tell its format.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(document, &error);
    if (error.error != QJsonParseError::NoError)
        return ApiError::malformedJson(
            QStringLiteral("The import is not valid JSON: %1 at byte %2.").arg(error.errorString()).arg(error.offset));
    if (format == ImportFormat::Auto)
        format = jsonFormatOf(doc);
    ImportPlan plan;
    plan.format = format;
    if (format == ImportFormat::Keycloak) {
        if (!doc.object().value(QLatin1String("users")).isArray())
            return ApiError::validation(QStringLiteral("users"), QStringLiteral("required"),
                                        QStringLiteral("A Keycloak realm export is an object with a \"users\" array."));
        for (const QJsonValue &v : doc.object().value(QLatin1String("users")).toArray())
            plan.users.append(keycloakUser(v, knownRoles, plan));
        return plan;
    }
    if (!doc.isArray())
        return ApiError::validation(
            QStringLiteral("document"), QStringLiteral("invalid_type"),
            QStringLiteral("A %1 import is a JSON array of user objects.").arg(importFormatName(format)));
    for (const QJsonValue &v : doc.array())
        plan.users.append(format == ImportFormat::Kratos    ? kratosUser(v)
                          : format == ImportFormat::Zitadel ? zitadelUser(v)
                          : format == ImportFormat::Auth0   ? auth0User(v)
                                                            : keywardUser(v));
    return plan;
}

} // namespace keyward
