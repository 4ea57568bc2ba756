// keyward-server stopped by SIGTERM in the middle of work, many times over: logins on the hashing
// pool, a user export streaming to a slow reader, a metrics scrape and idle keep-alive connections.
// Every run must end with exit code 0 (a crash on SIGTERM was seen once in three black-box runs).
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

// KEYWARD_SHUTDOWN_ROUNDS overrides the count (the sanitizer run uses fewer: each round is slower there).
int rounds()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("KEYWARD_SHUTDOWN_ROUNDS", &ok);
    return ok && n > 0 ? n : 200;
}

QProcess *startServer(const QString &dataDir, QObject *parent, quint16 *port)
{
    auto *p = new QProcess(parent);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_LOGGING_RULES")); // the "listening on" line is an info line
    env.insert(QStringLiteral("KEYWARD_ARGON2_MEMORY"), QStringLiteral("1024")); // logins stay cheap, still hashed
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(KEYWARD_SERVER_BINARY),
             {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
              QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("--hash-workers"), QStringLiteral("2"),
              QStringLiteral("serve")});
    static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
    QString err;
    for (int i = 0; i < 300 && p->state() != QProcess::NotRunning; ++i) {
        p->waitForReadyRead(50);
        err += QString::fromUtf8(p->readAllStandardError());
        if (const auto m = listening.match(err); m.hasMatch()) {
            *port = static_cast<quint16>(m.captured(1).toUInt());
            return p;
        }
    }
    qWarning("keyward-server did not start: %s", qPrintable(err));
    *port = 0;
    return p;
}

QNetworkReply *post(QNetworkAccessManager &nam, quint16 port, const QString &path, const QJsonObject &body)
{
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return nam.post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace

class TstShutdown : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // An administrator and a few hundred users, so an export takes several pages.
        QProcess admin;
        admin.start(QStringLiteral(KEYWARD_SERVER_BINARY),
                    {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("admin"), QStringLiteral("create"),
                     QStringLiteral("--username"), QStringLiteral("root"), QStringLiteral("--email"),
                     QStringLiteral("root@example.com"), QStringLiteral("--password-stdin")});
        admin.write("a fine admin password\n");
        admin.closeWriteChannel();
        QVERIFY(admin.waitForFinished(60000) && admin.exitCode() == 0);
        QJsonArray users;
        for (int i = 0; i < 600; ++i)
            users.append(QJsonObject{{QStringLiteral("username"), QStringLiteral("bulk%1").arg(i)},
                                     {QStringLiteral("email"), QStringLiteral("bulk%1@example.com").arg(i)}});
        const QString file = m_dir.filePath(QStringLiteral("users.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(users).toJson());
        f.close();
        QProcess import;
        import.start(QStringLiteral(KEYWARD_SERVER_BINARY),
                     {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("import"), file});
        QVERIFY(import.waitForFinished(120000) && import.exitCode() == 0);
    }

    void sigtermInTheMiddleOfWorkExitsCleanly()
    {
        const int total = rounds();
        for (int round = 0; round < total; ++round) {
            quint16 port = 0;
            QProcess *server = startServer(m_dir.path(), this, &port);
            QVERIFY2(port != 0, qPrintable(QStringLiteral("round %1").arg(round)));
            QNetworkAccessManager nam;
            // An access token first, for the export and the scrape.
            QNetworkReply *login = post(nam, port, QStringLiteral("/api/v1/auth/login"),
                                        {{QStringLiteral("login"), QStringLiteral("root")},
                                         {QStringLiteral("password"), QStringLiteral("a fine admin password")}});
            QTRY_VERIFY_WITH_TIMEOUT(login->isFinished(), 30000);
            const QByteArray token = QJsonDocument::fromJson(login->readAll())
                                         .object()
                                         .value(QStringLiteral("access_token"))
                                         .toString()
                                         .toLatin1();
            QVERIFY2(!token.isEmpty(), qPrintable(QStringLiteral("round %1").arg(round)));
            delete login;

            // The export, read a little at a time over a raw socket so it stays in flight.
            QTcpSocket exporter;
            exporter.setReadBufferSize(4096);
            exporter.connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(exporter.waitForConnected(5000));
            exporter.write("GET /api/v1/users/export HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
                           "\r\n\r\n");
            QTcpSocket idle;
            idle.connectToHost(QHostAddress::LocalHost, port);
            QList<QNetworkReply *> inFlight;
            for (int i = 0; i < 6; ++i)
                inFlight << post(nam, port, QStringLiteral("/api/v1/auth/login"),
                                 {{QStringLiteral("login"), QStringLiteral("bulk%1").arg(i)},
                                  {QStringLiteral("password"), QStringLiteral("wrong password")}});
            QNetworkRequest scrape(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port)));
            scrape.setRawHeader("Authorization", "Bearer " + token);
            inFlight << nam.get(scrape);
            // Stop at a different moment of that work each round.
            QTest::qWait(round % 7 * 3);
            ::kill(static_cast<pid_t>(server->processId()), SIGTERM);
            const bool finished = server->waitForFinished(20000);
            // What the server said besides its JSON log lines: a sanitizer report, a fatal message.
            QStringList said;
            const QByteArray stderrBytes = server->readAllStandardError();
            if (qEnvironmentVariableIsSet("KEYWARD_SHUTDOWN_DUMP")) {
                QFile dump(
                    QStringLiteral("/tmp/shutdown-%1-%2.log").arg(QCoreApplication::applicationPid()).arg(round));
                if (dump.open(QIODevice::WriteOnly))
                    dump.write(stderrBytes);
            }
            for (const QString &line : QString::fromUtf8(stderrBytes).split(QLatin1Char('\n')))
                if (!line.startsWith(QLatin1Char('{')) && !line.trimmed().isEmpty())
                    said << line;
            if (server->exitStatus() != QProcess::NormalExit || server->exitCode() != 0)
                for (const QString &line : std::as_const(said))
                    qWarning().noquote() << line; // a test message is cut short; a sanitizer report is long
            QVERIFY2(finished, qPrintable(QStringLiteral("round %1: still running 20 s after SIGTERM").arg(round)));
            QVERIFY2(server->exitStatus() == QProcess::NormalExit && server->exitCode() == 0,
                     qPrintable(QStringLiteral("round %1: exit status %2, code %3\n%4")
                                    .arg(round)
                                    .arg(server->exitStatus())
                                    .arg(server->exitCode())
                                    .arg(said.value(0))));
            for (QNetworkReply *r : std::as_const(inFlight))
                r->abort();
            qDeleteAll(inFlight);
            delete server;
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TstShutdown)
#include "tst_shutdown.moc"
