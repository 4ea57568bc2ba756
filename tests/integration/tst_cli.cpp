// keyward-server as operators run it: exit codes, migrate, admin create, serve and SIGTERM.
#include "server_process.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace keyward;
using namespace keyward::test;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runKeyward(const QStringList &args, const QByteArray &stdinData = {}, const QStringList &env = {})
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : env)
        e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(KEYWARD_SERVER_BINARY), args);
    p.waitForStarted();
    if (!stdinData.isNull()) {
        p.write(stdinData);
        p.closeWriteChannel();
    }
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TstCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void versionHelpAndUsage()
    {
        const Run v = runKeyward({QStringLiteral("--version")});
        QCOMPARE(v.exitCode, 0);
        QVERIFY(v.out.startsWith(QStringLiteral("keyward ")));
        const Run h = runKeyward({QStringLiteral("--help")});
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains(QStringLiteral("admin create")));
        QVERIFY(h.out.contains(QStringLiteral("KEYWARD_DATABASE_URL")));
        QCOMPARE(runKeyward({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(runKeyward({QStringLiteral("--no-such-option")}).exitCode, 2);
    }

    void invalidConfiguration()
    {
        QTemporaryDir dir;
        const Run r = runKeyward({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--listen"),
                                  QStringLiteral("nowhere"), QStringLiteral("migrate")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains(QStringLiteral("listen")));
        // The environment twin is read, and the command line beats it.
        QCOMPARE(runKeyward({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("migrate")}, {},
                            {QStringLiteral("KEYWARD_WORKERS=-4")})
                     .exitCode,
                 3);
        QCOMPARE(runKeyward({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--workers"), QStringLiteral("2"),
                             QStringLiteral("migrate")},
                            {}, {QStringLiteral("KEYWARD_WORKERS=-4")})
                     .exitCode,
                 0);
    }

    void unreadableTlsFilesAreAConfigurationError()
    {
        QTemporaryDir dir;
        const Run r = runKeyward({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--tls-cert"),
                                  QStringLiteral("/c.pem"), QStringLiteral("--tls-key"), QStringLiteral("/k.pem"),
                                  QStringLiteral("serve")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains(QStringLiteral("certificate")));
    }

    void migrateAndAdminCreate()
    {
        QTemporaryDir dir;
        const Run m = runKeyward({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("migrate")});
        QCOMPARE(m.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral("is at schema version [1-9][0-9]* \\([1-9][0-9]* migration"))
                     .match(m.out)
                     .hasMatch(),
                 qPrintable(m.out));
        const QStringList create{QStringLiteral("--data-dir"),      dir.path(),
                                 QStringLiteral("admin"),           QStringLiteral("create"),
                                 QStringLiteral("--username"),      QStringLiteral("root"),
                                 QStringLiteral("--email"),         QStringLiteral("root@example.com"),
                                 QStringLiteral("--password-stdin")};
        const Run c = runKeyward(create, "a fine admin password\n");
        QCOMPARE(c.exitCode, 0);
        QVERIFY(c.out.contains(QStringLiteral("created administrator root")));
        const Run again = runKeyward(create, "a fine admin password\n");
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(QStringLiteral("taken")));
        const Run weak =
            runKeyward({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("admin"), QStringLiteral("create"),
                        QStringLiteral("--username"), QStringLiteral("root2"), QStringLiteral("--email"),
                        QStringLiteral("root2@example.com"), QStringLiteral("--password-stdin")},
                       "short\n");
        QCOMPARE(weak.exitCode, 1);
        QVERIFY(weak.err.contains(QStringLiteral("at least 8")));
        QCOMPARE(
            runKeyward({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("admin"), QStringLiteral("create")})
                .exitCode,
            2);
        // The master key file was created private.
        QCOMPARE(QFile(dir.filePath(QStringLiteral("master.key"))).permissions() & 0x0077, QFileDevice::Permissions());
    }

    // import reports every user and fails when some were refused; export writes all of them.
    void importAndExport()
    {
        QTemporaryDir dir;
        const QStringList base{QStringLiteral("--data-dir"), dir.path()};
        const QString realm = QStringLiteral(KEYWARD_SOURCE_DIR "/tests/data/keycloak-realm.json");
        const Run dry = runKeyward(base + QStringList{QStringLiteral("import"), realm, QStringLiteral("--dry-run")});
        QCOMPARE(dry.exitCode, 1);
        QVERIFY2(dry.out.startsWith(QStringLiteral("dry run: would create 4, skipped 0")), qPrintable(dry.out));
        const Run imported = runKeyward(base + QStringList{QStringLiteral("import"), realm});
        QCOMPARE(imported.exitCode, 1);
        QVERIFY2(imported.out.startsWith(QStringLiteral("created 4, skipped 0 (username or email already there), "
                                                        "refused 2")),
                 qPrintable(imported.out));
        QVERIFY2(imported.out.contains(QStringLiteral("user 4 (dave): email: ")), qPrintable(imported.out));
        QVERIFY2(imported.err.contains(QStringLiteral("imported 6 of 6 users")), qPrintable(imported.err));

        const Run json = runKeyward(base + QStringList{QStringLiteral("export")});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).array().size(), 4);
        const QString csv = dir.filePath(QStringLiteral("users.csv"));
        const Run toFile = runKeyward(base + QStringList{QStringLiteral("export"), QStringLiteral("--format"),
                                                         QStringLiteral("csv"), QStringLiteral("--output"), csv});
        QCOMPARE(toFile.exitCode, 0);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 5);

        // Users made from a Keyward export are skipped the second time: all there already.
        const QString again = dir.filePath(QStringLiteral("users.json"));
        QFile out(again);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(json.out.toUtf8());
        out.close();
        const Run reimport = runKeyward(base + QStringList{QStringLiteral("import"), again});
        QCOMPARE(reimport.exitCode, 0);
        QVERIFY2(reimport.out.startsWith(QStringLiteral("created 0, skipped 4")), qPrintable(reimport.out));

        QCOMPARE(
            runKeyward(base + QStringList{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xml")})
                .exitCode,
            2);
        QCOMPARE(runKeyward(base + QStringList{QStringLiteral("import"), dir.filePath(QStringLiteral("missing.json"))})
                     .exitCode,
                 1);
    }

    void auditVerifyExitCodes()
    {
        QTemporaryDir dir;
        QCOMPARE(
            runKeyward({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("admin"), QStringLiteral("create"),
                        QStringLiteral("--username"), QStringLiteral("root"), QStringLiteral("--email"),
                        QStringLiteral("root@example.com"), QStringLiteral("--password-stdin")},
                       "a fine admin password\n")
                .exitCode,
            0);
        const QStringList verify{QStringLiteral("--data-dir"), dir.path(), QStringLiteral("audit"),
                                 QStringLiteral("verify")};
        const Run intact = runKeyward(verify);
        QCOMPARE(intact.exitCode, 0);
        QVERIFY(intact.out.contains(QStringLiteral("intact")));
        {
            QString error;
            auto db = Database::open(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("keyward.db")), &error);
            QSqlQuery q(db->connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE audit_events SET action = 'user.nothing' WHERE seq = 1")));
        }
        const Run broken = runKeyward(verify);
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.out.contains(QStringLiteral("sequence 1")), qPrintable(broken.out));
    }

    // `keys rotate` makes the new key every node signs with; the old one stays published.
    void keysRotate()
    {
        QTemporaryDir dir;
        const QStringList rotate{QStringLiteral("--data-dir"), dir.path(), QStringLiteral("keys"),
                                 QStringLiteral("rotate")};
        QCOMPARE(runKeyward({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("migrate")}).exitCode, 0);
        const Run first = runKeyward(rotate);
        QCOMPARE(first.exitCode, 0);
        const Run second = runKeyward(rotate);
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.contains(QStringLiteral("signing key")), qPrintable(second.out));
        QString error;
        auto db = Database::open(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("keyward.db")), &error);
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(
            QStringLiteral("SELECT count(*), sum(CASE WHEN retired_at = 0 THEN 1 ELSE 0 END) FROM signing_keys")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() >= 2);
        QCOMPARE(q.value(1).toInt(), 1); // one active
        const QString kid = second.out.section(QStringLiteral("signing key "), 1).section(u';', 0, 0);
        QVERIFY(q.exec(QStringLiteral("SELECT retired_at FROM signing_keys WHERE kid = '") + kid + u'\''));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), 0);
        QCOMPARE(runKeyward({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("keys"), QStringLiteral("spin")})
                     .exitCode,
                 2);
    }

    // The newest events cut and an older, genuinely signed chain head put back between two runs:
    // the high-water mark the first run left in the data directory still tells.
    void auditVerifySeesTruncationAcrossRuns()
    {
        QTemporaryDir dir;
        const auto createAdmin = [&](const QString &name) {
            return runKeyward({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("admin"),
                               QStringLiteral("create"), QStringLiteral("--username"), name, QStringLiteral("--email"),
                               name + QStringLiteral("@example.com"), QStringLiteral("--password-stdin")},
                              "a fine admin password\n")
                .exitCode;
        };
        QCOMPARE(createAdmin(QStringLiteral("first")), 0);
        const QString url = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("keyward.db"));
        QVariantList olderHead;
        {
            QString error;
            auto db = Database::open(url, &error);
            QSqlQuery q(db->connection());
            QVERIFY(q.exec(QStringLiteral("SELECT seq, hash, mac FROM audit_chain_head")) && q.next());
            olderHead = {q.value(0), q.value(1), q.value(2)};
        }
        QCOMPARE(createAdmin(QStringLiteral("second")), 0);
        const QStringList verify{QStringLiteral("--data-dir"), dir.path(), QStringLiteral("audit"),
                                 QStringLiteral("verify")};
        QCOMPARE(runKeyward(verify).exitCode, 0);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("audit-high-water"))));
        {
            QString error;
            auto db = Database::open(url, &error);
            QSqlQuery q(db->connection());
            QVERIFY(q.exec(QStringLiteral("DELETE FROM audit_events WHERE seq > %1").arg(olderHead[0].toLongLong())));
            QVERIFY(q.prepare(QStringLiteral("UPDATE audit_chain_head SET seq = ?, hash = ?, mac = ?")));
            for (const QVariant &v : olderHead)
                q.addBindValue(v);
            QVERIFY(q.exec());
        }
        const Run truncated = runKeyward(verify);
        QCOMPARE(truncated.exitCode, 1);
        QVERIFY2(truncated.out.contains(QStringLiteral("TRUNCATED")) &&
                     truncated.out.contains(QStringLiteral("sequence %1 on").arg(olderHead[0].toLongLong() + 1)),
                 qPrintable(truncated.out));
    }

    // Only the account Keyward runs as may read its data directory and database.
    void dataDirectoryAndDatabaseArePrivate()
    {
        QTemporaryDir parent;
        const QString data = parent.filePath(QStringLiteral("new/data"));
        QCOMPARE(runKeyward({QStringLiteral("--data-dir"), data, QStringLiteral("admin"), QStringLiteral("create"),
                             QStringLiteral("--username"), QStringLiteral("root"), QStringLiteral("--email"),
                             QStringLiteral("root@example.com"), QStringLiteral("--password-stdin")},
                            "a fine admin password\n")
                     .exitCode,
                 0);
        const auto mode = [](const QString &path) {
            return QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                                    QFile::ReadOther | QFile::WriteOther | QFile::ExeOther);
        };
        QVERIFY(QFileInfo(data).isDir());
        QCOMPARE(mode(data), QFile::Permissions());
        QCOMPARE(mode(parent.filePath(QStringLiteral("new"))), QFile::Permissions());
        QStringList files = QDir(data).entryList(QDir::Files);
        QVERIFY2(files.contains(QStringLiteral("keyward.db")), qPrintable(files.join(QLatin1Char(' '))));
        for (const QString &f : std::as_const(files))
            QVERIFY2(mode(QDir(data).filePath(f)) == QFile::Permissions(), qPrintable(f));
        // A database left readable by an older version is tightened when opened, WAL files with it.
        QVERIFY(QFile::setPermissions(QDir(data).filePath(QStringLiteral("keyward.db")),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        QCOMPARE(runKeyward({QStringLiteral("--data-dir"), data, QStringLiteral("migrate")}).exitCode, 0);
        QCOMPARE(mode(QDir(data).filePath(QStringLiteral("keyward.db"))), QFile::Permissions());
        {
            QString error;
            auto db =
                Database::open(QStringLiteral("sqlite://") + QDir(data).filePath(QStringLiteral("keyward.db")), &error);
            QSqlQuery q(db->connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE settings SET updated_at = updated_at")));
            QVERIFY(QFile::exists(QDir(data).filePath(QStringLiteral("keyward.db-wal"))));
            QCOMPARE(mode(QDir(data).filePath(QStringLiteral("keyward.db-wal"))), QFile::Permissions());
            QCOMPARE(mode(QDir(data).filePath(QStringLiteral("keyward.db-shm"))), QFile::Permissions());
        }
    }

    void logFileIsReopenedOnSighup()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("keyward.log"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(KEYWARD_SERVER_BINARY),
                {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                 QStringLiteral("--log-file"), log, QStringLiteral("serve")});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile(log).size() > 0, 10000);  // logs go to the file, not stderr
        QVERIFY(QFile::rename(log, log + QStringLiteral(".1"))); // what logrotate does
        ::kill(static_cast<pid_t>(p.processId()), SIGHUP);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(log), 10000);
        ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitCode(), 0);
        QFile reopened(log);
        QVERIFY(reopened.open(QIODevice::ReadOnly));
        const QByteArray content = reopened.readAll();
        QVERIFY2(content.contains("log file reopened") && content.contains("stopped"), content.constData());
    }

    // The daily commands act through the services on a database a node serves: what they change
    // holds on that node at once (sessions end, keys work and stop), and the audit names actor `cli`.
    void dailyAdministration()
    {
        QTemporaryDir dir;
        const QStringList base{QStringLiteral("--data-dir"), dir.path()};
        const auto kw = [&](const QStringList &args, const QByteArray &input = {}) {
            return runKeyward(base + args, input);
        };
        QCOMPARE(
            kw({QStringLiteral("admin"), QStringLiteral("create"), QStringLiteral("--username"), QStringLiteral("root"),
                QStringLiteral("--email"), QStringLiteral("root@example.com"), QStringLiteral("--password-stdin")},
               "a fine admin password\n")
                .exitCode,
            0);
        const QStringList createAlice{
            QStringLiteral("user"),   QStringLiteral("create"),  QStringLiteral("--username"),
            QStringLiteral("alice"),  QStringLiteral("--email"), QStringLiteral("alice@example.com"),
            QStringLiteral("--role"), QStringLiteral("user"),    QStringLiteral("--password-stdin")};
        const Run created = kw(createAlice, "alice's first password\n");
        QCOMPARE(created.exitCode, 0);
        QVERIFY2(created.out.startsWith(QStringLiteral("created user alice (")), qPrintable(created.out));
        const Run taken = kw(createAlice, "alice's first password\n");
        QCOMPARE(taken.exitCode, 1);
        QVERIFY2(taken.err.contains(QStringLiteral("taken")), qPrintable(taken.err));

        const Run table = kw({QStringLiteral("user"), QStringLiteral("list")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.startsWith(QStringLiteral("ID ")) && table.out.contains(QStringLiteral("USERNAME")),
                 qPrintable(table.out));
        QCOMPARE(table.out.count(u'\n'), 3); // the header and two users
        const QJsonObject list =
            QJsonDocument::fromJson(kw({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--json"),
                                        QStringLiteral("--search"), QStringLiteral("ali")})
                                        .out.toUtf8())
                .object();
        QCOMPARE(list.value(QStringLiteral("total")).toInt(), 1);
        const QString aliceId =
            list.value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!aliceId.isEmpty());
        const Run limited =
            kw({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("1")});
        QCOMPARE(limited.out.count(u'\n'), 2);
        QVERIFY2(limited.err.contains(QStringLiteral("1 of 2 users shown")), qPrintable(limited.err));
        const Run byEmail = kw({QStringLiteral("user"), QStringLiteral("show"), QStringLiteral("ALICE@example.com"),
                                QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(byEmail.out.toUtf8()).object().value(QStringLiteral("id")).toString(),
                 aliceId);
        QVERIFY(kw({QStringLiteral("user"), QStringLiteral("show"), aliceId}).out.contains(QStringLiteral("alice")));
        QCOMPARE(kw({QStringLiteral("user"), QStringLiteral("show"), QStringLiteral("nobody")}).exitCode, 1);
        QCOMPARE(kw({QStringLiteral("user"), QStringLiteral("show")}).exitCode, 2);
        QCOMPARE(kw({QStringLiteral("user"), QStringLiteral("frobnicate"), QStringLiteral("alice")}).exitCode, 2);
        QVERIFY(kw({QStringLiteral("role"), QStringLiteral("list")}).out.contains(QStringLiteral("users:write")));

        ServerProcess server(base);
        QVERIFY2(!server.url().isEmpty(), qPrintable(server.log()));
        const auto login = [&](const QString &name, const QString &password) {
            return call("POST", server.url() + QStringLiteral("/api/v1/auth/login"),
                        {{QStringLiteral("login"), name}, {QStringLiteral("password"), password}});
        };
        const QByteArray token = login(QStringLiteral("alice"), QStringLiteral("alice's first password"))
                                     .json.value(QStringLiteral("access_token"))
                                     .toString()
                                     .toLatin1();
        QVERIFY(!token.isEmpty());
        QCOMPARE(call("GET", server.url() + QStringLiteral("/api/v1/me"), {}, token).status, 200);
        const Run sessions = kw({QStringLiteral("session"), QStringLiteral("list"), QStringLiteral("alice")});
        QCOMPARE(sessions.out.count(u'\n'), 2);
        const Run revoked = kw({QStringLiteral("user"), QStringLiteral("revoke-sessions"), QStringLiteral("alice")});
        QCOMPARE(revoked.exitCode, 0);
        QVERIFY2(revoked.out.startsWith(QStringLiteral("ended 1 session(s) of alice")), qPrintable(revoked.out));
        QTRY_COMPARE_WITH_TIMEOUT(call("GET", server.url() + QStringLiteral("/api/v1/me"), {}, token).status, 401,
                                  5000);

        QCOMPARE(kw({QStringLiteral("user"), QStringLiteral("reset-password"), QStringLiteral("alice"),
                     QStringLiteral("--password-stdin")},
                    "alice's second password\n")
                     .exitCode,
                 0);
        QCOMPARE(kw({QStringLiteral("user"), QStringLiteral("reset-password"), QStringLiteral("alice")}).exitCode,
                 2); // no password given: a usage error, not a silent failure
        QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("alice's first password")).status, 401);
        QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("alice's second password")).status, 200);
        QCOMPARE(kw({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("alice")}).exitCode, 0);
        QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("alice's second password")).status, 403); // disabled
        QCOMPARE(kw({QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("alice")}).exitCode, 0);
        QCOMPARE(kw({QStringLiteral("user"), QStringLiteral("unlock"), QStringLiteral("alice")}).exitCode, 0);
        QCOMPARE(login(QStringLiteral("alice"), QStringLiteral("alice's second password")).status, 200);

        const Run key = kw({QStringLiteral("apikey"), QStringLiteral("create"), QStringLiteral("--name"),
                            QStringLiteral("reporting"), QStringLiteral("--scope"), QStringLiteral("users:read"),
                            QStringLiteral("--json")});
        QCOMPARE(key.exitCode, 0);
        const QJsonObject keyJson = QJsonDocument::fromJson(key.out.toUtf8()).object();
        const QByteArray secret = keyJson.value(QStringLiteral("key")).toString().toLatin1();
        QVERIFY2(secret.startsWith("kw_"), qPrintable(key.out));
        QCOMPARE(call("GET", server.url() + QStringLiteral("/api/v1/users"), {}, secret).status, 200);
        QCOMPARE(call("GET", server.url() + QStringLiteral("/api/v1/roles/admin"), {}, secret).status, 403);
        const Run keys = kw({QStringLiteral("apikey"), QStringLiteral("list")});
        QVERIFY(keys.out.contains(QStringLiteral("reporting")));
        QVERIFY(!keys.out.contains(QString::fromLatin1(secret))); // shown once, at creation
        QCOMPARE(
            kw({QStringLiteral("apikey"), QStringLiteral("revoke"), keyJson.value(QStringLiteral("id")).toString()})
                .exitCode,
            0);
        QTRY_COMPARE_WITH_TIMEOUT(call("GET", server.url() + QStringLiteral("/api/v1/users"), {}, secret).status, 401,
                                  5000);

        // An OpenID Connect client: its secret on stdout once, a new one replacing it, then gone.
        const Run client = kw({QStringLiteral("client"), QStringLiteral("create"), QStringLiteral("--name"),
                               QStringLiteral("Billing"), QStringLiteral("--type"), QStringLiteral("confidential"),
                               QStringLiteral("--grant"), QStringLiteral("client_credentials")});
        QCOMPARE(client.exitCode, 0);
        const QString clientSecret = client.out.trimmed();
        QVERIFY2(clientSecret.startsWith(QLatin1String("kws_")), qPrintable(client.out + client.err));
        const Run clients = kw({QStringLiteral("client"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonObject listed = QJsonDocument::fromJson(clients.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(listed.value(QStringLiteral("name")).toString(), QStringLiteral("Billing"));
        QVERIFY(!clients.out.contains(clientSecret));
        const QString clientId = listed.value(QStringLiteral("id")).toString();
        const auto clientToken = [&](const QString &withSecret) {
            return send("POST", server.url() + QStringLiteral("/oauth2/token"), "grant_type=client_credentials",
                        {{"Content-Type", "application/x-www-form-urlencoded"},
                         {"Authorization", "Basic " + (clientId + u':' + withSecret).toUtf8().toBase64()}})
                .status;
        };
        QCOMPARE(clientToken(clientSecret), 200);
        const Run renewed = kw({QStringLiteral("client"), QStringLiteral("new-secret"), clientId});
        QCOMPARE(renewed.exitCode, 0);
        QCOMPARE(clientToken(clientSecret), 401);
        QCOMPARE(clientToken(renewed.out.trimmed()), 200);
        QCOMPARE(kw({QStringLiteral("client"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("X"),
                     QStringLiteral("--type"), QStringLiteral("public"), QStringLiteral("--redirect-uri"),
                     QStringLiteral("http://evil.example/cb")})
                     .exitCode,
                 1); // refused, with the reason
        QCOMPARE(kw({QStringLiteral("client"), QStringLiteral("delete"), clientId}).exitCode, 0);
        QCOMPARE(clientToken(renewed.out.trimmed()), 401);

        // A webhook: its secret on stdout once; what it was sent, listed; disabled, then gone.
        const Run hook = kw({QStringLiteral("webhook"), QStringLiteral("create"), QStringLiteral("--url"),
                             QStringLiteral("https://hooks.example.invalid/keyward"), QStringLiteral("--event"),
                             QStringLiteral("user.*"), QStringLiteral("--description"), QStringLiteral("CRM")});
        QCOMPARE(hook.exitCode, 0);
        QVERIFY2(hook.out.startsWith(QLatin1String("whsec_")), qPrintable(hook.out + hook.err));
        const Run hooks = kw({QStringLiteral("webhook"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonObject hookJson = QJsonDocument::fromJson(hooks.out.toUtf8()).array().at(0).toObject();
        const QString hookId = hookJson.value(QStringLiteral("id")).toString();
        QVERIFY(!hooks.out.contains(hook.out.trimmed()));
        QCOMPARE(hookJson.value(QStringLiteral("events")).toArray(), QJsonArray{QStringLiteral("user.*")});
        QCOMPARE(kw({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("--username"),
                     QStringLiteral("hooked"), QStringLiteral("--email"), QStringLiteral("hooked@example.com")})
                     .exitCode,
                 0);
        const Run sent =
            kw({QStringLiteral("webhook"), QStringLiteral("deliveries"), hookId, QStringLiteral("--json")});
        QCOMPARE(sent.exitCode, 0);
        QCOMPARE(
            QJsonDocument::fromJson(sent.out.toUtf8()).array().at(0).toObject().value(QStringLiteral("event_type")),
            QStringLiteral("user.create"));
        QCOMPARE(kw({QStringLiteral("webhook"), QStringLiteral("disable"), hookId}).exitCode, 0);
        QVERIFY(kw({QStringLiteral("webhook"), QStringLiteral("list")}).out.contains(QLatin1String(" no ")));
        QCOMPARE(kw({QStringLiteral("webhook"), QStringLiteral("create"), QStringLiteral("--url"),
                     QStringLiteral("http://10.0.0.1/in"), QStringLiteral("--event"), QStringLiteral("*")})
                     .exitCode,
                 1); // a private address, refused with the reason
        QCOMPARE(kw({QStringLiteral("webhook"), QStringLiteral("delete"), hookId}).exitCode, 0);
        QCOMPARE(kw({QStringLiteral("webhook"), QStringLiteral("deliveries"), hookId}).exitCode, 1);

        QCOMPARE(kw({QStringLiteral("user"), QStringLiteral("delete"), QStringLiteral("alice")}).exitCode, 0);
        QCOMPARE(kw({QStringLiteral("user"), QStringLiteral("show"), QStringLiteral("alice")}).exitCode, 1);
        QCOMPARE(kw({QStringLiteral("user"), QStringLiteral("restore"), aliceId}).exitCode, 0);
        QCOMPARE(kw({QStringLiteral("user"), QStringLiteral("delete"), QStringLiteral("root")}).exitCode,
                 1); // the last admin

        QString error;
        auto db = Database::open(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("keyward.db")), &error);
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT action, user_agent FROM audit_events WHERE actor_type = 'cli'")));
        QStringList audited;
        while (q.next())
            audited << q.value(0).toString() + u' ' + q.value(1).toString();
        QVERIFY2(audited.contains(QStringLiteral("user.update keyward-server user disable")),
                 qPrintable(audited.join(u'\n')));
        QVERIFY2(audited.contains(QStringLiteral("apikey.create keyward-server apikey create")),
                 qPrintable(audited.join(u'\n')));
        QVERIFY2(audited.contains(QStringLiteral("oauth2.client.create keyward-server client create")),
                 qPrintable(audited.join(u'\n')));
    }

    // Commands on an existing database make no master key: without the one it was set up with
    // they stop and say where it belongs; with another they refuse rather than replace its signing key.
    void noCommandMakesAMasterKeyForAnExistingDatabase()
    {
        QTemporaryDir dir;
        const QStringList base{QStringLiteral("--data-dir"), dir.path()};
        QCOMPARE(runKeyward(base + QStringList{QStringLiteral("migrate")}).exitCode, 0);
        const QString keyFile = dir.filePath(QStringLiteral("master.key"));
        QVERIFY(QFile::rename(keyFile, dir.filePath(QStringLiteral("kept.key"))));
        const Run missing = runKeyward(base + QStringList{QStringLiteral("user"), QStringLiteral("list")});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY2(missing.err.contains(keyFile), qPrintable(missing.err));
        QVERIFY(!QFile::exists(keyFile));
        QCOMPARE(runKeyward(base + QStringList{QStringLiteral("serve")}).exitCode, 3);
        QVERIFY(!QFile::exists(keyFile));

        QFile other(keyFile);
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write(QByteArray(64, 'a'));
        other.close();
        const Run wrong = runKeyward(base + QStringList{QStringLiteral("keys"), QStringLiteral("rotate")});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains(QStringLiteral("does not unseal")), qPrintable(wrong.err));
        QVERIFY(QFile::remove(keyFile));
        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("kept.key")), keyFile));
        const Run right = runKeyward(base + QStringList{QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(right.exitCode == 0, qPrintable(right.out + right.err));
        QString error;
        auto db = Database::open(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("keyward.db")), &error);
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM signing_keys")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void newerDatabaseIsRefused()
    {
        QTemporaryDir dir;
        QCOMPARE(runKeyward({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("migrate")}).exitCode, 0);
        {
            QString error;
            auto db = Database::open(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("keyward.db")), &error);
            QVERIFY(db);
            QSqlQuery q(db->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_migrations VALUES (999, 'future', 'x', 0)")));
        }
        const Run r = runKeyward({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("migrate")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("newer than this Keyward")), qPrintable(r.err));
    }

    // Under systemd (Type=notify): READY once it listens, watchdog pings at half of WatchdogSec,
    // STOPPING when a SIGTERM starts the drain. The manager's socket is a real datagram socket.
    void tellsTheServiceManager()
    {
        QTemporaryDir dir;
        const QString socketPath = dir.filePath(QStringLiteral("notify"));
        const int manager = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        QVERIFY(manager >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray encoded = QFile::encodeName(socketPath);
        std::copy(encoded.begin(), encoded.end(), address.sun_path);
        QVERIFY(::bind(manager, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0);
        const timeval wait{0, 200'000};
        ::setsockopt(manager, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
        // The messages that arrive within `ms`, one per datagram.
        const auto receive = [&](int ms) {
            QStringList messages;
            QElapsedTimer timer;
            timer.start();
            char buffer[4096];
            while (timer.elapsed() < ms) {
                const ssize_t n = ::recv(manager, buffer, sizeof buffer, 0);
                if (n > 0)
                    messages << QString::fromUtf8(buffer, n);
            }
            return messages;
        };

        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NOTIFY_SOCKET"), socketPath);
        env.insert(QStringLiteral("WATCHDOG_USEC"), QStringLiteral("1000000"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(KEYWARD_SERVER_BINARY),
                {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                 QStringLiteral("serve")});
        QVERIFY(p.waitForStarted());
        QStringList messages;
        for (int i = 0; i < 60 && !messages.join(u'\n').contains(QStringLiteral("READY=1")); ++i)
            messages += receive(500);
        const QString ready = messages.join(u'\n');
        QVERIFY2(ready.contains(QStringLiteral("READY=1")), qPrintable(ready));
        const QRegularExpressionMatch port =
            QRegularExpression(QStringLiteral("STATUS=listening on http://127\\.0\\.0\\.1:(\\d+)")).match(ready);
        QVERIFY2(port.hasMatch(), qPrintable(ready));
        QNetworkAccessManager nam;
        QNetworkReply *reply =
            nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/health/ready").arg(port.captured(1)))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200); // ready meant serving
        delete reply;
        QVERIFY(receive(1600).count(QStringLiteral("WATCHDOG=1")) >= 2);
        ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(receive(500).join(u'\n').contains(QStringLiteral("STOPPING=1")));
        ::close(manager);
    }

    void serveAndStopOnSigterm()
    {
        QTemporaryDir dir;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_LOGGING_RULES")); // the shutdown message is an info line
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(KEYWARD_SERVER_BINARY),
                {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                 QStringLiteral("serve")});
        QVERIFY(p.waitForStarted());
        QString err;
        QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QRegularExpressionMatch m;
        for (int i = 0; i < 100 && !m.hasMatch(); ++i) {
            p.waitForReadyRead(100);
            err += QString::fromUtf8(p.readAllStandardError());
            m = listening.match(err);
        }
        QVERIFY2(m.hasMatch(), qPrintable(err));
        QVERIFY(err.contains(QStringLiteral("admin create")));
        QNetworkAccessManager nam;
        QNetworkReply *reply =
            nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/health/ready").arg(m.captured(1)))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        delete reply;
        ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        err += QString::fromUtf8(p.readAllStandardError());
        QVERIFY(err.contains(QStringLiteral("shutting down")));
    }
};

QTEST_GUILESS_MAIN(TstCli)
#include "tst_cli.moc"
