#include "user_repository.h"

#include "crypto/digest.h"
#include "sql_error.h"
#include "sql_filter.h"
#include "user_cursor.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace keyward {

namespace {

const QString Columns = QStringLiteral(
    "u.id, u.username, u.email, u.email_verified, u.display_name, u.status, u.locked_until, u.mfa_enabled, "
    "u.require_password_change, u.created_at, u.updated_at, u.last_login_at, u.deleted_at, u.attributes, u.version, "
    "u.password_hash, u.password_changed_at, u.verified_email, u.passkey_sign_in, ");
// Where the roles subquery lands after Columns; a list's sort key follows it.
constexpr int RolesColumn = 19;

} // namespace

QString UserRepository::rolesSubquery(Database::Kind kind)
{
    return kind == Database::Kind::Sqlite
               ? QStringLiteral("(SELECT group_concat(role_name, ' ') FROM user_roles r WHERE r.user_id = u.id)")
               : QStringLiteral("(SELECT string_agg(role_name, ' ' ORDER BY role_name) FROM user_roles r "
                                "WHERE r.user_id = u.id)");
}

namespace {

UserRecord readRecord(const QSqlQuery &q)
{
    UserRecord r;
    User &u = r.user;
    u.id = q.value(0).toString();
    u.username = q.value(1).toString();
    u.email = q.value(2).toString();
    u.emailVerified = q.value(3).toBool();
    u.displayName = q.value(4).toString();
    u.status = User::statusNamed(q.value(5).toString()).value_or(User::Status::Disabled);
    u.lockedUntil = q.value(6).toLongLong();
    u.mfaEnabled = q.value(7).toBool();
    u.requirePasswordChange = q.value(8).toBool();
    u.createdAt = q.value(9).toLongLong();
    u.updatedAt = q.value(10).toLongLong();
    u.lastLoginAt = q.value(11).toLongLong();
    u.deletedAt = q.value(12).toLongLong();
    const QJsonObject attrs = QJsonDocument::fromJson(q.value(13).toString().toUtf8()).object();
    for (auto it = attrs.begin(); it != attrs.end(); ++it)
        u.attributes.insert(it.key(), it->toString());
    u.version = q.value(14).toLongLong();
    r.passwordHash = q.value(15).toString();
    u.passwordChangedAt = q.value(16).toLongLong();
    r.verifiedEmail = q.value(17).toString();
    u.passkeysAlone = q.value(18).toString() != QLatin1String("second_factor");
    QStringList roles = q.value(RolesColumn).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    roles.sort();
    u.roles = roles;
    return r;
}

QVariant nullable(const QString &text)
{
    return text.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// The identity columns, in the order both INSERT and UPDATE list them.
void bindIdentity(QSqlQuery &q, const User &u)
{
    q.addBindValue(u.username);
    q.addBindValue(UserRepository::foldKey(u.username));
    q.addBindValue(u.email);
    q.addBindValue(UserRepository::foldKey(u.email));
    q.addBindValue(u.emailVerified);
    q.addBindValue(nullable(u.displayName));
    q.addBindValue(User::statusName(u.status));
}

QString attributesJson(const User &u)
{
    QJsonObject attrs;
    for (auto it = u.attributes.cbegin(); it != u.attributes.cend(); ++it)
        attrs.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(attrs).toJson(QJsonDocument::Compact));
}

QString likeEscaped(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char('%'), QLatin1String("\\%"));
    text.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return text;
}

} // namespace

UserRepository::UserRepository(Database &db)
    : m_db(db)
{
}

bool UserRepository::isValidSort(const QString &sort)
{
    static const QStringList sorts{QStringLiteral("created_at"), QStringLiteral("username"),
                                   QStringLiteral("last_login_at")};
    return sorts.contains(sort.startsWith(QLatin1Char('-')) ? sort.mid(1) : sort);
}

Status UserRepository::conflictFrom(const QSqlError &error) const
{
    const QString text = error.databaseText();
    QList<FieldError> fields;
    if (text.contains(QLatin1String("username_key")))
        fields.append({QStringLiteral("username"), QStringLiteral("taken"), QStringLiteral("This username is taken.")});
    if (text.contains(QLatin1String("email_key")))
        fields.append(
            {QStringLiteral("email"), QStringLiteral("taken"), QStringLiteral("This email address is taken.")});
    return ApiError::conflict(QStringLiteral("A user with this username or email already exists."), fields);
}

Status UserRepository::checkUnique(const User &u)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "SELECT username_key, email_key FROM users WHERE (username_key = ? OR email_key = ?) AND id <> ?"));
    q.addBindValue(foldKey(u.username));
    q.addBindValue(foldKey(u.email));
    q.addBindValue(u.id);
    if (!m_db.exec(q))
        return sqlFailure(q);
    bool username = false, email = false;
    while (q.next()) {
        username = username || q.value(0).toString() == foldKey(u.username);
        email = email || q.value(1).toString() == foldKey(u.email);
    }
    q.finish();
    QList<FieldError> fields;
    if (username)
        fields.append({QStringLiteral("username"), QStringLiteral("taken"), QStringLiteral("This username is taken.")});
    if (email)
        fields.append(
            {QStringLiteral("email"), QStringLiteral("taken"), QStringLiteral("This email address is taken.")});
    if (!fields.isEmpty())
        return ApiError::conflict(QStringLiteral("A user with this username or email already exists."), fields);
    return success();
}

Status UserRepository::insert(const User &u, const QString &passwordHash)
{
    // The constraint is the guarantee (concurrent inserts race past this check); the check
    // is for the message, which the constraint reports one field at a time.
    if (auto unique = checkUnique(u); !unique)
        return unique;
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "INSERT INTO users (id, username, username_key, email, email_key, email_verified, display_name, status, "
        "password_hash, password_changed_at, require_password_change, attributes, created_at, updated_at, "
        "verified_email, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"));
    q.addBindValue(u.id);
    bindIdentity(q, u);
    q.addBindValue(nullable(passwordHash.isEmpty() ? QString() : passwordHash));
    q.addBindValue(passwordHash.isEmpty() ? 0 : u.createdAt);
    q.addBindValue(u.requirePasswordChange);
    q.addBindValue(attributesJson(u));
    q.addBindValue(u.createdAt);
    q.addBindValue(u.updatedAt);
    q.addBindValue(nullable(u.emailVerified ? u.email : QString()));
    if (!m_db.exec(q))
        return Database::isUniqueViolation(q.lastError()) ? conflictFrom(q.lastError()) : sqlFailure(q);
    return setRoles(u.id, u.roles);
}

Result<UserRecord> UserRepository::find(const QString &id, bool includeDeleted)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + Columns + rolesSubquery(m_db.kind()) +
                                 QStringLiteral(" FROM users u WHERE u.id = ?"));
    q.addBindValue(id);
    if (!m_db.exec(q))
        return sqlFailure(q);
    if (!q.next())
        return ApiError::notFound(QStringLiteral("No user with this id."));
    UserRecord r = readRecord(q);
    q.finish();
    if (r.user.isDeleted() && !includeDeleted)
        return ApiError::notFound(QStringLiteral("No user with this id."));
    return r;
}

Status UserRepository::selectByIds(const QString &columns, const QStringList &ids,
                                   const std::function<void(QSqlQuery &)> &row)
{
    constexpr qsizetype Chunk = 50;
    const QString sql = QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM users u WHERE u.id IN (?") +
                        QStringLiteral(",?").repeated(Chunk - 1) + QLatin1Char(')');
    for (qsizetype from = 0; from < ids.size(); from += Chunk) {
        QSqlQuery &q = m_db.prepared(sql);
        for (qsizetype i = from; i < from + Chunk; ++i)
            q.addBindValue(ids.value(i));
        if (!m_db.exec(q))
            return sqlFailure(q);
        while (q.next())
            row(q);
        q.finish();
    }
    return success();
}

Result<QHash<QString, QString>> UserRepository::usernames(const QStringList &ids)
{
    QHash<QString, QString> names;
    if (auto read = selectByIds(QStringLiteral("u.id, u.username"), ids,
                                [&](QSqlQuery &q) { names.insert(q.value(0).toString(), q.value(1).toString()); });
        !read)
        return read.error();
    return names;
}

Result<QHash<QString, User>> UserRepository::findMany(const QStringList &ids)
{
    QHash<QString, User> users;
    if (auto read = selectByIds(Columns + rolesSubquery(m_db.kind()), ids,
                                [&](QSqlQuery &q) {
                                    User u = readRecord(q).user;
                                    users.insert(u.id, std::move(u));
                                });
        !read)
        return read.error();
    return users;
}

Status UserRepository::lockRow(const QString &id)
{
    if (m_db.kind() == Database::Kind::Sqlite)
        return success(); // BEGIN IMMEDIATE already made this transaction the only writer
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT id FROM users WHERE id = ? FOR UPDATE"));
    q.addBindValue(id);
    if (!m_db.exec(q))
        return sqlFailure(q);
    q.finish();
    return success();
}

Result<UserRecord> UserRepository::findByLogin(const QString &login)
{
    const QString key = foldKey(login);
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT ") + Columns + rolesSubquery(m_db.kind()) +
                                 QStringLiteral(" FROM users u WHERE (u.username_key = ? OR u.email_key = ?) "
                                                "AND u.deleted_at = 0"));
    q.addBindValue(key);
    q.addBindValue(key);
    if (!m_db.exec(q))
        return sqlFailure(q);
    if (!q.next())
        return ApiError::notFound();
    UserRecord r = readRecord(q);
    q.finish();
    return r;
}

Status UserRepository::update(const User &u)
{
    if (auto unique = checkUnique(u); !unique)
        return unique;
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "UPDATE users SET username = ?, username_key = ?, email = ?, email_key = ?, email_verified = ?, "
        "display_name = ?, status = ?, locked_until = ?, mfa_enabled = ?, require_password_change = ?, "
        "attributes = ?, updated_at = ?, deleted_at = ?, verified_email = CASE WHEN ? THEN ? ELSE verified_email END, "
        "version = version + 1 WHERE id = ? AND version = ?"));
    bindIdentity(q, u);
    q.addBindValue(u.lockedUntil);
    q.addBindValue(u.mfaEnabled);
    q.addBindValue(u.requirePasswordChange);
    q.addBindValue(attributesJson(u));
    q.addBindValue(u.updatedAt);
    q.addBindValue(u.deletedAt);
    q.addBindValue(u.emailVerified);
    q.addBindValue(u.email);
    q.addBindValue(u.id);
    q.addBindValue(u.version);
    if (!m_db.exec(q))
        return Database::isUniqueViolation(q.lastError()) ? conflictFrom(q.lastError()) : sqlFailure(q);
    if (q.numRowsAffected() != 1)
        return ApiError::preconditionFailed(QStringLiteral("The user was changed by someone else; reload and retry."));
    return success();
}

Status UserRepository::setPassword(const QString &id, const QString &hash, bool requireChange, qint64 nowMs,
                                   int keepHistory)
{
    if (keepHistory > 0) {
        QSqlQuery &move = m_db.prepared(QStringLiteral(
            "INSERT INTO password_history (user_id, hash, replaced_at) SELECT id, password_hash, ? FROM users "
            "WHERE id = ? AND password_hash IS NOT NULL"));
        move.addBindValue(nowMs);
        move.addBindValue(id);
        if (!m_db.exec(move))
            return sqlFailure(move);
        // Keep only what the rule can ask for (the current hash counts as one of the last N).
        QSqlQuery &trim = m_db.prepared(QStringLiteral(
            "DELETE FROM password_history WHERE user_id = ? AND replaced_at NOT IN (SELECT replaced_at FROM "
            "password_history WHERE user_id = ? ORDER BY replaced_at DESC LIMIT ?)"));
        trim.addBindValue(id);
        trim.addBindValue(id);
        trim.addBindValue(keepHistory - 1);
        if (!m_db.exec(trim))
            return sqlFailure(trim);
    }
    return execute(
        m_db,
        QStringLiteral(
            "UPDATE users SET password_hash = ?, password_changed_at = ?, require_password_change = ?, updated_at = ?, "
            "version = version + 1 WHERE id = ?"),
        {hash, nowMs, requireChange, nowMs, id});
}

Result<QStringList> UserRepository::recentHashes(const QString &id, int limit)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "SELECT password_hash FROM users WHERE id = ? AND password_hash IS NOT NULL UNION ALL "
        "SELECT hash FROM (SELECT hash FROM password_history WHERE user_id = ? ORDER BY replaced_at DESC LIMIT ?) h"));
    q.addBindValue(id);
    q.addBindValue(id);
    q.addBindValue(qMax(0, limit - 1));
    if (!m_db.exec(q))
        return sqlFailure(q);
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

Status UserRepository::replaceHash(const QString &id, const QString &hash)
{
    return execute(m_db, QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"), {hash, id});
}

Status UserRepository::setRoles(const QString &id, const QStringList &roles)
{
    QSqlQuery &del = m_db.prepared(QStringLiteral("DELETE FROM user_roles WHERE user_id = ?"));
    del.addBindValue(id);
    if (!m_db.exec(del))
        return sqlFailure(del);
    for (const QString &role : roles) {
        QSqlQuery &ins = m_db.prepared(QStringLiteral("INSERT INTO user_roles (user_id, role_name) VALUES (?, ?)"));
        ins.addBindValue(id);
        ins.addBindValue(role);
        if (!m_db.exec(ins))
            return sqlFailure(ins);
    }
    return success();
}

Status UserRepository::recordLogin(const QString &id, qint64 nowMs)
{
    return execute(m_db, QStringLiteral("UPDATE users SET last_login_at = ? WHERE id = ?"), {nowMs, id});
}

Status UserRepository::setLockedUntil(const QString &id, qint64 untilMs)
{
    return execute(m_db, QStringLiteral("UPDATE users SET locked_until = ? WHERE id = ?"), {untilMs, id});
}

Status UserRepository::setMfaEnabled(const QString &id, bool enabled)
{
    return execute(m_db, QStringLiteral("UPDATE users SET mfa_enabled = ? WHERE id = ?"), {enabled, id});
}

Status UserRepository::setPasskeysAlone(const QString &id, bool alone, qint64 nowMs)
{
    return execute(m_db,
                   QStringLiteral("UPDATE users SET passkey_sign_in = ?, updated_at = ?, version = version + 1 "
                                  "WHERE id = ?"),
                   {alone ? QStringLiteral("passwordless") : QStringLiteral("second_factor"), nowMs, id});
}

Status UserRepository::markEmailVerified(const QString &id)
{
    return execute(m_db, QStringLiteral("UPDATE users SET email_verified = ?, verified_email = email WHERE id = ?"),
                   {true, id});
}

Status UserRepository::lockAdministrators()
{
    return takeTurn(m_db, TurnLock::Administrators);
}

Status UserRepository::purge(const QString &id)
{
    return execute(m_db, QStringLiteral("DELETE FROM users WHERE id = ?"), {id});
}

Result<qint64> UserRepository::countActiveAdmins()
{
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("SELECT count(*) FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role_name = 'admin' "
                       "AND u.status = 'active' AND u.deleted_at = 0"));
    return scalar(m_db, q);
}

// Up to this many holders, a role filter starts from the role's index (see list()).
constexpr qint64 RareRoleHolders = 10'000;
// Beyond this many matches a search walks the sort order (at a million users: 0.1 % or more
// match, so a page fills within some 20,000 rows; a count of more costs more than that walk).
constexpr qint64 DenseMatches = 1'000;
// How far a dense search walks the sort order before it asks its index instead.
constexpr qint64 WalkedRows = 5'000;
// SQLite's trigram index finds substrings of this many characters or more.
constexpr qsizetype TrigramLength = 3;

Result<UserPage> UserRepository::list(const UserFilter &f, Rows rows)
{
    const bool descending = f.sort.startsWith(QLatin1Char('-'));
    const QString sortName = descending ? f.sort.mid(1) : f.sort;
    const QString sortColumn =
        sortName == QLatin1String("username") ? QStringLiteral("u.username_key") : QStringLiteral("u.") + sortName;
    // Checked before anything is counted or read.
    std::optional<UserCursor> cursor;
    if (!f.cursor.isEmpty()) {
        cursor = UserCursor::decode(f.cursor);
        if (!cursor || cursor->sort != f.sort)
            return ApiError::validation(QStringLiteral("cursor"), QStringLiteral("invalid"),
                                        QStringLiteral("The cursor is invalid or belongs to another sort order."));
    }

    SqlFilter filter;
    if (!f.includeDeleted)
        filter.add(QStringLiteral("u.deleted_at = 0"));
    if (f.status)
        filter.add(QStringLiteral("u.status = ?"), {User::statusName(*f.status)});
    if (f.inactiveSince > 0)
        filter.add(QStringLiteral("CASE WHEN u.last_login_at = 0 THEN u.created_at ELSE u.last_login_at END < ?"),
                   {f.inactiveSince});
    if (!f.role.isEmpty()) {
        // A rare role (admin among a million users) is fastest driven from its index; a common one
        // is cheaper checked row by row along the sort order, where the first page fills at once.
        // The planner has no statistics to tell them apart, so the role's size decides.
        // Counted only up to the limit: a role everyone holds must not cost a count of everyone.
        QSqlQuery &holders = m_db.prepared(
            QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM user_roles WHERE role_name = ? LIMIT ?) held"));
        holders.addBindValue(f.role);
        holders.addBindValue(RareRoleHolders + 1);
        const auto held = scalar(m_db, holders);
        if (!held)
            return held.error();
        filter.add(*held <= RareRoleHolders
                       ? QStringLiteral("u.id IN (SELECT r2.user_id FROM user_roles r2 WHERE r2.role_name = ?)")
                       : QStringLiteral("EXISTS (SELECT 1 FROM user_roles r2 WHERE r2.user_id = u.id AND "
                                        "r2.role_name = ?)"),
                   {f.role});
    }
    // A search, spelt twice. `indexed` starts from the search's own index: SQLite's trigram index
    // (three characters or more) or, for one or two characters, the username and e-mail indexes
    // (which match from the start). `scanned` checks each row along the sort order. On SQLite the
    // matches are first counted from the index, with every other filter, up to DenseMatches: that
    // count is the total when they are few, or its lower bound. When they are many (a query that
    // matches everyone) the page walks the sort order, where it fills within a few thousand rows.
    // Either way neither a page nor a bounded count reads every match. PostgreSQL's planner,
    // which has statistics, chooses between the two ways itself.
    const bool sqlite = m_db.kind() == Database::Kind::Sqlite;
    QString probeFrom = QStringLiteral("users u"); // the rows the index finds, joined to their users
    SqlFilter probe, indexed, scanned;
    // PostgreSQL plans a prepared statement once for every pattern after a few runs, and that
    // generic plan walks the whole table even for a search that matches one user. Planned for its
    // own pattern, a search takes the trigram indexes when they pay and walks the sort order when
    // the matches are many. The setting ends with this read transaction.
    std::optional<Transaction> customPlans;
    if (!f.q.isEmpty() && m_db.kind() == Database::Kind::Postgres) {
        if (!m_db.inTransaction()) {
            customPlans.emplace(m_db);
            if (!customPlans->active())
                return databaseUnavailable();
        }
        if (auto planned =
                execute(m_db, QStringLiteral("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)"), {});
            !planned)
            return planned.error();
    }
    if (!f.q.isEmpty()) {
        if (f.q.toUcs4().size() < TrigramLength) {
            // Too short for a trigram: the start of the username or e-mail address.
            const QString key = foldKey(f.q);
            if (sqlite) {
                // Every key that starts with `key` sorts (by bytes) from it to below it + U+10FFFF.
                const QString upper = key + QString::fromUcs4(U"\U0010FFFF");
                const QVariantList bounds{key, upper, key, upper};
                indexed.add(QStringLiteral("((u.username_key >= ? AND u.username_key < ?) OR "
                                           "(u.email_key >= ? AND u.email_key < ?))"),
                            bounds);
                // A unary + keeps SQLite off those indexes.
                scanned.add(QStringLiteral("((+u.username_key >= ? AND +u.username_key < ?) OR "
                                           "(+u.email_key >= ? AND +u.email_key < ?))"),
                            bounds);
                probe = indexed;
            } else {
                const QString prefix = likeEscaped(key) + QLatin1Char('%');
                // Matched by the text_pattern_ops indexes of migration 0014.
                indexed.add(QStringLiteral("(u.username_key LIKE ? ESCAPE '\\' OR u.email_key LIKE ? ESCAPE '\\')"),
                            {prefix, prefix});
            }
        } else {
            const QString pattern = QLatin1Char('%') + likeEscaped(f.q) + QLatin1Char('%');
            const QString like = QStringLiteral("(u.username %1 ? ESCAPE '\\' OR u.email %1 ? ESCAPE '\\' OR "
                                                "u.display_name %1 ? ESCAPE '\\')")
                                     .arg(sqlite ? QStringLiteral("LIKE") : QStringLiteral("ILIKE"));
            if (sqlite) {
                QString quoted = f.q;
                quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
                quoted = QLatin1Char('"') + quoted + QLatin1Char('"');
                indexed.add(QStringLiteral("u.seq IN (SELECT rowid FROM users_search WHERE users_search MATCH ?)"),
                            {quoted});
                // LIKE folds the case of ASCII only, the trigram index of all Unicode: a walk with
                // LIKE would show fewer users than the index counted.
                const bool ascii = std::all_of(f.q.cbegin(), f.q.cend(), [](QChar c) { return c.unicode() < 0x80; });
                if (ascii)
                    scanned.add(like, {pattern, pattern, pattern});
                // In the index's order: an IN list would first collect every match.
                probeFrom = QStringLiteral("users_search s CROSS JOIN users u ON u.seq = s.rowid");
                probe.add(QStringLiteral("s.users_search MATCH ?"), {quoted});
            } else {
                indexed.add(like, {pattern, pattern, pattern});
            }
        }
    }
    std::optional<qint64> probed; // the matches the index found, up to DenseMatches + 1
    if (sqlite && !f.q.isEmpty()) {
        SqlFilter probing = filter;
        probing.add(probe);
        // The matches' row numbers, not only how many: when they are few, the page is read by
        // number and the index is not asked twice. (Its common trigrams, such as every seeded
        // name's "use", are most of what a search costs.)
        QSqlQuery &matched = m_db.prepared(QStringLiteral("SELECT u.seq FROM ") + probeFrom + probing.where() +
                                           QStringLiteral(" LIMIT ?"));
        probing.bind(matched);
        matched.addBindValue(DenseMatches + 1);
        if (!m_db.exec(matched))
            return sqlFailure(matched);
        QByteArray seqs = "[";
        qint64 n = 0;
        for (; matched.next(); ++n)
            seqs += (n ? "," : "") + QByteArray::number(matched.value(0).toLongLong());
        matched.finish();
        probed = n;
        if (n <= DenseMatches) {
            indexed = {};
            indexed.add(QStringLiteral("u.seq IN (SELECT value FROM json_each(?))"), {QString::fromLatin1(seqs + "]")});
        }
    }
    const bool dense = probed && *probed > DenseMatches && !scanned.isEmpty();
    // A dense search is counted from its index, each match joined to its user.
    SqlFilter counted = filter;
    counted.add(dense ? probe : indexed);
    const QString countedFrom = dense ? probeFrom : QStringLiteral("users u");

    // How many users match, asked only when neither the first page nor the probe has told.
    const auto countMatches = [&]() -> Result<qint64> {
        if (f.q.isEmpty() && f.role.isEmpty() && f.inactiveSince == 0) {
            // Maintained by triggers (migration 2): no scan, however many users there are.
            QString buckets = !f.status ? QStringLiteral("'active:0', 'disabled:0'") : QStringLiteral("? || ':0'");
            if (f.includeDeleted)
                buckets += !f.status ? QStringLiteral(", 'active:1', 'disabled:1'") : QStringLiteral(", ? || ':1'");
            QSqlQuery &count = m_db.prepared(
                QStringLiteral("SELECT coalesce(sum(n), 0) FROM user_counts WHERE bucket IN (%1)").arg(buckets));
            if (f.status) {
                count.addBindValue(User::statusName(*f.status));
                if (f.includeDeleted)
                    count.addBindValue(User::statusName(*f.status));
            }
            return scalar(m_db, count);
        }
        const QString from = countedFrom + counted.where();
        const bool bounded = f.countUpTo > 0;
        QSqlQuery &count = m_db.prepared(bounded ? QString(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM ") +
                                                           from + QStringLiteral(" LIMIT ?) matched"))
                                                 : QString(QStringLiteral("SELECT count(*) FROM ") + from));
        counted.bind(count);
        if (bounded)
            count.addBindValue(f.countUpTo + 1);
        return scalar(m_db, count);
    };

    // A page before a row is read in reverse order from that row, then turned around.
    const bool backward = cursor && cursor->before;
    if (cursor) {
        // A row-value comparison, so that both SQLite and PostgreSQL seek the (key, id) index to the
        // cursor; spelt out as "k > ? OR (k = ? AND id > ?)" SQLite scans from the start instead.
        filter.add(QStringLiteral("(%1, u.id) %2 (?, ?)")
                       .arg(sortColumn, descending != backward ? QStringLiteral("<") : QStringLiteral(">")),
                   {cursor->key, cursor->id});
    }
    const QString order = descending != backward ? QStringLiteral(" DESC") : QString();
    const QString orderBy = QStringLiteral(" ORDER BY ") + sortColumn + order + QStringLiteral(", u.id") + order;
    // A dense search walks the sort order, where its page mostly fills within a few rows, unless
    // its matches lie together far along it (users made one after another, like the seeded
    // user770000 to user779999 in order of creation: 0.5 s of walking at a million users). A page
    // the first WalkedRows do not fill, with rows beyond them, is found through the search's index,
    // at a cost that grows with the matches instead (100,000 of them: 40 ms).
    bool walk = dense;
    if (dense && f.offset == 0) {
        const auto firstRows = [&](const QString &outer, const SqlFilter &condition, qint64 outerLimit) {
            QSqlQuery &c = m_db.prepared(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM (SELECT * FROM users u") +
                                         filter.where() + orderBy + QStringLiteral(" LIMIT ?) u") + outer +
                                         QStringLiteral(" LIMIT ?) m"));
            filter.bind(c);
            c.addBindValue(WalkedRows);
            condition.bind(c);
            c.addBindValue(outerLimit);
            return scalar(m_db, c);
        };
        const auto filled = firstRows(scanned.where(), scanned, f.limit + 1);
        if (!filled)
            return filled.error();
        if (*filled <= f.limit) {
            const auto walked = firstRows(QString(), {}, WalkedRows);
            if (!walked)
                return walked.error();
            walk = *walked < WalkedRows; // the walk saw every row after the cursor
        }
    }
    filter.add(walk ? scanned : indexed);
    // The walk's matches on every page of a dense search: LIKE folds the case of ASCII alone, the
    // trigram index of all Unicode (the Kelvin sign matches "k" there).
    if (dense && !walk)
        filter.add(scanned);
    // A handful of filter combinations give a handful of statements: cache them like the others.
    // Only ids: the page walks its index alone, with no user row read or converted.
    const bool idsOnly = rows == Rows::Ids;
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("SELECT ") +
        (idsOnly ? QStringLiteral("u.id, ") : QString(Columns + rolesSubquery(m_db.kind()) + QStringLiteral(", "))) +
        sortColumn + QStringLiteral(" FROM users u") + filter.where() + orderBy + QStringLiteral(" LIMIT ?") +
        (f.offset > 0 ? QStringLiteral(" OFFSET ?") : QString()));
    filter.bind(q);
    q.addBindValue(f.limit + 1);
    if (f.offset > 0)
        q.addBindValue(f.offset);
    if (!m_db.exec(q))
        return sqlFailure(q);
    UserPage page;
    page.total = -1; // not counted: the caller knows the total from the first page
    QVariantList keys;
    bool more = false;
    while (q.next()) {
        if (page.items.size() == f.limit) {
            more = true;
            break;
        }
        if (idsOnly) {
            User u;
            u.id = q.value(0).toString();
            page.items.append(std::move(u));
            keys.append(q.value(1));
        } else {
            page.items.append(readRecord(q).user);
            keys.append(q.value(RolesColumn + 1));
        }
    }
    q.finish();
    if (f.countTotal) {
        // A first page that holds every match has counted them (a selective search: no second pass
        // over the index).
        const bool wholeResult = !cursor && f.offset == 0 && !more;
        // So has the search's index, when it counted them all or at least as many as are asked.
        const bool probedEnough =
            probed && (*probed <= DenseMatches || (f.countUpTo > 0 && f.countUpTo <= DenseMatches));
        const Result<qint64> total = wholeResult    ? Result<qint64>(page.items.size())
                                     : probedEnough ? Result<qint64>(*probed)
                                                    : countMatches();
        if (!total)
            return total.error();
        page.totalExact = f.countUpTo <= 0 || *total <= f.countUpTo;
        page.total = page.totalExact ? *total : f.countUpTo;
    }
    if (backward) {
        std::reverse(page.items.begin(), page.items.end());
        std::reverse(keys.begin(), keys.end());
    }
    if (page.items.isEmpty())
        return page;
    // Going forward, rows lie before the page when it began at a cursor or an offset; going
    // backward, rows lie after it (the cursor's own row).
    if (backward ? more : cursor.has_value() || f.offset > 0)
        page.prevCursor = UserCursor{f.sort, keys.first(), page.items.first().id, true}.encode();
    if (backward ? cursor.has_value() : more)
        page.nextCursor = UserCursor{f.sort, keys.last(), page.items.last().id, false}.encode();
    return page;
}

} // namespace keyward
