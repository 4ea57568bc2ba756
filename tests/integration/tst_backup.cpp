// Backup and restore as operators run them, on real keyward-server processes: a backup taken while
// users are being created holds every one whose creation was acknowledged before it began, and
// restores elsewhere with an intact audit chain; a restore refuses what would lose data (a running
// node, a damaged file, the wrong master key) and then leaves the database as it was.
#include "server_process.h"
#include "test_database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <sys/stat.h>

using namespace keyward::test;

namespace {

ino_t inodeOf(const QString &path)
{
    struct stat info {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? info.st_ino : 0;
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QSet<QString> usernamesIn(const QString &sqliteFile)
{
    QSet<QString> names;
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        c.setDatabaseName(sqliteFile);
        c.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (c.open()) {
            QSqlQuery q(c);
            q.exec(QStringLiteral("SELECT username FROM users"));
            while (q.next())
                names << q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    return names;
}

} // namespace

class TstBackup : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void backupUnderWritesRestoresElsewhere_data() { TestDatabase::addBackendRows(); }
    void backupUnderWritesRestoresElsewhere()
    {
        QFETCH(QString, backend);
        TestDatabase source(backend);
        QVERIFY2(source.error().isEmpty(), qPrintable(source.error()));
        QTemporaryDir dirA;
        const QStringList onA{QStringLiteral("--data-dir"), dirA.path(), QStringLiteral("--database"), source.url()};
        QCOMPARE(createAdmin(onA, QStringLiteral("root"), "the root passphrase"), 0);
        const QString backupFile = dirA.filePath(QStringLiteral("backups/keyward.backup"));
        QVERIFY(QDir().mkpath(QFileInfo(backupFile).path()));
        QStringList acknowledgedBefore;
        int acknowledgedDuring = 0;
        {
            ServerProcess a(FastHashing + onA);
            QVERIFY2(!a.url().isEmpty(), qPrintable(a.log()));
            const QByteArray root =
                signInAndLiftRateLimits(a.url(), QStringLiteral("root"), QStringLiteral("the root passphrase"));
            QVERIFY(!root.isEmpty());
            UserWriter writer(a.url(), root);
            QTRY_VERIFY_WITH_TIMEOUT(writer.acknowledged.size() >= 50, 30'000);
            // The backup, as another process, while the writes go on.
            QProcess backup;
            acknowledgedBefore = writer.acknowledged;
            backup.start(serverBinary(), onA + QStringList{QStringLiteral("backup"), backupFile});
            QTRY_VERIFY_WITH_TIMEOUT(backup.state() == QProcess::NotRunning, 60'000);
            acknowledgedDuring = int(writer.acknowledged.size()) - int(acknowledgedBefore.size());
            writer.stop();
            QTRY_VERIFY_WITH_TIMEOUT(writer.idle(), 20'000);
            const QString said = QString::fromUtf8(backup.readAllStandardOutput() + backup.readAllStandardError());
            QVERIFY2(backup.exitCode() == 0, qPrintable(said));
            QCOMPARE(writer.refused, 0);
            // Where the master key is, for the operator to keep apart; never in the backup.
            QVERIFY2(said.contains(dirA.filePath(QStringLiteral("master.key"))), qPrintable(said));
            // Restoring into a directory a node serves from is refused.
            const CommandRun busy = runServerCommand(onA + QStringList{QStringLiteral("restore"), backupFile});
            QCOMPARE(busy.exitCode, 1);
            QVERIFY2(busy.err.contains(QStringLiteral("stop it first")), qPrintable(busy.err));
        }
        QVERIFY2(acknowledgedDuring > 0, "no write landed while the backup ran: the test proves nothing");
        QCOMPARE(QFileInfo(backupFile).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions());
        const QStringList leftovers = QDir(QFileInfo(backupFile).path()).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(leftovers, QStringList{QStringLiteral("keyward.backup")}); // no partial file left behind

        // Elsewhere: a new directory and database, given only the backup and the master key.
        TestDatabase target(backend);
        QVERIFY2(target.error().isEmpty(), qPrintable(target.error()));
        target.database()->closeThreadConnection(); // a restore refuses a database others are connected to
        QTemporaryDir dirB;
        const QStringList onB{QStringLiteral("--data-dir"),        dirB.path(),
                              QStringLiteral("--database"),        target.url(),
                              QStringLiteral("--master-key-file"), dirA.filePath(QStringLiteral("master.key"))};
        const CommandRun restored = runServerCommand(onB + QStringList{QStringLiteral("restore"), backupFile});
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.out + restored.err));
        QVERIFY2(restored.out.contains(QStringLiteral("audit chain          intact")), qPrintable(restored.out));
        const CommandRun verified =
            runServerCommand(onB + QStringList{QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
        // Every acknowledged write from before the backup began is there, and the root can sign in.
        ServerProcess b(FastHashing + onB);
        QVERIFY2(!b.url().isEmpty(), qPrintable(b.log()));
        const QByteArray root = call("POST", b.url() + QStringLiteral("/api/v1/auth/login"),
                                     {{QStringLiteral("login"), QStringLiteral("root")},
                                      {QStringLiteral("password"), QStringLiteral("the root passphrase")}})
                                    .json.value(QStringLiteral("access_token"))
                                    .toString()
                                    .toLatin1();
        QVERIFY(!root.isEmpty());
        for (const QString &name : std::as_const(acknowledgedBefore))
            QVERIFY2(call("GET", b.url() + QStringLiteral("/api/v1/users?q=") + name, {}, root)
                             .json.value(QStringLiteral("total"))
                             .toInt() == 1,
                     qPrintable(name));
    }

    // A restore that cannot succeed changes nothing: a damaged file is refused before anything is
    // touched, and a backup that the master key does not open is taken back out.
    void refusedRestoresLeaveTheDatabase()
    {
        TestDatabase source(QStringLiteral("sqlite"));
        QTemporaryDir dir;
        const QStringList on{QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--database"), source.url()};
        QCOMPARE(createAdmin(on, QStringLiteral("root"), "the root passphrase"), 0);
        const QString backupFile = dir.filePath(QStringLiteral("copy.backup"));
        QCOMPARE(runServerCommand(on + QStringList{QStringLiteral("backup"), backupFile}).exitCode, 0);
        // Neither an older backup nor the database itself is overwritten by a slip of the keyboard.
        const QByteArray firstBackup = contentsOf(backupFile);
        const CommandRun again = runServerCommand(on + QStringList{QStringLiteral("backup"), backupFile});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("exists")), qPrintable(again.err));
        QCOMPARE(contentsOf(backupFile), firstBackup);
        const QString databaseFile = QUrl(source.url()).path();
        const ino_t databaseInode = inodeOf(databaseFile);
        const CommandRun ontoItself = runServerCommand(on + QStringList{QStringLiteral("backup"), databaseFile});
        QCOMPARE(ontoItself.exitCode, 1);
        QVERIFY2(ontoItself.err.contains(QStringLiteral("the database itself")), qPrintable(ontoItself.err));
        QCOMPARE(inodeOf(databaseFile), databaseInode); // the same file, not a copy renamed over it
        QVERIFY(QDir(dir.path()).entryList({QStringLiteral("*.partial")}, QDir::Hidden | QDir::Files).isEmpty());

        // Another installation, with a user of its own and a master key of its own.
        TestDatabase other(QStringLiteral("sqlite"));
        QTemporaryDir otherDir;
        const QStringList onOther{QStringLiteral("--data-dir"), otherDir.path(), QStringLiteral("--database"),
                                  other.url()};
        QCOMPARE(createAdmin(onOther, QStringLiteral("otheradmin"), "the other passphrase"), 0);
        const QString otherFile = QUrl(other.url()).path();
        const QSet<QString> before = usernamesIn(otherFile);
        QCOMPARE(before, QSet<QString>{QStringLiteral("otheradmin")});

        QFile damaged(dir.filePath(QStringLiteral("damaged.backup")));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        QFile whole(backupFile);
        QVERIFY(whole.open(QIODevice::ReadOnly));
        damaged.write(whole.read(whole.size() / 2));
        damaged.close();
        const CommandRun cut = runServerCommand(onOther + QStringList{QStringLiteral("restore"), damaged.fileName()});
        QCOMPARE(cut.exitCode, 1);
        QCOMPARE(usernamesIn(otherFile), before);

        const CommandRun wrongKey = runServerCommand(onOther + QStringList{QStringLiteral("restore"), backupFile});
        QCOMPARE(wrongKey.exitCode, 1);
        QVERIFY2(wrongKey.err.contains(QStringLiteral("master key")), qPrintable(wrongKey.err));
        QCOMPARE(usernamesIn(otherFile), before);
        QCOMPARE(runServerCommand(onOther + QStringList{QStringLiteral("audit"), QStringLiteral("verify")}).exitCode,
                 0);
        QVERIFY(QDir(QFileInfo(otherFile).path()).entryList({QStringLiteral("*before-restore*")}).isEmpty());

        // With no master key at all, nothing is tried: a new key would open no backup.
        QTemporaryDir empty;
        const CommandRun keyless =
            runServerCommand({QStringLiteral("--data-dir"), empty.path(), QStringLiteral("restore"), backupFile});
        QCOMPARE(keyless.exitCode, 1);
        QVERIFY(!QFileInfo::exists(empty.filePath(QStringLiteral("master.key"))));
        QVERIFY(!QFileInfo::exists(empty.filePath(QStringLiteral("keyward.db"))));
    }
};

QTEST_GUILESS_MAIN(TstBackup)
#include "tst_backup.moc"
