#include "settings_service.h"

#include "access_checks.h"
#include "core/clock.h"
#include "core/field_reader.h"
#include "core/logging.h"
#include "core/permissions.h"
#include "store/sql_error.h"
#include "store/write_transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QUrl>

namespace keyward {

namespace {

const QString Mask = QStringLiteral("********");

using Kind = SettingInfo::Kind;

struct Definition {
    const char *key;
    Kind kind;
    QJsonValue fallback;
    qint64 min = 0;
    qint64 max = 0;
    QStringList choices = {};
    bool secret = false;
};

const QList<Definition> &definitions()
{
    static const QList<Definition> list{
        {"registration.enabled", Kind::Bool, false},
        {"password_policy.min_length", Kind::Integer, 8, 8, 64},
        {"password_policy.history", Kind::Integer, 0, 0, 24},
        {"password_policy.blocklist", Kind::Bool, true},
        {"lockout.threshold", Kind::Integer, 5, 1, 100},
        {"lockout.base_seconds", Kind::Seconds, 60, 1, 86400},
        {"lockout.max_seconds", Kind::Seconds, 900, 1, 86400},
        {"tokens.access_ttl", Kind::Seconds, 900, 60, 86400},
        {"tokens.refresh_idle_ttl", Kind::Seconds, 604800, 300, 31536000},
        {"tokens.refresh_absolute_ttl", Kind::Seconds, 2592000, 300, 31536000},
        {"tokens.signing_key_rotation_days", Kind::Integer, 90, 0, 3650},
        {"rate_limits.enabled", Kind::Bool, true},
        {"rate_limits.auth_per_minute", Kind::Integer, 100, 1, 1000000},
        {"rate_limits.read_per_minute", Kind::Integer, 1200, 1, 1000000},
        {"rate_limits.write_per_minute", Kind::Integer, 300, 1, 1000000},
        {"cors.allowed_origins", Kind::Origins, QJsonArray()},
        {"passkeys.passwordless", Kind::Bool, true},
        {"passkeys.offer_after_sign_in", Kind::Bool, true},
        {"passkeys.rp_id", Kind::String, QString(), 0, 253},
        {"passkeys.origins", Kind::Origins, QJsonArray()},
        {"passkeys.attestation",
         Kind::Choice,
         QStringLiteral("none"),
         0,
         0,
         {QStringLiteral("none"), QStringLiteral("direct")}},
        {"smtp.host", Kind::String, QString(), 0, 253},
        {"smtp.port", Kind::Integer, 587, 1, 65535},
        {"smtp.security",
         Kind::Choice,
         QStringLiteral("starttls"),
         0,
         0,
         {QStringLiteral("none"), QStringLiteral("starttls"), QStringLiteral("tls")}},
        {"smtp.username", Kind::String, QString(), 0, 254},
        {"smtp.password", Kind::String, QString(), 0, 1024, {}, true},
        {"smtp.sender", Kind::String, QString(), 0, 254},
        {"dormant_accounts.disable_after_days", Kind::Integer, 0, 0, 3650},
        {"audit.retention_days", Kind::Integer, 0, 0, 36500},
        {"network.trusted_proxies", Kind::Subnets, QJsonArray()},
        {"network.admin_allow_list", Kind::Subnets, QJsonArray()},
        {"network.metrics_allow_list", Kind::Subnets, QJsonArray()},
    };
    return list;
}

const Definition *find(const QString &key)
{
    for (const Definition &d : definitions())
        if (key == QLatin1String(d.key))
            return &d;
    return nullptr;
}

bool validOrigin(const QString &origin)
{
    const QUrl url(origin, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) &&
           !url.host().isEmpty() && url.path().isEmpty() && !url.hasQuery() && !url.hasFragment() &&
           url.userInfo().isEmpty() && url.toString() == origin;
}

QString checkValue(const Definition &d, const QJsonValue &v)
{
    switch (d.kind) {
    case Kind::Bool:
        return v.isBool() ? QString() : QStringLiteral("Must be true or false.");
    case Kind::Integer:
    case Kind::Seconds: {
        const auto n = FieldReader::wholeNumber(v);
        if (!n || *n < d.min || *n > d.max)
            return QStringLiteral("Must be a whole number from %1 to %2.").arg(d.min).arg(d.max);
        return {};
    }
    case Kind::String:
        if (!v.isString() || v.toString().size() > d.max)
            return QStringLiteral("Must be a string of at most %1 characters.").arg(d.max);
        return {};
    case Kind::Choice:
        return d.choices.contains(v.toString())
                   ? QString()
                   : QStringLiteral("Must be one of: %1.").arg(d.choices.join(QStringLiteral(", ")));
    case Kind::Origins:
    case Kind::Subnets: {
        if (!v.isArray() || v.toArray().size() > 100)
            return QStringLiteral("Must be a list of at most 100 strings.");
        for (const QJsonValue &item : v.toArray()) {
            const QString text = item.toString();
            const bool ok = d.kind == Kind::Origins ? validOrigin(text) : QHostAddress::parseSubnet(text).second >= 0;
            if (!item.isString() || !ok)
                return d.kind == Kind::Origins
                           ? QStringLiteral("'%1' is not an origin like https://app.example.com.").arg(text)
                           : QStringLiteral("'%1' is not an address or CIDR range.").arg(text);
        }
        return {};
    }
    }
    return {};
}

QList<QPair<QHostAddress, int>> subnets(const QJsonValue &v)
{
    QList<QPair<QHostAddress, int>> out;
    for (const QJsonValue &item : v.toArray())
        out.append(QHostAddress::parseSubnet(item.toString()));
    return out;
}

QByteArray sealContext(const QString &key)
{
    return QByteArray("setting:") + key.toUtf8();
}

// {"a": {"b": 1}} -> {"a.b": 1}; a non-object where a group is expected is reported.
void flatten(const QJsonObject &object, const QString &prefix, QHash<QString, QJsonValue> &out)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it->isObject() && !find(key))
            flatten(it->toObject(), key, out);
        else
            out.insert(key, *it);
    }
}

} // namespace

bool RuntimeSettings::inSubnets(const QHostAddress &address, const QList<QPair<QHostAddress, int>> &list)
{
    // An IPv4 peer may arrive as an IPv4-mapped IPv6 address.
    bool isV4 = false;
    const QHostAddress v4(address.toIPv4Address(&isV4));
    return std::any_of(list.begin(), list.end(), [&](const QPair<QHostAddress, int> &s) {
        return address.isInSubnet(s) || (isV4 && v4.isInSubnet(s));
    });
}

QList<SettingInfo> SettingsService::catalogue()
{
    QList<SettingInfo> out;
    for (const Definition &d : definitions())
        out.append({QString::fromLatin1(d.key), d.kind, d.min, d.max, d.choices, d.secret});
    return out;
}

QString SettingsService::secretMask()
{
    return Mask;
}

SettingsService::SettingsService(Database &db, const Clock &clock, ChangeFeed &feed, AuditService &audit,
                                 const crypto::Sealer &sealer, const QJsonObject &defaults)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_sealer(sealer)
    , m_feed(feed)
{
    for (const Definition &d : definitions())
        m_defaults.insert(QLatin1String(d.key), d.fallback);
    QHash<QString, QJsonValue> overrides;
    flatten(defaults, {}, overrides);
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        if (const Definition *d = find(it.key()); d && checkValue(*d, *it).isEmpty())
            m_defaults.insert(it.key(), *it);
    m_snapshot = typed(m_defaults);
}

Result<QHash<QString, QJsonValue>> SettingsService::load()
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT key, value FROM settings"));
    if (!m_db.exec(q))
        return sqlFailure(q);
    QHash<QString, QJsonValue> values = m_defaults;
    while (q.next()) {
        const QString key = q.value(0).toString();
        const Definition *d = find(key);
        if (!d)
            continue; // written by a newer node; this one does not know it
        QByteArray raw = q.value(1).toByteArray();
        if (d->secret) {
            const auto opened = m_sealer.open(QByteArray::fromBase64(raw), sealContext(key));
            if (!opened) {
                qCWarning(lcServices) << "setting" << key << "cannot be unsealed; using the default";
                continue;
            }
            raw = *opened;
        }
        const QJsonValue v = QJsonDocument::fromJson("[" + raw + "]").array().at(0);
        if (checkValue(*d, v).isEmpty())
            values.insert(key, v);
    }
    return values;
}

RuntimeSettings SettingsService::typed(const QHash<QString, QJsonValue> &v) const
{
    const auto i = [&](const char *k) { return v.value(QLatin1String(k)).toInteger(); };
    const auto b = [&](const char *k) { return v.value(QLatin1String(k)).toBool(); };
    const auto s = [&](const char *k) { return v.value(QLatin1String(k)).toString(); };
    RuntimeSettings r;
    r.registrationEnabled = b("registration.enabled");
    r.passwordMinLength = static_cast<int>(i("password_policy.min_length"));
    r.passwordHistory = static_cast<int>(i("password_policy.history"));
    r.passwordBlocklist = b("password_policy.blocklist");
    r.lockoutThreshold = static_cast<int>(i("lockout.threshold"));
    r.lockoutBaseSeconds = static_cast<int>(i("lockout.base_seconds"));
    r.lockoutMaxSeconds = static_cast<int>(i("lockout.max_seconds"));
    r.accessTtlSeconds = i("tokens.access_ttl");
    r.refreshIdleTtlSeconds = i("tokens.refresh_idle_ttl");
    r.refreshAbsoluteTtlSeconds = qMax(i("tokens.refresh_absolute_ttl"), r.refreshIdleTtlSeconds);
    r.signingKeyRotationDays = static_cast<int>(i("tokens.signing_key_rotation_days"));
    r.rateLimitsEnabled = b("rate_limits.enabled");
    r.authPerMinute = static_cast<int>(i("rate_limits.auth_per_minute"));
    r.readPerMinute = static_cast<int>(i("rate_limits.read_per_minute"));
    r.writePerMinute = static_cast<int>(i("rate_limits.write_per_minute"));
    for (const QJsonValue &o : v.value(QStringLiteral("cors.allowed_origins")).toArray())
        r.corsOrigins << o.toString();
    r.passkeysPasswordless = b("passkeys.passwordless");
    r.passkeyOffer = b("passkeys.offer_after_sign_in");
    r.passkeyRpId = s("passkeys.rp_id");
    r.passkeyAttestation = s("passkeys.attestation");
    for (const QJsonValue &o : v.value(QStringLiteral("passkeys.origins")).toArray())
        r.passkeyOrigins << o.toString();
    r.smtpHost = s("smtp.host");
    r.smtpPort = static_cast<int>(i("smtp.port"));
    r.smtpSecurity = s("smtp.security");
    r.smtpUsername = s("smtp.username");
    r.smtpPassword = s("smtp.password");
    r.smtpSender = s("smtp.sender");
    r.dormantDisableAfterDays = static_cast<int>(i("dormant_accounts.disable_after_days"));
    r.auditRetentionDays = static_cast<int>(i("audit.retention_days"));
    r.trustedProxies = subnets(v.value(QStringLiteral("network.trusted_proxies")));
    r.adminAllowList = subnets(v.value(QStringLiteral("network.admin_allow_list")));
    r.metricsAllowList = subnets(v.value(QStringLiteral("network.metrics_allow_list")));
    return r;
}

RuntimeSettings SettingsService::current()
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_feed.isCurrent(m_loaded, ChangeFeed::Topic::Settings))
            return m_snapshot;
    }
    const ChangeFeed::Stamp stamp = m_feed.stamp();
    auto values = load();
    QMutexLocker lock(&m_mutex);
    if (values) {
        m_snapshot = typed(*values);
        m_loaded = stamp;
    }
    return m_snapshot;
}

SettingValues SettingsService::render(const QHash<QString, QJsonValue> &values) const
{
    SettingValues out;
    for (const Definition &d : definitions()) {
        const QString key = QLatin1String(d.key);
        const QJsonValue v = values.value(key);
        switch (d.kind) {
        case Kind::Bool:
            out.insert(key, v.toBool());
            break;
        case Kind::Integer:
        case Kind::Seconds:
            out.insert(key, v.toInteger());
            break;
        case Kind::String:
        case Kind::Choice:
            out.insert(key, d.secret && !v.toString().isEmpty() ? Mask : v.toString());
            break;
        case Kind::Origins:
        case Kind::Subnets:
            out.insert(key, v.toVariant().toStringList());
            break;
        }
    }
    return out;
}

Result<SettingValues> SettingsService::get(const Principal &actor)
{
    if (auto e = missing(actor, permission::SettingsManage))
        return *e;
    auto values = load();
    if (!values)
        return values.error();
    return render(*values);
}

Result<SettingValues> SettingsService::update(const Principal &actor, const SettingValues &patch)
{
    if (auto e = missing(actor, permission::SettingsManage))
        return *e;
    // Settings act on every account (where recovery mail goes, how many guesses a login gets), so
    // changing them needs every permission any account may hold.
    if (const QString lacking = permission::firstMissing(actor.permissions, permission::all()); !lacking.isEmpty())
        return m_audit.noteRefusal(
            actor, {QStringLiteral("settings.update"), QStringLiteral("settings"), QString()},
            Result<SettingValues>(ApiError::insufficientPrivilege(
                QStringLiteral("Settings apply to every account: changing them needs every permission, and you do "
                               "not hold '%1'.")
                    .arg(lacking))));
    QHash<QString, QJsonValue> changes;
    for (auto it = patch.cbegin(); it != patch.cend(); ++it)
        changes.insert(it.key(), it->isValid() ? QJsonValue::fromVariant(*it) : QJsonValue(QJsonValue::Null));
    QList<FieldError> errors;
    for (auto it = changes.begin(); it != changes.end();) {
        const Definition *d = find(it.key());
        if (!d) {
            errors.append({it.key(), QStringLiteral("unknown_field"), QStringLiteral("This setting does not exist.")});
        } else if (d->secret && it->toString() == Mask) {
            it = changes.erase(it); // a GET answer sent back unchanged: keep the secret
            continue;
        } else if (!it->isNull()) {
            if (const QString problem = checkValue(*d, *it); !problem.isEmpty())
                errors.append({it.key(), QStringLiteral("invalid_value"), problem});
        }
        ++it;
    }
    if (!errors.isEmpty())
        return ApiError::validation(errors);

    QHash<QString, QJsonValue> after;
    auto written = writeTransaction(m_db, [&]() -> Status {
        QJsonArray changed;
        for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
            QSqlQuery &q =
                it->isNull()
                    ? m_db.prepared(QStringLiteral("DELETE FROM settings WHERE key = ?"))
                    : m_db.prepared(QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
                                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                                                   "updated_at = excluded.updated_at"));
            q.addBindValue(it.key());
            if (!it->isNull()) {
                QByteArray raw = QJsonDocument(QJsonArray{*it}).toJson(QJsonDocument::Compact);
                raw = raw.mid(1, raw.size() - 2);
                if (find(it.key())->secret)
                    raw = m_sealer.seal(raw, sealContext(it.key())).toBase64();
                q.addBindValue(QString::fromUtf8(raw));
                q.addBindValue(m_clock.nowMs());
            }
            if (!m_db.exec(q))
                return sqlFailure(q);
            changed.append(it.key());
        }
        auto values = load();
        if (!values)
            return values.error();
        after = *values;
        return m_audit.append(actor, {QStringLiteral("settings.update"),
                                      QStringLiteral("settings"),
                                      QString(),
                                      QStringLiteral("success"),
                                      {{QStringLiteral("changed"), changed}}});
    });
    if (!written)
        return written.error();
    QMutexLocker lock(&m_mutex);
    m_snapshot = typed(after);
    m_loaded = {}; // read again: another node may have changed more since this transaction read them
    return render(after);
}

} // namespace keyward
