// The compose topology without containers: PostgreSQL, two keyward-server nodes and nginx (with the
// shipped installer/compose/nginx.conf) on loopback. Requests spread over both nodes; one node is
// killed with SIGKILL while users are being created through nginx; nginx goes on with the other,
// and every creation that was acknowledged is in the database.
#include "server_process.h"
#include "test_database.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace keyward::test;

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// nginx in the foreground with everything it writes under `dir`, serving `site` (a server block).
class Nginx {
public:
    Nginx(const QString &binary, const QString &dir, const QString &site)
        : m_dir(dir)
    {
        writeFile(QDir(dir).filePath(QStringLiteral("site.conf")), site.toUtf8());
        const QString conf = QStringLiteral(R"(daemon off;
user root;
worker_processes 1;
pid %1/nginx.pid;
error_log %1/error.log;
events { worker_connections 512; }
http {
    log_format upstream '$upstream_addr $status';
    access_log %1/access.log upstream;
    client_body_temp_path %1/body;
    proxy_temp_path %1/proxy;
    fastcgi_temp_path %1/fastcgi;
    uwsgi_temp_path %1/uwsgi;
    scgi_temp_path %1/scgi;
    include %1/site.conf;
}
)")
                                 .arg(dir);
        writeFile(QDir(dir).filePath(QStringLiteral("nginx.conf")), conf.toUtf8());
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(binary, {QStringLiteral("-p"), dir, QStringLiteral("-c"),
                                 QDir(dir).filePath(QStringLiteral("nginx.conf"))});
    }
    ~Nginx()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(10'000))
            m_process.kill();
    }
    Nginx(const Nginx &) = delete;
    Nginx &operator=(const Nginx &) = delete;

    QString errors()
    {
        return QString::fromUtf8(m_process.readAll() + readFile(QDir(m_dir).filePath(QStringLiteral("error.log"))));
    }
    // "ADDRESS STATUS" per request, as the access log has them.
    QStringList accessLog() const
    {
        return QString::fromUtf8(readFile(QDir(m_dir).filePath(QStringLiteral("access.log"))))
            .split(u'\n', Qt::SkipEmptyParts);
    }

private:
    QString m_dir;
    QProcess m_process;
};

} // namespace

class TstFailover : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesSurviveANodeKilledBehindNginx()
    {
        if (TestDatabase::postgresAdminUrl().isEmpty())
            QSKIP("needs PostgreSQL (KEYWARD_TEST_POSTGRES_URL)");
        const QString nginxBinary = QStandardPaths::findExecutable(
            QStringLiteral("nginx"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        QVERIFY2(!nginxBinary.isEmpty(), "nginx (Debian nginx-light) is needed");
        TestDatabase database(QStringLiteral("postgresql"));
        QVERIFY2(database.error().isEmpty(), qPrintable(database.error()));
        QTemporaryDir dirA, dirB, work;
        // The only things the nodes share: the database URL, the master key, and the public URL.
        const QString keyFile = work.filePath(QStringLiteral("master.key"));
        QVERIFY(writeFile(keyFile, QByteArray(32, '\x5a').toHex()));
        QVERIFY(QFile::setPermissions(keyFile, QFile::ReadOwner));
        const QString front = QStringLiteral("http://127.0.0.1:%1").arg(freePort());
        const QStringList shared{QStringLiteral("--database"),        database.url(),
                                 QStringLiteral("--master-key-file"), keyFile,
                                 QStringLiteral("--public-url"),      front};
        QCOMPARE(createAdmin(shared + QStringList{QStringLiteral("--data-dir"), dirA.path()}, QStringLiteral("root"),
                             "the root passphrase"),
                 0);
        ServerProcess a(FastHashing + shared + QStringList{QStringLiteral("--data-dir"), dirA.path()});
        ServerProcess b(FastHashing + shared + QStringList{QStringLiteral("--data-dir"), dirB.path()});
        QVERIFY2(!a.url().isEmpty(), qPrintable(a.log()));
        QVERIFY2(!b.url().isEmpty(), qPrintable(b.log()));
        const QString addressA = QUrl(a.url()).authority();
        const QString addressB = QUrl(b.url()).authority();

        // nginx as shipped for compose, its two upstreams and its port pointed at this loopback.
        QString site = QString::fromUtf8(readFile(QStringLiteral(KEYWARD_SOURCE_DIR "/installer/compose/nginx.conf")));
        const QString shipped = site;
        site.replace(QStringLiteral("server keyward-a:8080"), QStringLiteral("server ") + addressA)
            .replace(QStringLiteral("server keyward-b:8080"), QStringLiteral("server ") + addressB)
            .replace(QStringLiteral("listen 8080;"), QStringLiteral("listen ") + QUrl(front).authority() + u';');
        QVERIFY(site != shipped && site.contains(addressA) && site.contains(addressB) &&
                site.contains(QUrl(front).authority()));
        Nginx nginx(nginxBinary, work.path(), site);
        QTRY_VERIFY2_WITH_TIMEOUT(call("GET", front + QStringLiteral("/health/live")).status == 200,
                                  qPrintable(nginx.errors()), 10'000);

        // Requests spread over both nodes.
        for (int i = 0; i < 20; ++i)
            QCOMPARE(call("GET", front + QStringLiteral("/health/ready")).status, 200);
        const QStringList spread = nginx.accessLog();
        QVERIFY2(spread.filter(addressA).size() >= 5 && spread.filter(addressB).size() >= 5,
                 qPrintable(spread.join(u'\n')));

        const QByteArray token =
            signInAndLiftRateLimits(front, QStringLiteral("root"), QStringLiteral("the root passphrase"));
        QVERIFY(!token.isEmpty());

        UserWriter writer(front, token);
        QTRY_VERIFY_WITH_TIMEOUT(writer.acknowledged.size() >= 40, 30'000);
        a.kill();
        // Counted once A is gone: a request A answered just before could be logged just after.
        const qsizetype atKill = nginx.accessLog().size();
        const qsizetype acknowledgedAtKill = writer.acknowledged.size();
        // nginx goes on with the other node: the writes keep being acknowledged.
        QTRY_VERIFY2_WITH_TIMEOUT(writer.acknowledged.size() >= acknowledgedAtKill + 60,
                                  qPrintable(QStringLiteral("%1 acknowledged since the kill, %2 refused")
                                                 .arg(writer.acknowledged.size() - acknowledgedAtKill)
                                                 .arg(writer.refused)),
                                  30'000);
        writer.stop();
        QTRY_VERIFY_WITH_TIMEOUT(writer.idle(), 15'000);
        // After the kill, the successes all came from B: the last upstream nginx tried for each (a
        // request A refused to connect was passed on; one A had received was not, being a POST).
        const QStringList after = nginx.accessLog().mid(atKill);
        QVERIFY(after.filter(QStringLiteral(" 201")).size() >= 60);
        for (const QString &line : after)
            QVERIFY2(!line.endsWith(QStringLiteral(" 201")) || line.section(u' ', -2, -2) == addressB,
                     qPrintable(line));

        // No acknowledged write is lost: every 201 is a user in the database.
        QSet<QString> stored;
        QSqlQuery q(database.database()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT username FROM users WHERE username LIKE 'w%'")));
        while (q.next())
            stored << q.value(0).toString();
        for (const QString &name : writer.acknowledged)
            QVERIFY2(stored.contains(name), qPrintable(name + QStringLiteral(" was acknowledged but is not stored")));
        qInfo("%lld writes acknowledged (%lld after node A was killed), %d refused around the kill",
              qlonglong(writer.acknowledged.size()), qlonglong(writer.acknowledged.size() - acknowledgedAtKill),
              writer.refused);
    }
};

QTEST_GUILESS_MAIN(TstFailover)
#include "tst_failover.moc"
