// No secret ever reaches a log line: run the real keyward-server with debug JSON logs through a
// full API session and search everything it printed for every secret the session used.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

struct Http {
    QNetworkAccessManager nam;
    QString base;

    QJsonObject call(const QByteArray &method, const QString &path, const QJsonObject &body = {},
                     const QByteArray &authorization = {}, int *status = nullptr)
    {
        QNetworkRequest req(QUrl(base + path));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!authorization.isEmpty())
            req.setRawHeader("Authorization", authorization);
        QNetworkReply *reply =
            nam.sendCustomRequest(req, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(30000);
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject out = QJsonDocument::fromJson(reply->readAll()).object();
        delete reply;
        return out;
    }
};

QString totp(const QString &secret)
{
    QProcess p;
    p.start(QStringLiteral("oathtool"), {QStringLiteral("--totp"), QStringLiteral("-b"), secret});
    p.waitForFinished(10000);
    return QString::fromLatin1(p.readAllStandardOutput()).trimmed();
}

} // namespace

class TstLogRedaction : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void noSecretInAnyLogLine()
    {
        QTemporaryDir dir;
        QStringList secrets;
        const QString adminPassword = QStringLiteral("Admin-Secret-Passphrase-1");
        secrets << adminPassword;
        QProcess create;
        create.start(QStringLiteral(KEYWARD_SERVER_BINARY),
                     {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--log-level"), QStringLiteral("debug"),
                      QStringLiteral("admin"), QStringLiteral("create"), QStringLiteral("--username"),
                      QStringLiteral("root"), QStringLiteral("--email"), QStringLiteral("root@example.com"),
                      QStringLiteral("--password-stdin")});
        create.write(adminPassword.toUtf8() + '\n');
        create.closeWriteChannel();
        QVERIFY(create.waitForFinished(30000) && create.exitCode() == 0);
        QByteArray logs = create.readAllStandardOutput() + create.readAllStandardError();

        QProcess server;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        server.setProcessEnvironment(env);
        server.start(QStringLiteral(KEYWARD_SERVER_BINARY),
                     {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:0"), QStringLiteral("--log-level"), QStringLiteral("debug"),
                      QStringLiteral("--log-format"), QStringLiteral("json"), QStringLiteral("serve")});
        QVERIFY(server.waitForStarted());
        QRegularExpressionMatch m;
        for (int i = 0; i < 100 && !m.hasMatch(); ++i) {
            server.waitForReadyRead(100);
            logs += server.readAllStandardError();
            m = QRegularExpression(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"))
                    .match(QString::fromUtf8(logs));
        }
        QVERIFY(m.hasMatch());
        Http http;
        http.base = m.captured(1);

        // A full session: logins (good and bad), refresh, password change, MFA, API keys.
        int status = 0;
        http.call("POST", QStringLiteral("/api/v1/auth/login"),
                  {{QStringLiteral("login"), QStringLiteral("root")},
                   {QStringLiteral("password"), QStringLiteral("Wrong-Guess-Secret-9")}});
        secrets << QStringLiteral("Wrong-Guess-Secret-9");
        QJsonObject tokens =
            http.call("POST", QStringLiteral("/api/v1/auth/login"),
                      {{QStringLiteral("login"), QStringLiteral("root")}, {QStringLiteral("password"), adminPassword}});
        secrets << tokens.value(QStringLiteral("access_token")).toString()
                << tokens.value(QStringLiteral("refresh_token")).toString();
        tokens = http.call("POST", QStringLiteral("/api/v1/auth/refresh"),
                           {{QStringLiteral("refresh_token"), tokens.value(QStringLiteral("refresh_token"))}});
        const QByteArray bearer = "Bearer " + tokens.value(QStringLiteral("access_token")).toString().toLatin1();
        secrets << tokens.value(QStringLiteral("access_token")).toString()
                << tokens.value(QStringLiteral("refresh_token")).toString();

        const QString newPassword = QStringLiteral("Second-Admin-Passphrase-2");
        secrets << newPassword;
        http.call("POST", QStringLiteral("/api/v1/me/password"),
                  {{QStringLiteral("current_password"), adminPassword}, {QStringLiteral("new_password"), newPassword}},
                  bearer, &status);
        QCOMPARE(status, 204);
        http.call("POST", QStringLiteral("/api/v1/users"),
                  {{QStringLiteral("username"), QStringLiteral("bob")},
                   {QStringLiteral("email"), QStringLiteral("bob@example.com")},
                   {QStringLiteral("password"), QStringLiteral("Bobs-Secret-Passphrase-3")}},
                  bearer, &status);
        QCOMPARE(status, 201);
        secrets << QStringLiteral("Bobs-Secret-Passphrase-3");

        const QJsonObject enrol = http.call("POST", QStringLiteral("/api/v1/me/mfa/totp"), {}, bearer);
        const QString totpSecret = enrol.value(QStringLiteral("secret")).toString();
        QVERIFY(!totpSecret.isEmpty());
        secrets << totpSecret;
        const QJsonObject confirmed = http.call("POST", QStringLiteral("/api/v1/me/mfa/totp/confirm"),
                                                {{QStringLiteral("code"), totp(totpSecret)}}, bearer);
        for (const QJsonValue &c : confirmed.value(QStringLiteral("recovery_codes")).toArray())
            secrets << c.toString();
        QCOMPARE(confirmed.value(QStringLiteral("recovery_codes")).toArray().size(), 10);
        const QJsonObject mfa =
            http.call("POST", QStringLiteral("/api/v1/auth/login"),
                      {{QStringLiteral("login"), QStringLiteral("root")}, {QStringLiteral("password"), newPassword}});
        secrets << mfa.value(QStringLiteral("mfa_token")).toString();
        http.call("POST", QStringLiteral("/api/v1/auth/mfa"),
                  {{QStringLiteral("mfa_token"), mfa.value(QStringLiteral("mfa_token"))},
                   {QStringLiteral("code"), confirmed.value(QStringLiteral("recovery_codes")).toArray().at(0)}},
                  {}, &status);
        QCOMPARE(status, 200);

        const QJsonObject key = http.call("POST", QStringLiteral("/api/v1/me/api-keys"),
                                          {{QStringLiteral("name"), QStringLiteral("ci")},
                                           {QStringLiteral("scopes"), QJsonArray{QStringLiteral("users:read")}}},
                                          bearer);
        const QString apiKey = key.value(QStringLiteral("key")).toString();
        QVERIFY(apiKey.startsWith(QStringLiteral("kw_")));
        secrets << apiKey;
        http.call("GET", QStringLiteral("/api/v1/users"), {}, "ApiKey " + apiKey.toLatin1(), &status);
        QCOMPARE(status, 200);
        http.call("GET", QStringLiteral("/api/v1/users"), {}, "ApiKey kw_not-a-real-key-but-still-secret-xxxxxxxxxxxx",
                  &status);
        secrets << QStringLiteral("kw_not-a-real-key-but-still-secret-xxxxxxxxxxxx");

        ::kill(static_cast<pid_t>(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(15000));
        logs += server.readAllStandardError() + server.readAllStandardOutput();
        QVERIFY2(logs.count('\n') > 20, "the server should have logged the session");
        QVERIFY(logs.contains("\"route\":\"/api/v1/auth/login\""));
        // One access line per request, with the route's template and its status.
        QVERIFY(logs.contains("\"route\":\"/api/v1/users\",\"status\":201"));
        QVERIFY(logs.contains("\"method\":\"POST\""));
        QVERIFY(logs.contains("\"duration_ms\":"));
        for (const QString &secret : std::as_const(secrets)) {
            QVERIFY(secret.size() >= 8);
            QVERIFY2(!logs.contains(secret.toUtf8()),
                     qPrintable(QStringLiteral("a log line contains a secret: ") + secret.left(6)));
        }
        QVERIFY(!logs.contains("Bearer "));
        QVERIFY(!logs.contains("argon2id$"));
    }
};

QTEST_GUILESS_MAIN(TstLogRedaction)
#include "tst_log_redaction.moc"
