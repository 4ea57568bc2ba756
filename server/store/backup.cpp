#include "backup.h"

#include "core/private_files.h"
#include "sql_error.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace keyward::backup {

namespace {

ApiError failed(const QString &detail)
{
    return ApiError(500, QStringLiteral("backup-failed"), QStringLiteral("Backup failed"), detail);
}

ApiError refused(const QString &detail)
{
    return ApiError(422, QStringLiteral("backup-refused"), QStringLiteral("Not a usable backup"), detail);
}

ApiError alreadyThere(const QString &file)
{
    return ApiError::conflict(QStringLiteral("%1 exists: give a new name, or remove it first").arg(file));
}

// Whether `file` is one of the SQLite database's own files (itself, its log, its shared memory).
bool isDatabaseFile(Database &db, const QString &file)
{
    if (db.kind() != Database::Kind::Sqlite)
        return false;
    const QString target = QFileInfo(file).absoluteFilePath();
    const QString database = QFileInfo(db.sqlitePath()).absoluteFilePath();
    const QString canonical = QFileInfo(file).canonicalFilePath();
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        if (target == database + suffix ||
            (!canonical.isEmpty() && canonical == QFileInfo(db.sqlitePath() + suffix).canonicalFilePath()))
            return true;
    return false;
}

// A file beside `file` that nobody else writes to, owner-only from its first byte.
QString temporaryBeside(const QString &file)
{
    const QFileInfo info(file);
    return info.absoluteDir().filePath(
        QStringLiteral(".%1.%2.partial").arg(info.fileName(), QUuid::createUuid().toString(QUuid::Id128)));
}

// Makes `temporary` durable and moves it to `file`: a file already there stays unless it is to be
// replaced (renameat2's RENAME_NOREPLACE; on file systems without it, vfat or some network mounts,
// a look first); removes it when that fails.
Result<qint64> moveIntoPlace(const QString &temporary, const QString &file, bool replaceExisting)
{
    const auto fail = [&](const QString &why) {
        QFile::remove(temporary);
        return failed(QStringLiteral("cannot write %1: %2").arg(file, why));
    };
    if (!QFile::setPermissions(temporary, QFile::ReadOwner | QFile::WriteOwner))
        return fail(QStringLiteral("cannot restrict its permissions"));
    const int fd = ::open(QFile::encodeName(temporary).constData(), O_RDONLY | O_CLOEXEC);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0)
        ::close(fd);
    if (!synced)
        return fail(QStringLiteral("cannot flush it to disk"));
    const QByteArray from = QFile::encodeName(temporary);
    const QByteArray to = QFile::encodeName(file);
    int moved =
        ::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), replaceExisting ? 0 : RENAME_NOREPLACE);
    if (moved != 0 && !replaceExisting && (errno == EINVAL || errno == ENOSYS)) {
        if (QFileInfo::exists(file))
            errno = EEXIST;
        else
            moved = ::rename(from.constData(), to.constData());
    }
    if (moved != 0) {
        if (errno != EEXIST)
            return fail(qt_error_string(errno));
        QFile::remove(temporary);
        return alreadyThere(file); // made meanwhile
    }
    return QFileInfo(file).size();
}

// Runs a PostgreSQL tool on `db`'s server; its error output when it fails.
std::optional<QString> runTool(Database &db, const QString &program, const QStringList &arguments)
{
    QProcess tool;
    tool.setProcessEnvironment(db.libpqEnvironment());
    tool.start(program, arguments);
    if (!tool.waitForStarted())
        return QStringLiteral("cannot run %1 (Debian package postgresql-client): %2").arg(program, tool.errorString());
    tool.closeWriteChannel();
    tool.waitForFinished(-1);
    if (tool.exitStatus() != QProcess::NormalExit || tool.exitCode() != 0)
        return QStringLiteral("%1 failed: %2").arg(program, QString::fromUtf8(tool.readAllStandardError()).trimmed());
    return std::nullopt;
}

// Copies `from` into a new owner-only file `to`.
bool copyPrivately(const QString &from, const QString &to)
{
    QFile source(from);
    QFile target(to);
    if (!files::makePrivateFile(to) || !source.open(QIODevice::ReadOnly) || !target.open(QIODevice::WriteOnly))
        return false;
    QByteArray block;
    while (!(block = source.read(1 << 20)).isEmpty())
        if (target.write(block) != block.size())
            return false;
    return source.error() == QFile::NoError && target.flush();
}

// A connection of its own to one SQLite file, closed when this goes.
class SqliteFile {
public:
    SqliteFile(const QString &path, bool readOnly)
        : m_name(QStringLiteral("keyward-backup-") + QUuid::createUuid().toString(QUuid::Id128))
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        c.setDatabaseName(path);
        if (readOnly)
            c.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        c.open();
    }
    ~SqliteFile()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    SqliteFile(const SqliteFile &) = delete;
    SqliteFile &operator=(const SqliteFile &) = delete;
    QSqlDatabase connection() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

} // namespace

Result<qint64> write(Database &db, const QString &file, bool replaceExisting)
{
    if (isDatabaseFile(db, file))
        return ApiError::conflict(QStringLiteral("%1 is the database itself: back up to another file").arg(file));
    if (!replaceExisting && QFileInfo::exists(file))
        return alreadyThere(file);
    const QString temporary = temporaryBeside(file);
    if (!files::makePrivateFile(temporary))
        return failed(QStringLiteral("cannot create a file in %1").arg(QFileInfo(file).absolutePath()));
    if (db.kind() == Database::Kind::Sqlite) {
        // Into the empty owner-only file made above (SQLite takes an empty file as new).
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("VACUUM INTO ?"));
        q.addBindValue(temporary);
        if (!q.exec()) {
            QFile::remove(temporary);
            return failed(q.lastError().text());
        }
    } else if (const auto problem = runTool(db, QStringLiteral("pg_dump"),
                                            {QStringLiteral("--format=custom"), QStringLiteral("--no-owner"),
                                             QStringLiteral("--no-privileges"), QStringLiteral("--file"), temporary,
                                             QStringLiteral("--dbname"), db.libpqConninfo()})) {
        QFile::remove(temporary);
        return failed(*problem);
    }
    return moveIntoPlace(temporary, file, replaceExisting);
}

Result<Contents> check(Database::Kind kind, const QString &file)
{
    if (!QFileInfo(file).isFile())
        return refused(QStringLiteral("%1 is not a file").arg(file));
    if (kind == Database::Kind::Postgres) {
        QProcess list;
        list.start(QStringLiteral("pg_restore"), {QStringLiteral("--list"), file});
        if (!list.waitForStarted())
            return refused(QStringLiteral("cannot run pg_restore (Debian package postgresql-client)"));
        list.waitForFinished(-1);
        if (list.exitStatus() != QProcess::NormalExit || list.exitCode() != 0 ||
            !list.readAllStandardOutput().contains("TABLE public schema_migrations"))
            return refused(QStringLiteral("%1 is not a Keyward PostgreSQL backup (pg_dump custom format)").arg(file));
        return Contents{};
    }
    SqliteFile backup(file, true);
    QSqlQuery q(backup.connection());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next())
        return refused(QStringLiteral("%1 is not an SQLite database").arg(file));
    if (const QString verdict = q.value(0).toString(); verdict != QLatin1String("ok"))
        return refused(QStringLiteral("%1 is damaged: %2").arg(file, verdict));
    if (!q.exec(QStringLiteral("SELECT max(version) FROM schema_migrations")) || !q.next())
        return refused(QStringLiteral("%1 is not a Keyward database").arg(file));
    return Contents{q.value(0).toInt()};
}

Result<QString> replaceSqlite(const QString &path, const QString &file)
{
    const QString temporary = temporaryBeside(path);
    if (!copyPrivately(file, temporary)) {
        QFile::remove(temporary);
        return failed(QStringLiteral("cannot copy %1 beside %2").arg(file, path));
    }
    QString aside;
    if (QFileInfo::exists(path)) {
        aside = path + QStringLiteral(".before-restore-") +
                QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        // The log goes with its database, under the name SQLite gives it, so the old one stays whole.
        for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm"), QString()}) {
            if (QFileInfo::exists(path + suffix) && !QFile::rename(path + suffix, aside + suffix)) {
                QFile::remove(temporary);
                return failed(QStringLiteral("cannot move %1 aside").arg(path + suffix));
            }
        }
    }
    if (auto placed = moveIntoPlace(temporary, path, true); !placed)
        return placed.error();
    return aside;
}

Status putBackSqlite(const QString &path, const QString &aside)
{
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm"), QString()}) {
        if (QFileInfo::exists(path + suffix) && !QFile::remove(path + suffix))
            return failed(QStringLiteral("cannot remove %1").arg(path + suffix));
        if (!aside.isEmpty() && QFileInfo::exists(aside + suffix) && !QFile::rename(aside + suffix, path + suffix))
            return failed(QStringLiteral("cannot move %1 back to %2").arg(aside + suffix, path + suffix));
    }
    return success();
}

Status restorePostgres(Database &db, const QString &file)
{
    if (const auto problem =
            runTool(db, QStringLiteral("pg_restore"),
                    {QStringLiteral("--clean"), QStringLiteral("--if-exists"), QStringLiteral("--no-owner"),
                     QStringLiteral("--no-privileges"), QStringLiteral("--single-transaction"),
                     QStringLiteral("--exit-on-error"), QStringLiteral("--dbname"), db.libpqConninfo(), file}))
        return failed(*problem);
    return success();
}

Result<int> otherSessions(Database &db)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity "
                               "WHERE datname = current_database() AND pid <> pg_backend_pid()")) ||
        !q.next())
        return sqlFailure(q);
    return q.value(0).toInt();
}

} // namespace keyward::backup
