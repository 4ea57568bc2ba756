#include "migrations.h"

#include "core/clock.h"
#include "core/logging.h"
#include "crypto/digest.h"
#include "sql_error.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>

namespace keyward {

Migrations::Migrations(Database &db)
    : m_db(db)
{
}

QList<Migration> Migrations::available() const
{
    const QString dir =
        m_db.kind() == Database::Kind::Sqlite ? QStringLiteral(":/sql/sqlite") : QStringLiteral(":/sql/postgresql");
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    QList<Migration> out;
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const auto m = pattern.match(file);
        if (!m.hasMatch())
            continue;
        QFile f(dir + QLatin1Char('/') + file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = f.readAll();
        out.append({m.captured(1).toInt(), m.captured(2), QString::fromUtf8(content),
                    QString::fromLatin1(crypto::sha256(content).toHex())});
    }
    return out;
}

bool Migrations::ensureTable(QString *error)
{
    QSqlQuery q(m_db.connection());
    const bool ok = q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                                          "name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)"));
    if (!ok)
        *error = QStringLiteral("cannot create schema_migrations: %1").arg(q.lastError().text());
    return ok;
}

MigrationStatus Migrations::status()
{
    MigrationStatus s;
    const QList<Migration> known = available();
    s.latest = known.isEmpty() ? 0 : known.last().version;
    QString error;
    if (!ensureTable(&error)) {
        s.problem = error;
        return s;
    }
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT version, name, checksum FROM schema_migrations ORDER BY version"))) {
        s.problem = q.lastError().text();
        return s;
    }
    while (q.next()) {
        const int version = q.value(0).toInt();
        s.current = qMax(s.current, version);
        const auto it =
            std::find_if(known.begin(), known.end(), [&](const Migration &m) { return m.version == version; });
        if (it == known.end()) {
            s.problem = QStringLiteral("the database is at schema version %1, newer than this Keyward (which knows up "
                                       "to %2): upgrade Keyward or restore a matching backup")
                            .arg(version)
                            .arg(s.latest);
            return s;
        }
        if (it->checksum != q.value(2).toString()) {
            s.problem = QStringLiteral("migration %1 (%2) was changed after it was applied to this database; restore "
                                       "the original file")
                            .arg(version)
                            .arg(it->name);
            return s;
        }
    }
    return s;
}

QStringList Migrations::splitStatements(const QString &sql)
{
    // SQLite trigger bodies (CREATE TRIGGER ... BEGIN ... END;) and PostgreSQL function bodies
    // ($$ ... $$) contain semicolons that do not end the statement.
    static const QRegularExpression beginKeyword(QStringLiteral("\\bBEGIN\\b"),
                                                 QRegularExpression::CaseInsensitiveOption);
    QStringList statements;
    QString current;
    bool inDollar = false;
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (!inDollar && (trimmed.startsWith(QLatin1String("--")) || (trimmed.isEmpty() && current.isEmpty())))
            continue;
        current += line + QLatin1Char('\n');
        if (line.count(QLatin1String("$$")) % 2 == 1)
            inDollar = !inDollar;
        if (inDollar)
            continue;
        const bool triggerBody = current.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive) &&
                                 beginKeyword.match(current).hasMatch();
        const bool ends = triggerBody ? trimmed.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0
                                      : trimmed.endsWith(QLatin1Char(';'));
        if (ends) {
            statements.append(current.trimmed());
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

QString Migrations::migrate(int *appliedCount, const std::function<QString()> &beforeCommit)
{
    if (appliedCount)
        *appliedCount = 0;
    QString error;
    if (!ensureTable(&error))
        return error;
    Transaction tx(m_db);
    if (!tx.active())
        return QStringLiteral("cannot start the migration transaction");
    QSqlQuery q(m_db.connection());
    // Several nodes may start at once against one PostgreSQL: one migrates, the others wait here.
    if (auto turn = takeTurn(m_db, TurnLock::Migrations); !turn)
        return QStringLiteral("cannot take the migration lock: %1").arg(turn.error().detail());
    const MigrationStatus s = status();
    if (!s.problem.isEmpty())
        return s.problem;
    int applied = 0;
    for (const Migration &m : available()) {
        if (m.version <= s.current)
            continue;
        for (const QString &statement : splitStatements(m.sql)) {
            if (!q.exec(statement))
                return QStringLiteral("migration %1 (%2) failed: %3").arg(m.version).arg(m.name, q.lastError().text());
        }
        q.prepare(
            QStringLiteral("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)"));
        q.addBindValue(m.version);
        q.addBindValue(m.name);
        q.addBindValue(m.checksum);
        q.addBindValue(Clock::system().nowMs());
        if (!q.exec())
            return QStringLiteral("cannot record migration %1: %2").arg(m.version).arg(q.lastError().text());
        qCInfo(lcStore).noquote() << "applied migration" << m.version << m.name;
        ++applied;
    }
    if (applied > 0 && beforeCommit)
        if (const QString problem = beforeCommit(); !problem.isEmpty())
            return problem;
    if (!tx.commit())
        return QStringLiteral("cannot commit migrations");
    if (appliedCount)
        *appliedCount = applied;
    return {};
}

} // namespace keyward
