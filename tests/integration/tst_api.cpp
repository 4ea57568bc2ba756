// The REST API over real HTTP, on SQLite and on PostgreSQL: flows, validation, permissions,
// concurrency and revocation, as clients see them.
#include "api_helpers.h"
#include "http/router.h"
#include "smtp_sink.h"
#include "test_server.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

namespace {
const QString Login = QStringLiteral("/api/v1/auth/login");
const QString Users = QStringLiteral("/api/v1/users");
const QString Me = QStringLiteral("/api/v1/me");

// A TOTP code `offsetSeconds` from now.
QString totp(const QString &base32Secret, qint64 offsetSeconds = 0)
{
    return oathtool(base32Secret, QDateTime::currentSecsSinceEpoch() + offsetSeconds);
}
} // namespace

class TstApi : public QObject {
    Q_OBJECT

private:
    void backendData() { TestDatabase::addBackendRows(); }

    std::unique_ptr<TestServer> server() { return TestServer::onRowBackend(); }

private Q_SLOTS:
    void healthAndHeaders_data() { backendData(); }
    void healthAndHeaders()
    {
        auto s = server();
        Reply live = s->get(QStringLiteral("/health/live"));
        QCOMPARE(live.status, 200);
        QCOMPARE(live.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        Reply ready = s->request("GET", QStringLiteral("/health/ready"), {}, {}, {{"X-Request-ID", "my-trace-42"}});
        QCOMPARE(ready.status, 200);
        // Anyone learns whether it is ready; why (the checks) is for metrics:read or the allow-list.
        QCOMPARE(ready.json().keys(), QStringList{QStringLiteral("status")});
        QVERIFY(s->get(QStringLiteral("/health/ready"), s->adminToken()).json().contains(QStringLiteral("checks")));
        QCOMPARE(ready.header("X-Request-ID"), QByteArray("my-trace-42"));
        QCOMPARE(ready.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(ready.header("X-Frame-Options"), QByteArray("DENY"));
        QCOMPARE(ready.header("Referrer-Policy"), QByteArray("no-referrer"));
        QVERIFY(ready.header("Content-Security-Policy").contains("default-src 'none'"));
        QCOMPARE(ready.header("Cache-Control"), QByteArray("no-store"));
        // A request id with characters unfit for logs is replaced by one of ours.
        Reply odd = s->request("GET", QStringLiteral("/health/live"), {}, {}, {{"X-Request-ID", "bad id\tx"}});
        QVERIFY(odd.header("X-Request-ID") != "bad id\tx");
        QCOMPARE(odd.header("X-Request-ID").size(), 36);
        QCOMPARE(s->get(QStringLiteral("/nope")).status, 404);
        Reply wrongMethod = s->request("PUT", QStringLiteral("/health/live"));
        QCOMPARE(wrongMethod.status, 405);
        QVERIFY(wrongMethod.header("Allow").contains("GET"));
    }

    void loginFlow_data() { backendData(); }
    void loginFlow()
    {
        auto s = server();
        const QString id =
            s->createUser(QStringLiteral("alice"), QStringLiteral("alice secret pw"), {QStringLiteral("user")});
        QVERIFY(!id.isEmpty());
        Reply login = s->post(Login, obj({{QStringLiteral("login"), QStringLiteral("ALICE@example.com")},
                                          {QStringLiteral("password"), QStringLiteral("alice secret pw")}}));
        QCOMPARE(login.status, 200);
        const QJsonObject tokens = login.json();
        QCOMPARE(tokens.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(tokens.value(QStringLiteral("expires_in")).toInt(), 900);
        QVERIFY(tokens.value(QStringLiteral("refresh_token")).toString().size() >= 43);
        QCOMPARE(tokens.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString(), id);
        QCOMPARE(login.header("Cache-Control"), QByteArray("no-store"));
        const QByteArray access = tokens.value(QStringLiteral("access_token")).toString().toLatin1();

        Reply me = s->get(Me, access);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(QStringLiteral("username")).toString(), QStringLiteral("alice"));
        QVERIFY(!me.json().contains(QStringLiteral("password_hash")));
        QVERIFY(!me.body.contains("argon2"));
        QVERIFY(!me.json().value(QStringLiteral("last_login_at")).isNull());

        // Refresh rotates: the new pair works, the old refresh token is now a reuse.
        const QString refresh = tokens.value(QStringLiteral("refresh_token")).toString();
        Reply rotated =
            s->post(QStringLiteral("/api/v1/auth/refresh"), obj({{QStringLiteral("refresh_token"), refresh}}));
        QCOMPARE(rotated.status, 200);
        const QByteArray access2 = rotated.json().value(QStringLiteral("access_token")).toString().toLatin1();
        QVERIFY(rotated.json().value(QStringLiteral("refresh_token")).toString() != refresh);
        QCOMPARE(s->get(Me, access2).status, 200);

        Reply reuse =
            s->post(QStringLiteral("/api/v1/auth/refresh"), obj({{QStringLiteral("refresh_token"), refresh}}));
        QCOMPARE(reuse.status, 401);
        // Reuse ends the whole session: the newest tokens die too.
        QCOMPARE(s->get(Me, access2).status, 401);
        const QString refresh2 = rotated.json().value(QStringLiteral("refresh_token")).toString();
        QCOMPARE(
            s->post(QStringLiteral("/api/v1/auth/refresh"), obj({{QStringLiteral("refresh_token"), refresh2}})).status,
            401);
    }

    void logoutRevokesAtOnce_data() { backendData(); }
    void logoutRevokesAtOnce()
    {
        auto s = server();
        s->createUser(QStringLiteral("bob"), QStringLiteral("bob secret pw"), {});
        const QJsonObject a = s->login(QStringLiteral("bob"), QStringLiteral("bob secret pw"));
        const QJsonObject b = s->login(QStringLiteral("bob"), QStringLiteral("bob secret pw"));
        const QByteArray tokenA = a.value(QStringLiteral("access_token")).toString().toLatin1();
        const QByteArray tokenB = b.value(QStringLiteral("access_token")).toString().toLatin1();
        Reply sessions = s->get(QStringLiteral("/api/v1/me/sessions"), tokenA);
        QCOMPARE(sessions.status, 200);
        QCOMPARE(sessions.json().value(QStringLiteral("items")).toArray().size(), 2);

        QCOMPARE(s->request("POST", QStringLiteral("/api/v1/auth/logout"), {}, tokenA).status, 204);
        QCOMPARE(s->get(Me, tokenA).status, 401);
        QCOMPARE(s->get(Me, tokenB).status, 200);
        QCOMPARE(s->post(QStringLiteral("/api/v1/auth/refresh"),
                         obj({{QStringLiteral("refresh_token"), a.value(QStringLiteral("refresh_token"))}}))
                     .status,
                 401);
        QCOMPARE(s->request("POST", QStringLiteral("/api/v1/auth/logout-all"), {}, tokenB).status, 204);
        QCOMPARE(s->get(Me, tokenB).status, 401);
    }

    void noUserEnumeration_data() { backendData(); }
    void noUserEnumeration()
    {
        auto s = server();
        s->createUser(QStringLiteral("carol"), QStringLiteral("carol secret pw"), {});
        Reply wrongPassword = s->post(Login, obj({{QStringLiteral("login"), QStringLiteral("carol")},
                                                  {QStringLiteral("password"), QStringLiteral("not it at all")}}));
        Reply unknownUser = s->post(Login, obj({{QStringLiteral("login"), QStringLiteral("mallory")},
                                                {QStringLiteral("password"), QStringLiteral("not it at all")}}));
        QCOMPARE(wrongPassword.status, 401);
        QCOMPARE(unknownUser.status, 401);
        QJsonObject a = wrongPassword.json(), b = unknownUser.json();
        a.remove(QStringLiteral("request_id"));
        b.remove(QStringLiteral("request_id"));
        QCOMPARE(a, b);
        QCOMPARE(a.value(QStringLiteral("type")).toString(),
                 QStringLiteral("https://keyward.dev/problems/invalid-credentials"));
    }

    void validationReportsEverything_data() { backendData(); }
    void validationReportsEverything()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        Reply r = s->post(Users,
                          obj({{QStringLiteral("username"), QStringLiteral("x")},
                               {QStringLiteral("email"), QStringLiteral("not-an-email")},
                               {QStringLiteral("password"), QStringLiteral("short")},
                               {QStringLiteral("status"), 5},
                               {QStringLiteral("colour"), QStringLiteral("blue")}}),
                          admin);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json; charset=utf-8"));
        QCOMPARE(errorFields(r),
                 (QStringList{QStringLiteral("colour:unknown_field"), QStringLiteral("email:invalid_format"),
                              QStringLiteral("password:too_short"), QStringLiteral("status:invalid_type"),
                              QStringLiteral("username:invalid_format")}));
        QCOMPARE(r.json().value(QStringLiteral("instance")).toString(), Users);

        Reply sameAsName = s->post(Users,
                                   obj({{QStringLiteral("username"), QStringLiteral("dave.smith")},
                                        {QStringLiteral("email"), QStringLiteral("dave@example.com")},
                                        {QStringLiteral("password"), QStringLiteral("DAVE.SMITH")}}),
                                   admin);
        QCOMPARE(errorFields(sameAsName), QStringList{QStringLiteral("password:matches_identity")});

        Reply malformed = s->request("POST", Users, {}, admin, {{"Content-Type", "application/json"}});
        QCOMPARE(malformed.status, 400);
        Reply notJson = s->request("POST", Login, {}, {}, {{"Content-Type", "text/plain"}});
        QCOMPARE(notJson.status, 415);
        QCOMPARE(s->get(Users + QStringLiteral("/not-a-uuid"), admin).status, 404);
        QCOMPARE(s->get(Users + QStringLiteral("/01890000-0000-7000-8000-000000000000"), admin).status, 404);
        QCOMPARE(s->get(Users + QStringLiteral("?limit=500"), admin).status, 422);
        QCOMPARE(s->get(Users + QStringLiteral("?sort=password"), admin).status, 422);
        QCOMPARE(s->get(Users + QStringLiteral("?cursor=garbage"), admin).status, 422);
    }

    void malformedBodies_data() { backendData(); }
    void malformedBodies()
    {
        auto s = server();
        QNetworkAccessManager nam;
        const auto raw = [&](const QByteArray &body) {
            QNetworkRequest req(s->url(Login));
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            QNetworkReply *reply = nam.post(req, body);
            QSignalSpy done(reply, &QNetworkReply::finished);
            done.wait(10000);
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject problem = QJsonDocument::fromJson(reply->readAll()).object();
            reply->deleteLater();
            return qMakePair(status, problem.value(QStringLiteral("type")).toString().section(QLatin1Char('/'), -1));
        };
        QCOMPARE(raw("{\"login\": "), qMakePair(400, QStringLiteral("malformed-json")));
        QCOMPARE(raw("[1,2]"), qMakePair(400, QStringLiteral("malformed-json")));
        QCOMPARE(raw(QByteArray(100, '[') + QByteArray(100, ']')), qMakePair(400, QStringLiteral("malformed-json")));
        QCOMPARE(raw("{\"login\": \"\xff\xfe\", \"password\": \"x\"}"),
                 qMakePair(400, QStringLiteral("malformed-json")));
        QCOMPARE(raw("{\"login\": 1, \"password\": []}"), qMakePair(422, QStringLiteral("validation-failed")));
    }

    void permissions_data() { backendData(); }
    void permissions()
    {
        auto s = server();
        s->createUser(QStringLiteral("erin"), QStringLiteral("erin secret pw"), {QStringLiteral("user")});
        s->createUser(QStringLiteral("auditor1"), QStringLiteral("auditor secret"), {QStringLiteral("auditor")});
        const QByteArray user = s->accessToken(QStringLiteral("erin"), QStringLiteral("erin secret pw"));
        const QByteArray auditor = s->accessToken(QStringLiteral("auditor1"), QStringLiteral("auditor secret"));
        Reply anonymous = s->get(Users);
        QCOMPARE(anonymous.status, 401);
        QVERIFY(anonymous.header("WWW-Authenticate").startsWith("Bearer"));
        QCOMPARE(s->get(Users, "not.a.token").status, 401);
        QCOMPARE(s->get(Users, user).status, 403);
        QCOMPARE(s->get(Users, auditor).status, 200);
        QCOMPARE(s->post(Users,
                         obj({{QStringLiteral("username"), QStringLiteral("zed")},
                              {QStringLiteral("email"), QStringLiteral("zed@example.com")}}),
                         auditor)
                     .status,
                 403);
        QCOMPARE(s->get(QStringLiteral("/api/v1/roles"), auditor).status, 403);
    }

    void userLifecycle_data() { backendData(); }
    void userLifecycle()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        Reply created =
            s->post(Users,
                    obj({{QStringLiteral("username"), QStringLiteral("frank")},
                         {QStringLiteral("email"), QStringLiteral("Frank@Example.com")},
                         {QStringLiteral("password"), QStringLiteral("frank secret pw")},
                         {QStringLiteral("display_name"), QStringLiteral("Frank")},
                         {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("dept"), QStringLiteral("ops")}}}}),
                    admin);
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(QStringLiteral("id")).toString();
        QCOMPARE(created.header("Location"), (QStringLiteral("/api/v1/users/") + id).toLatin1());
        QCOMPARE(created.json().value(QStringLiteral("email")).toString(), QStringLiteral("Frank@Example.com"));
        QCOMPARE(created.json().value(QStringLiteral("roles")).toArray(), QJsonArray{QStringLiteral("user")});

        // Case-insensitive uniqueness.
        Reply dup = s->post(Users,
                            obj({{QStringLiteral("username"), QStringLiteral("FRANK")},
                                 {QStringLiteral("email"), QStringLiteral("frank@example.COM")}}),
                            admin);
        QCOMPARE(dup.status, 409);
        QCOMPARE(errorFields(dup), (QStringList{QStringLiteral("email:taken"), QStringLiteral("username:taken")}));

        // ETag and If-Match.
        Reply got = s->get(Users + QLatin1Char('/') + id, admin);
        QCOMPARE(got.header("ETag"), QByteArray("\"1\""));
        Reply stale = s->request("PATCH", Users + QLatin1Char('/') + id,
                                 QJsonDocument(obj({{QStringLiteral("display_name"), QStringLiteral("F.")}})), admin,
                                 {{"If-Match", "\"7\""}});
        QCOMPARE(stale.status, 412);
        Reply patched = s->request("PATCH", Users + QLatin1Char('/') + id,
                                   QJsonDocument(obj({{QStringLiteral("display_name"), QJsonValue::Null},
                                                      {QStringLiteral("status"), QStringLiteral("disabled")}})),
                                   admin, {{"If-Match", "\"1\""}});
        QCOMPARE(patched.status, 200);
        QVERIFY(patched.json().value(QStringLiteral("display_name")).isNull());
        QCOMPARE(patched.header("ETag"), QByteArray("\"2\""));
        Reply disabledLogin = s->post(Login, obj({{QStringLiteral("login"), QStringLiteral("frank")},
                                                  {QStringLiteral("password"), QStringLiteral("frank secret pw")}}));
        QCOMPARE(disabledLogin.status, 403);

        s->request("PATCH", Users + QLatin1Char('/') + id,
                   QJsonDocument(obj({{QStringLiteral("status"), QStringLiteral("active")}})), admin);
        const QByteArray frank = s->accessToken(QStringLiteral("frank"), QStringLiteral("frank secret pw"));
        QCOMPARE(s->get(Me, frank).status, 200);

        // Soft delete: sessions end, login refused, hidden from lists, restorable.
        QCOMPARE(s->request("DELETE", Users + QLatin1Char('/') + id, {}, admin).status, 204);
        QCOMPARE(s->get(Me, frank).status, 401);
        QCOMPARE(s->post(Login, obj({{QStringLiteral("login"), QStringLiteral("frank")},
                                     {QStringLiteral("password"), QStringLiteral("frank secret pw")}}))
                     .status,
                 401);
        QCOMPARE(s->get(Users + QStringLiteral("?q=frank"), admin).json().value(QStringLiteral("total")).toInt(), 0);
        QCOMPARE(s->get(Users + QStringLiteral("?q=frank&include_deleted=true"), admin)
                     .json()
                     .value(QStringLiteral("total"))
                     .toInt(),
                 1);
        Reply restored = s->request("POST", Users + QLatin1Char('/') + id + QStringLiteral("/restore"), {}, admin);
        QCOMPARE(restored.status, 200);
        QVERIFY(restored.json().value(QStringLiteral("deleted_at")).isNull());
        QCOMPARE(s->post(Login, obj({{QStringLiteral("login"), QStringLiteral("frank")},
                                     {QStringLiteral("password"), QStringLiteral("frank secret pw")}}))
                     .status,
                 200);
        // Purge erases for good.
        QCOMPARE(s->request("DELETE", Users + QLatin1Char('/') + id + QStringLiteral("?purge=true"), {}, admin).status,
                 204);
        QCOMPARE(s->get(Users + QLatin1Char('/') + id, admin).status, 404);
    }

    void concurrentDuplicateCreates_data() { backendData(); }
    void concurrentDuplicateCreates()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        const QUrl url = s->url(Users);
        const QByteArray body = QJsonDocument(obj({{QStringLiteral("username"), QStringLiteral("racer")},
                                                   {QStringLiteral("email"), QStringLiteral("racer@example.com")},
                                                   {QStringLiteral("password"), QStringLiteral("racer secret pw")}}))
                                    .toJson();
        // Twelve clients at once, each with its own connection.
        QNetworkAccessManager nam;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 12; ++i) {
            QNetworkRequest req(url);
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            req.setRawHeader("Authorization", "Bearer " + admin);
            req.setRawHeader("Connection", "close");
            replies << nam.post(req, body);
        }
        QMap<int, int> statuses;
        for (QNetworkReply *r : replies) {
            if (!r->isFinished())
                QSignalSpy(r, &QNetworkReply::finished).wait(30000);
            ++statuses[r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()];
            r->deleteLater();
        }
        QCOMPARE(statuses.value(201), 1);
        QCOMPARE(statuses.value(409), 11);
        QCOMPARE(s->get(Users + QStringLiteral("?q=racer"), admin).json().value(QStringLiteral("total")).toInt(), 1);
    }

    // Import takes a Keycloak realm or a Keyward array; export streams every user back, in
    // order with what the connection answers next.
    void importAndStreamedExport_data() { backendData(); }
    void importAndStreamedExport()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        QFile realmFile(QStringLiteral(KEYWARD_SOURCE_DIR "/tests/data/keycloak-realm.json"));
        QVERIFY(realmFile.open(QIODevice::ReadOnly));
        const QByteArray realm = realmFile.readAll();
        const QString Import = Users + QStringLiteral("/import");

        Reply dry = s->send("POST", Import + QStringLiteral("?dry_run=true"), realm, admin);
        QCOMPARE(dry.status, 200);
        QCOMPARE(dry.json().value(QStringLiteral("created")).toInt(), 4);
        QCOMPARE(dry.json().value(QStringLiteral("dry_run")).toBool(), true);
        Reply imported = s->send("POST", Import, realm, admin);
        QCOMPARE(imported.status, 200);
        QCOMPARE(imported.json().value(QStringLiteral("created")).toInt(), 4);
        const QJsonArray errors = imported.json().value(QStringLiteral("errors")).toArray();
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors.first().toObject().value(QStringLiteral("index")).toInt(), 3);
        QCOMPARE(s->login(QStringLiteral("alice"), QStringLiteral("correct horse battery staple"))
                     .value(QStringLiteral("token_type"))
                     .toString(),
                 QStringLiteral("Bearer"));

        // Enough users for several pages of the export.
        QJsonArray many;
        for (int i = 0; i < 450; ++i)
            many.append(obj({{QStringLiteral("username"), QStringLiteral("bulk%1").arg(i, 3, 10, QLatin1Char('0'))},
                             {QStringLiteral("email"), QStringLiteral("bulk%1@example.com").arg(i)}}));
        Reply bulk = s->send("POST", Import + QStringLiteral("?format=keyward"),
                             QJsonDocument(many).toJson(QJsonDocument::Compact), admin);
        QCOMPARE(bulk.status, 200);
        QCOMPARE(bulk.json().value(QStringLiteral("created")).toInt(), 450);

        Reply json = s->get(Users + QStringLiteral("/export"), admin);
        QCOMPARE(json.status, 200);
        QCOMPARE(json.header("Transfer-Encoding"), QByteArray("chunked"));
        const QJsonArray exported = QJsonDocument::fromJson(json.body).array();
        QCOMPARE(exported.size(), 455); // admin, four from Keycloak, 450 in bulk
        QCOMPARE(exported.last().toObject().value(QStringLiteral("username")).toString(), QStringLiteral("bulk449"));
        Reply csv = s->get(Users + QStringLiteral("/export?format=csv"), admin);
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.header("Content-Type").startsWith("text/csv"));
        QCOMPARE(csv.body.count('\n'), 456);

        // Over one keep-alive connection, a request sent behind the export is answered after it.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, s->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /api/v1/users/export?format=csv HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + admin +
                     "\r\n\r\n");
        socket.flush();
        QTest::qWait(50);
        socket.write("GET /health/live HTTP/1.1\r\nHost: t\r\n\r\n");
        QByteArray raw;
        QDeadlineTimer deadline(20000);
        while (!raw.contains("{\"status\":\"ok\"}") && !deadline.hasExpired())
            if (socket.waitForReadyRead(1000))
                raw += socket.readAll();
        const qsizetype end = raw.indexOf("\r\n0\r\n\r\n");
        QVERIFY2(end > 0, raw.left(200).constData());
        QVERIFY(raw.indexOf("bulk449") < end);
        QVERIFY(raw.indexOf("HTTP/1.1 200", 1) > end);

        // carol came with Keycloak roles Keyward does not have: she is a plain user.
        const QByteArray member = s->accessToken(QStringLiteral("carol"), QStringLiteral("argon2 from keycloak 26"));
        QCOMPARE(s->get(Users + QStringLiteral("/export?format=xml"), admin).status, 422);
        QCOMPARE(s->send("POST", Import, "{\"users\": 3}", admin).status, 422);
        QCOMPARE(s->send("POST", Import, "[{\"username\": ", admin).status, 400);
        Reply notAdmin = s->get(Users + QStringLiteral("/export"), member);
        QCOMPARE(notAdmin.status, 403);
        QCOMPARE(s->send("POST", Import, "[]", member).status, 403);
    }

    void listSearchAndPagination_data() { backendData(); }
    void listSearchAndPagination()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        for (int i = 0; i < 25; ++i)
            s->createUser(QStringLiteral("member%1").arg(i, 2, 10, QLatin1Char('0')), QStringLiteral("member password"),
                          {});
        s->createUser(QStringLiteral("zelda"), QStringLiteral("zelda password"), {QStringLiteral("auditor")});

        QStringList seen;
        QString cursor;
        QString backToFirst; // the second page's prev_cursor
        int pages = 0;
        do {
            Reply r = s->get(Users + QStringLiteral("?q=ember&limit=10&sort=-username") +
                                 (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor),
                             admin);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json().value(QStringLiteral("total")).toInt(), 25);
            QCOMPARE(r.json().value(QStringLiteral("prev_cursor")).isNull(), pages == 0);
            if (pages == 1)
                backToFirst = r.json().value(QStringLiteral("prev_cursor")).toString();
            for (const QJsonValue &u : r.json().value(QStringLiteral("items")).toArray())
                seen << u.toObject().value(QStringLiteral("username")).toString();
            cursor = r.json().value(QStringLiteral("next_cursor")).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        Reply first = s->get(Users + QStringLiteral("?q=ember&limit=10&sort=-username&cursor=") + backToFirst, admin);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("username"))
                     .toString(),
                 QStringLiteral("member24"));
        QVERIFY(first.json().value(QStringLiteral("prev_cursor")).isNull());
        QCOMPARE(pages, 3);
        QCOMPARE(seen.size(), 25);
        QCOMPARE(seen.first(), QStringLiteral("member24"));
        QCOMPARE(seen.last(), QStringLiteral("member00"));
        QStringList sorted = seen;
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        QCOMPARE(seen, sorted);

        // The default sort (created_at, a number in the cursor) and last_login_at page the same way.
        for (const QString &sort :
             {QStringLiteral("created_at"), QStringLiteral("-created_at"), QStringLiteral("-last_login_at")}) {
            int counted = 0;
            QString next;
            do {
                Reply r = s->get(Users + QStringLiteral("?limit=7&sort=") + sort +
                                     (next.isEmpty() ? QString() : QStringLiteral("&cursor=") + next),
                                 admin);
                QCOMPARE(r.status, 200);
                counted += r.json().value(QStringLiteral("items")).toArray().size();
                next = r.json().value(QStringLiteral("next_cursor")).toString();
            } while (!next.isEmpty() && counted < 100);
            QCOMPARE(counted, 27);
        }

        // Short queries (under a trigram) match the start of a username or email; filters combine.
        QCOMPARE(s->get(Users + QStringLiteral("?q=ze"), admin).json().value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(s->get(Users + QStringLiteral("?role=auditor"), admin).json().value(QStringLiteral("total")).toInt(),
                 1);
        QCOMPARE(s->get(Users + QStringLiteral("?q=EXAMPLE.COM&status=active"), admin)
                     .json()
                     .value(QStringLiteral("total"))
                     .toInt(),
                 27);
        QCOMPARE(s->get(Users + QStringLiteral("?q=%25"), admin).json().value(QStringLiteral("total")).toInt(), 0);
    }

    void passwordChanges_data() { backendData(); }
    void passwordChanges()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        const QString id = s->createUser(QStringLiteral("gina"), QStringLiteral("gina first pw"), {});
        const QByteArray first = s->accessToken(QStringLiteral("gina"), QStringLiteral("gina first pw"));
        // The admin resets it and demands a change: existing sessions end.
        QCOMPARE(s->post(Users + QLatin1Char('/') + id + QStringLiteral("/password"),
                         obj({{QStringLiteral("new_password"), QStringLiteral("gina temporary")},
                              {QStringLiteral("require_password_change"), true}}),
                         admin)
                     .status,
                 204);
        QCOMPARE(s->get(Me, first).status, 401);
        const QJsonObject limited = s->login(QStringLiteral("gina"), QStringLiteral("gina temporary"));
        const QByteArray token = limited.value(QStringLiteral("access_token")).toString().toLatin1();
        QCOMPARE(s->get(Me, token).status, 200);
        Reply blocked = s->get(QStringLiteral("/api/v1/me/sessions"), token);
        QCOMPARE(blocked.status, 403);
        QVERIFY(blocked.json()
                    .value(QStringLiteral("type"))
                    .toString()
                    .endsWith(QStringLiteral("password-change-required")));

        Reply wrong = s->post(QStringLiteral("/api/v1/me/password"),
                              obj({{QStringLiteral("current_password"), QStringLiteral("nope")},
                                   {QStringLiteral("new_password"), QStringLiteral("gina")}}),
                              token);
        QCOMPARE(wrong.status, 422);
        QCOMPARE(errorFields(wrong),
                 (QStringList{QStringLiteral("current_password:incorrect"), QStringLiteral("new_password:too_short")}));
        QCOMPARE(s->post(QStringLiteral("/api/v1/me/password"),
                         obj({{QStringLiteral("current_password"), QStringLiteral("gina temporary")},
                              {QStringLiteral("new_password"), QStringLiteral("gina final password")}}),
                         token)
                     .status,
                 204);
        // The same token now has its full rights; the old password is gone.
        QCOMPARE(s->get(QStringLiteral("/api/v1/me/sessions"), token).status, 200);
        QVERIFY(!s->get(Me, token).json().value(QStringLiteral("require_password_change")).toBool());
        QCOMPARE(s->post(Login, obj({{QStringLiteral("login"), QStringLiteral("gina")},
                                     {QStringLiteral("password"), QStringLiteral("gina temporary")}}))
                     .status,
                 401);
    }

    void rolesAndGrants_data() { backendData(); }
    void rolesAndGrants()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        Reply created = s->post(QStringLiteral("/api/v1/roles"),
                                obj({{QStringLiteral("name"), QStringLiteral("helpdesk")},
                                     {QStringLiteral("description"), QStringLiteral("Reads users")},
                                     {QStringLiteral("permissions"), QJsonArray{QStringLiteral("users:read")}}}),
                                admin);
        QCOMPARE(created.status, 201);
        QCOMPARE(s->post(QStringLiteral("/api/v1/roles"),
                         obj({{QStringLiteral("name"), QStringLiteral("bad")},
                              {QStringLiteral("permissions"), QJsonArray{QStringLiteral("users:fly")}}}),
                         admin)
                     .status,
                 422);
        QCOMPARE(s->request("DELETE", QStringLiteral("/api/v1/roles/admin"), {}, admin).status, 409);
        QCOMPARE(
            s->request("PATCH", QStringLiteral("/api/v1/roles/user"),
                       QJsonDocument(obj({{QStringLiteral("permissions"), QJsonArray{QStringLiteral("users:read")}}})),
                       admin)
                .status,
            409);

        // A helpdesk user can read users at once, and loses that as soon as the role is gone.
        s->createUser(QStringLiteral("hank"), QStringLiteral("hank secret pw"), {QStringLiteral("helpdesk")});
        const QByteArray hank = s->accessToken(QStringLiteral("hank"), QStringLiteral("hank secret pw"));
        QCOMPARE(s->get(Users, hank).status, 200);
        QCOMPARE(s->request("DELETE", QStringLiteral("/api/v1/roles/helpdesk"), {}, admin).status, 204);
        QCOMPARE(s->get(Users, hank).status, 403);

        // A user manager cannot hand out admin (no privilege escalation).
        s->createUser(QStringLiteral("ivan"), QStringLiteral("ivan secret pw"), {QStringLiteral("user-manager")});
        const QByteArray ivan = s->accessToken(QStringLiteral("ivan"), QStringLiteral("ivan secret pw"));
        Reply escalate = s->post(Users,
                                 obj({{QStringLiteral("username"), QStringLiteral("ivan2")},
                                      {QStringLiteral("email"), QStringLiteral("ivan2@example.com")},
                                      {QStringLiteral("roles"), QJsonArray{QStringLiteral("admin")}}}),
                                 ivan);
        QCOMPARE(escalate.status, 422);
        QCOMPARE(errorFields(escalate), QStringList{QStringLiteral("roles:not_grantable")});
    }

    void lastAdminIsProtected_data() { backendData(); }
    void lastAdminIsProtected()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        const QString adminId = s->get(Me, admin).json().value(QStringLiteral("id")).toString();
        Reply demote =
            s->request("PATCH", Users + QLatin1Char('/') + adminId,
                       QJsonDocument(obj({{QStringLiteral("roles"), QJsonArray{QStringLiteral("user")}}})), admin);
        QCOMPARE(demote.status, 409);
        QCOMPARE(s->request("DELETE", Users + QLatin1Char('/') + adminId, {}, admin).status, 409);
        s->createUser(QStringLiteral("second"), QStringLiteral("second admin pw"), {QStringLiteral("admin")});
        QCOMPARE(s->request("DELETE", Users + QLatin1Char('/') + adminId, {}, admin).status, 204);
    }

    void adminSessions_data() { backendData(); }
    void adminSessions()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        const QString id = s->createUser(QStringLiteral("judy"), QStringLiteral("judy secret pw"), {});
        const QByteArray judy = s->accessToken(QStringLiteral("judy"), QStringLiteral("judy secret pw"));
        s->login(QStringLiteral("judy"), QStringLiteral("judy secret pw"));
        Reply list = s->get(Users + QLatin1Char('/') + id + QStringLiteral("/sessions"), admin);
        QCOMPARE(list.status, 200);
        const QJsonArray items = list.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 2);
        const QString sid = items.at(0).toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(
            s->request("DELETE", Users + QLatin1Char('/') + id + QStringLiteral("/sessions/") + sid, {}, admin).status,
            204);
        QCOMPARE(
            s->request("DELETE", Users + QLatin1Char('/') + id + QStringLiteral("/sessions/") + sid, {}, admin).status,
            404);
        QCOMPARE(s->request("DELETE", Users + QLatin1Char('/') + id + QStringLiteral("/sessions"), {}, admin).status,
                 204);
        QCOMPARE(s->get(Me, judy).status, 401);
        QCOMPARE(s->get(Users + QLatin1Char('/') + id + QStringLiteral("/sessions"), admin)
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 0);
    }

    void registration_data() { backendData(); }
    void registration()
    {
        QFETCH(QString, backend);
        TestServer::Setup closedSetup;
        closedSetup.backend = backend;
        TestServer closed(closedSetup);
        const QJsonObject body = obj({{QStringLiteral("username"), QStringLiteral("newbie")},
                                      {QStringLiteral("email"), QStringLiteral("newbie@example.com")},
                                      {QStringLiteral("password"), QStringLiteral("newbie password")}});
        Reply refused = closed.post(QStringLiteral("/api/v1/auth/register"), body);
        QCOMPARE(refused.status, 403);
        QVERIFY(
            refused.json().value(QStringLiteral("type")).toString().endsWith(QStringLiteral("registration-disabled")));

        TestServer::Setup open;
        open.backend = backend;
        open.registration = true;
        TestServer s(open);
        Reply noPassword = s.post(QStringLiteral("/api/v1/auth/register"),
                                  obj({{QStringLiteral("username"), QStringLiteral("newbie")},
                                       {QStringLiteral("email"), QStringLiteral("newbie@example.com")}}));
        QCOMPARE(errorFields(noPassword), QStringList{QStringLiteral("password:required")}); // reported once
        Reply created = s.post(QStringLiteral("/api/v1/auth/register"), body);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value(QStringLiteral("roles")).toArray(), QJsonArray{QStringLiteral("user")});
        QVERIFY(!created.json().contains(QStringLiteral("access_token")));
        QCOMPARE(s.login(QStringLiteral("newbie"), QStringLiteral("newbie password"))
                     .contains(QStringLiteral("access_token")),
                 true);
    }

    void noRouteAnswers5xxToBadInput_data() { backendData(); }
    void noRouteAnswers5xxToBadInput()
    {
        auto s = server();
        const QString target = s->createUser(QStringLiteral("target"), QStringLiteral("target password"), {});
        // A thousand requests from one address: let them reach the handlers, not the rate limiter.
        QCOMPARE(s->request("PATCH", QStringLiteral("/api/v1/settings"),
                            QJsonDocument(obj(
                                {{QStringLiteral("rate_limits"), QJsonObject{{QStringLiteral("enabled"), false}}}})),
                            s->adminToken())
                     .status,
                 200);
        const QList<QByteArray> bodies{
            "",
            "{}",
            "[]",
            "null",
            "\"text\"",
            "{\"unterminated\":",
            "{\"username\":[],\"email\":{},\"password\":1,\"roles\":\"admin\",\"attributes\":[1],\"status\":null,"
            "\"login\":true,\"refresh_token\":5,\"new_password\":null,\"permissions\":[1],\"name\":\"\","
            "\"display_name\":7,\"current_password\":{}}",
            QByteArray(2000, '['),
        };
        const QStringList ids{target, QStringLiteral("not-an-id"),
                              QStringLiteral("01890000-0000-7000-8000-000000000000"), QStringLiteral("%25zz"),
                              QStringLiteral("admin")};
        int requests = 0;
        const Router router = HttpServer::buildRouter();
        for (const Route &route : router.routes()) {
            for (const QString &id : ids) {
                QString path = route.pattern;
                path.replace(QStringLiteral("{id}"), id)
                    .replace(QStringLiteral("{sid}"), id)
                    .replace(QStringLiteral("{name}"), id);
                for (const QByteArray &body : bodies) {
                    // A fresh admin token each time: some of these calls end the caller's session.
                    const QByteArray token = requests % 2 ? QByteArray() : s->adminToken();
                    const Reply r = s->send(route.method, path, body, token);
                    ++requests;
                    QVERIFY2(
                        r.status >= 200 && r.status < 500,
                        qPrintable(QStringLiteral("%1 %2 %3 -> %4 %5")
                                       .arg(QString::fromLatin1(route.method), path, QString::fromLatin1(body.left(40)))
                                       .arg(r.status)
                                       .arg(QString::fromUtf8(r.body.left(200)))));
                }
            }
        }
        QVERIFY(requests > 500);
        QCOMPARE(s->get(QStringLiteral("/health/ready")).status, 200);
    }

    void runtimeSettings_data() { backendData(); }
    void runtimeSettings()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        Reply initial = s->get(QStringLiteral("/api/v1/settings"), admin);
        QCOMPARE(initial.status, 200);
        QCOMPARE(initial.json().value(QStringLiteral("lockout")).toObject().value(QStringLiteral("threshold")).toInt(),
                 5);
        QCOMPARE(
            initial.json().value(QStringLiteral("registration")).toObject().value(QStringLiteral("enabled")).toBool(),
            false);

        Reply bad = s->request(
            "PATCH", QStringLiteral("/api/v1/settings"),
            QJsonDocument(
                obj({{QStringLiteral("lockout"), QJsonObject{{QStringLiteral("threshold"), 0}}},
                     {QStringLiteral("cors"), QJsonObject{{QStringLiteral("allowed_origins"),
                                                           QJsonArray{QStringLiteral("https://x.example/path")}}}},
                     {QStringLiteral("network"),
                      QJsonObject{{QStringLiteral("trusted_proxies"), QJsonArray{QStringLiteral("10.0.0.0/33")}}}},
                     {QStringLiteral("smtp"), QJsonObject{{QStringLiteral("hots"), QStringLiteral("typo")}}}})),
            admin);
        QCOMPARE(bad.status, 422);
        QCOMPARE(errorFields(bad), (QStringList{QStringLiteral("cors.allowed_origins:invalid_value"),
                                                QStringLiteral("lockout.threshold:invalid_value"),
                                                QStringLiteral("network.trusted_proxies:invalid_value"),
                                                QStringLiteral("smtp.hots:unknown_field")}));

        Reply changed = s->request(
            "PATCH", QStringLiteral("/api/v1/settings"),
            QJsonDocument(obj(
                {{QStringLiteral("registration"), QJsonObject{{QStringLiteral("enabled"), true}}},
                 {QStringLiteral("tokens"), QJsonObject{{QStringLiteral("access_ttl"), 120}}},
                 {QStringLiteral("smtp"), QJsonObject{{QStringLiteral("password"), QStringLiteral("smtp secret")}}}})),
            admin);
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.json().value(QStringLiteral("smtp")).toObject().value(QStringLiteral("password")).toString(),
                 QStringLiteral("********"));
        QVERIFY(!changed.body.contains("smtp secret"));
        // Applied at once, without a restart.
        QCOMPARE(s->post(QStringLiteral("/api/v1/auth/register"),
                         obj({{QStringLiteral("username"), QStringLiteral("walkin")},
                              {QStringLiteral("email"), QStringLiteral("walkin@example.com")},
                              {QStringLiteral("password"), QStringLiteral("walk in password")}}))
                     .status,
                 201);
        QCOMPARE(s->login(QStringLiteral("walkin"), QStringLiteral("walk in password"))
                     .value(QStringLiteral("expires_in"))
                     .toInt(),
                 120);
        // Sending the mask back keeps the secret; null resets to the default.
        QCOMPARE(
            s->request(
                 "PATCH", QStringLiteral("/api/v1/settings"),
                 QJsonDocument(obj(
                     {{QStringLiteral("smtp"), QJsonObject{{QStringLiteral("password"), QStringLiteral("********")}}},
                      {QStringLiteral("tokens"), QJsonObject{{QStringLiteral("access_ttl"), QJsonValue::Null}}}})),
                 admin)
                .status,
            200);
        const QJsonObject after = s->get(QStringLiteral("/api/v1/settings"), admin).json();
        QCOMPARE(after.value(QStringLiteral("smtp")).toObject().value(QStringLiteral("password")).toString(),
                 QStringLiteral("********"));
        QCOMPARE(after.value(QStringLiteral("tokens")).toObject().value(QStringLiteral("access_ttl")).toInt(), 900);
        QCOMPARE(s->services().settings().current().smtpPassword, QStringLiteral("smtp secret"));
        // Only holders of settings:manage.
        s->createUser(QStringLiteral("auditor2"), QStringLiteral("auditor2 password"), {QStringLiteral("auditor")});
        QCOMPARE(s->get(QStringLiteral("/api/v1/settings"),
                        s->accessToken(QStringLiteral("auditor2"), QStringLiteral("auditor2 password")))
                     .status,
                 403);
    }

    void passwordReuseAndStrength_data() { backendData(); }
    // A new signing key through the API: new tokens carry its kid, the JWKS publishes both, and a
    // token signed before still works until it expires.
    void signingKeyRotation_data() { backendData(); }
    void signingKeyRotation()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        const auto kidOf = [](const QByteArray &token) {
            return QJsonDocument::fromJson(
                       QByteArray::fromBase64(token.split('.').value(0), QByteArray::Base64UrlEncoding))
                .object()
                .value(QStringLiteral("kid"))
                .toString();
        };
        const QString before = kidOf(admin);
        Reply rotated = s->request("POST", QStringLiteral("/api/v1/keys/rotate"), {}, admin);
        QCOMPARE(rotated.status, 201);
        const QString kid = rotated.json().value(QStringLiteral("kid")).toString();
        QVERIFY(!kid.isEmpty() && kid != before);
        QCOMPARE(rotated.json().value(QStringLiteral("algorithm")).toString(), QStringLiteral("RS256"));

        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), admin).status, 200); // signed by the retired key
        const QByteArray fresh = s->accessToken(QStringLiteral("admin"), QStringLiteral("admin password 1"));
        QCOMPARE(kidOf(fresh), kid);
        QStringList published;
        for (const QJsonValue &k :
             s->get(QStringLiteral("/.well-known/jwks.json")).json().value(QStringLiteral("keys")).toArray())
            published << k.toObject().value(QStringLiteral("kid")).toString();
        QVERIFY(published.contains(before) && published.contains(kid));
        bool audited = false;
        for (const QJsonValue &e : s->get(QStringLiteral("/api/v1/audit?action=signing_key.rotate"), admin)
                                       .json()
                                       .value(QStringLiteral("items"))
                                       .toArray())
            audited =
                audited ||
                e.toObject().value(QStringLiteral("target")).toObject().value(QStringLiteral("id")).toString() == kid;
        QVERIFY(audited);
    }

    void passwordReuseAndStrength()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        QCOMPARE(s->request("PATCH", QStringLiteral("/api/v1/settings"),
                            QJsonDocument(obj(
                                {{QStringLiteral("password_policy"), QJsonObject{{QStringLiteral("history"), 3}}}})),
                            admin)
                     .status,
                 200);
        s->createUser(QStringLiteral("reuser"), QStringLiteral("first long secret"), {});
        QByteArray token = s->accessToken(QStringLiteral("reuser"), QStringLiteral("first long secret"));
        const auto change = [&](const QString &from, const QString &to) {
            return s->post(QStringLiteral("/api/v1/me/password"),
                           obj({{QStringLiteral("current_password"), from}, {QStringLiteral("new_password"), to}}),
                           token);
        };
        QCOMPARE(change(QStringLiteral("first long secret"), QStringLiteral("second long secret")).status, 204);
        QCOMPARE(change(QStringLiteral("second long secret"), QStringLiteral("third long secret")).status, 204);
        Reply reused = change(QStringLiteral("third long secret"), QStringLiteral("first long secret"));
        QCOMPARE(reused.status, 422);
        QCOMPARE(errorFields(reused), QStringList{QStringLiteral("new_password:reused")});
        QCOMPARE(errorFields(change(QStringLiteral("third long secret"), QStringLiteral("third long secret"))),
                 QStringList{QStringLiteral("new_password:reused")});
        QCOMPARE(change(QStringLiteral("third long secret"), QStringLiteral("fourth long secret")).status, 204);
        QCOMPARE(change(QStringLiteral("fourth long secret"), QStringLiteral("first long secret")).status,
                 204); // 4 ago: allowed
        Reply common = change(QStringLiteral("first long secret"), QStringLiteral("Password123"));
        QCOMPARE(errorFields(common), QStringList{QStringLiteral("new_password:common_password")});

        Reply strength = s->post(QStringLiteral("/api/v1/password/strength"),
                                 obj({{QStringLiteral("password"), QStringLiteral("reuser2024")},
                                      {QStringLiteral("user_inputs"), QJsonArray{QStringLiteral("reuser")}}}));
        QCOMPARE(strength.status, 200);
        QVERIFY(strength.json().value(QStringLiteral("score")).toInt() <= 1);
        QCOMPARE(strength.json().value(QStringLiteral("acceptable")).toBool(), false);
        QVERIFY(!strength.json()
                     .value(QStringLiteral("feedback"))
                     .toObject()
                     .value(QStringLiteral("suggestions"))
                     .toArray()
                     .isEmpty());
        Reply good = s->post(QStringLiteral("/api/v1/password/strength"),
                             obj({{QStringLiteral("password"), QStringLiteral("glacier tuba violet orbit")}}));
        QCOMPARE(good.json().value(QStringLiteral("acceptable")).toBool(), true);
        QVERIFY(good.json().value(QStringLiteral("score")).toInt() >= 3);
    }

    void lockoutOverHttp_data() { backendData(); }
    void lockoutOverHttp()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        const QString id = s->createUser(QStringLiteral("locky"), QStringLiteral("locky password"), {});
        const auto login = [&](const QString &who, const QString &pw) {
            return s->post(Login, obj({{QStringLiteral("login"), who}, {QStringLiteral("password"), pw}}));
        };
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(login(QStringLiteral("locky"), QStringLiteral("nope")).status, 401);
            QCOMPARE(login(QStringLiteral("nobody-here"), QStringLiteral("nope")).status, 401);
        }
        Reply known = login(QStringLiteral("locky"), QStringLiteral("locky password"));
        Reply unknown = login(QStringLiteral("nobody-here"), QStringLiteral("nope"));
        QCOMPARE(known.status, 429);
        QCOMPARE(unknown.status, 429);
        QVERIFY(known.header("Retry-After").toInt() > 0 && known.header("Retry-After").toInt() <= 60);
        QJsonObject a = known.json(), b = unknown.json();
        a.remove(QStringLiteral("request_id"));
        b.remove(QStringLiteral("request_id"));
        QCOMPARE(a, b); // no difference between a real and an unknown account
        QVERIFY(!s->get(Users + QLatin1Char('/') + id, admin).json().value(QStringLiteral("locked_until")).isNull());
        QCOMPARE(s->request("POST", Users + QLatin1Char('/') + id + QStringLiteral("/unlock"), {}, admin).status, 204);
        QVERIFY(s->get(Users + QLatin1Char('/') + id, admin).json().value(QStringLiteral("locked_until")).isNull());
        QCOMPARE(login(QStringLiteral("locky"), QStringLiteral("locky password")).status, 200);
    }

    void rateLimitsProxiesAndAllowList_data() { backendData(); }
    void rateLimitsProxiesAndAllowList()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        const auto patch = [&](const QJsonObject &body) {
            return s->request("PATCH", QStringLiteral("/api/v1/settings"), QJsonDocument(body), admin).status;
        };
        QCOMPARE(patch(obj({{QStringLiteral("rate_limits"), QJsonObject{{QStringLiteral("auth_per_minute"), 3}}}})),
                 200);
        const QJsonObject strength = obj({{QStringLiteral("password"), QStringLiteral("x")}});
        Reply first = s->post(QStringLiteral("/api/v1/password/strength"), strength);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.header("RateLimit-Limit"), QByteArray("3"));
        QCOMPARE(first.header("RateLimit-Remaining"), QByteArray("2"));
        s->post(QStringLiteral("/api/v1/password/strength"), strength);
        s->post(QStringLiteral("/api/v1/password/strength"), strength);
        Reply limited = s->post(QStringLiteral("/api/v1/password/strength"), strength);
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.json().value(QStringLiteral("type")).toString().endsWith(QStringLiteral("too-many-requests")));
        QVERIFY(limited.header("Retry-After").toInt() >= 1);
        QCOMPARE(limited.header("RateLimit-Remaining"), QByteArray("0"));
        // Reads have their own, larger budget; probes none at all.
        QCOMPARE(s->get(Me, admin).status, 200);
        QVERIFY(s->get(QStringLiteral("/health/live")).header("RateLimit-Limit").isEmpty());

        // X-Forwarded-For counts only from trusted proxies.
        const auto fromProxy = [&](const QByteArray &forwarded) {
            return s->send("POST", QStringLiteral("/api/v1/password/strength"), QJsonDocument(strength).toJson(), {},
                           {{"X-Forwarded-For", forwarded}});
        };
        QCOMPARE(fromProxy("203.0.113.7").status, 429); // 127.0.0.1 is not trusted yet: still its bucket
        QCOMPARE(patch(obj({{QStringLiteral("network"), QJsonObject{{QStringLiteral("trusted_proxies"),
                                                                     QJsonArray{QStringLiteral("127.0.0.1/32")}}}}})),
                 200);
        QCOMPARE(fromProxy("203.0.113.7").status, 200);               // now the forwarded client's own bucket
        QCOMPARE(fromProxy("198.51.100.1, 203.0.113.8").status, 200); // right-most untrusted hop
        QCOMPARE(patch(obj({{QStringLiteral("rate_limits"), QJsonObject{{QStringLiteral("enabled"), false}}}})), 200);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(s->post(QStringLiteral("/api/v1/password/strength"), strength).status, 200);

        // The admin API answers only the allow-listed; self-service is unaffected.
        QCOMPARE(patch(obj({{QStringLiteral("network"), QJsonObject{{QStringLiteral("admin_allow_list"),
                                                                     QJsonArray{QStringLiteral("10.0.0.0/8")}}}}})),
                 200);
        QCOMPARE(s->get(Users, admin).status, 403);
        QCOMPARE(s->get(Me, admin).status, 200);
        const QByteArray viaProxy = "10.1.2.3";
        QCOMPARE(s->send("GET", Users, {}, admin, {{"X-Forwarded-For", viaProxy}}).status, 200);
    }

    void totpMfa_data() { backendData(); }
    void totpMfa()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        const QString id = s->createUser(QStringLiteral("mfauser"), QStringLiteral("mfa user password"), {});
        QByteArray token = s->accessToken(QStringLiteral("mfauser"), QStringLiteral("mfa user password"));

        Reply enrol = s->request("POST", QStringLiteral("/api/v1/me/mfa/totp"), {}, token);
        QCOMPARE(enrol.status, 200);
        const QString secret = enrol.json().value(QStringLiteral("secret")).toString();
        QCOMPARE(secret.size(), 32);
        QVERIFY(
            enrol.json().value(QStringLiteral("otpauth_uri")).toString().startsWith(QStringLiteral("otpauth://totp/")));
        QVERIFY(enrol.json().value(QStringLiteral("qr_svg")).toString().startsWith(QStringLiteral("<svg")));
        // Pending until confirmed: logins are not affected yet.
        QVERIFY(s->login(QStringLiteral("mfauser"), QStringLiteral("mfa user password"))
                    .contains(QStringLiteral("access_token")));
        QCOMPARE(s->post(QStringLiteral("/api/v1/me/mfa/totp/confirm"),
                         obj({{QStringLiteral("code"), QStringLiteral("000000")}}), token)
                     .status,
                 422);
        Reply confirmed = s->post(QStringLiteral("/api/v1/me/mfa/totp/confirm"),
                                  obj({{QStringLiteral("code"), totp(secret)}}), token);
        QCOMPARE(confirmed.status, 200);
        const QJsonArray codes = confirmed.json().value(QStringLiteral("recovery_codes")).toArray();
        QCOMPARE(codes.size(), 10);
        QVERIFY(s->get(Me, token).json().value(QStringLiteral("mfa_enabled")).toBool());

        // The password alone now yields an mfa_token, not a session.
        Reply first = s->post(Login, obj({{QStringLiteral("login"), QStringLiteral("mfauser")},
                                          {QStringLiteral("password"), QStringLiteral("mfa user password")}}));
        QCOMPARE(first.status, 401);
        QVERIFY(first.json().value(QStringLiteral("type")).toString().endsWith(QStringLiteral("mfa-required")));
        const QString mfaToken = first.json().value(QStringLiteral("mfa_token")).toString();
        QVERIFY(!mfaToken.isEmpty() && !first.json().contains(QStringLiteral("access_token")));
        const auto second = [&](const QString &t, const QString &code) {
            return s->post(QStringLiteral("/api/v1/auth/mfa"),
                           obj({{QStringLiteral("mfa_token"), t}, {QStringLiteral("code"), code}}));
        };
        QCOMPARE(second(mfaToken, QStringLiteral("123456")).status, 422);
        // The confirmation used this step's code: a replay of it is refused, the next step's is not.
        QCOMPARE(second(mfaToken, totp(secret)).status, 422);
        Reply done = second(mfaToken, totp(secret, 30));
        QCOMPARE(done.status, 200);
        QVERIFY(done.json().contains(QStringLiteral("access_token")));
        QCOMPARE(second(mfaToken, totp(secret, 30)).status, 401); // single-use token

        // A recovery code works once.
        const auto login2 = [&] {
            return s
                ->post(Login, obj({{QStringLiteral("login"), QStringLiteral("mfauser")},
                                   {QStringLiteral("password"), QStringLiteral("mfa user password")}}))
                .json()
                .value(QStringLiteral("mfa_token"))
                .toString();
        };
        const QString recovery = codes.at(3).toString();
        QCOMPARE(second(login2(), recovery.toUpper()).status, 200);
        QCOMPARE(second(login2(), recovery).status, 422);

        // Turning it off needs the password; an administrator can reset it.
        token = done.json().value(QStringLiteral("access_token")).toString().toLatin1();
        QCOMPARE(s->request("DELETE", QStringLiteral("/api/v1/me/mfa/totp"),
                            QJsonDocument(obj({{QStringLiteral("password"), QStringLiteral("wrong")}})), token)
                     .status,
                 422);
        QCOMPARE(s->request("DELETE", Users + QLatin1Char('/') + id + QStringLiteral("/mfa"), {}, admin).status, 204);
        QVERIFY(!s->get(Me, token).json().value(QStringLiteral("mfa_enabled")).toBool());
        QVERIFY(s->login(QStringLiteral("mfauser"), QStringLiteral("mfa user password"))
                    .contains(QStringLiteral("access_token")));
    }

    void apiKeys_data() { backendData(); }
    void apiKeys()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        const QString opsId =
            s->createUser(QStringLiteral("ops"), QStringLiteral("ops long password"), {QStringLiteral("admin")});
        const QByteArray ops = s->accessToken(QStringLiteral("ops"), QStringLiteral("ops long password"));
        Reply created = s->post(QStringLiteral("/api/v1/me/api-keys"),
                                obj({{QStringLiteral("name"), QStringLiteral("reporting")},
                                     {QStringLiteral("scopes"), QJsonArray{QStringLiteral("users:read")}}}),
                                ops);
        QCOMPARE(created.status, 201);
        const QByteArray key = created.json().value(QStringLiteral("key")).toString().toLatin1();
        QVERIFY(key.startsWith("kw_") && key.size() == 46);
        QVERIFY(key.startsWith(created.json().value(QStringLiteral("prefix")).toString().toLatin1()));
        Reply listed = s->get(QStringLiteral("/api/v1/me/api-keys"), ops);
        QCOMPARE(listed.json().value(QStringLiteral("total")).toInt(), 1);
        QVERIFY(!listed.body.contains(key)); // shown once, never again

        const auto withKey = [&](const QByteArray &method, const QString &path, bool header = false) {
            return header ? s->send(method, path, {}, {}, {{"X-API-Key", key}})
                          : s->send(method, path, {}, {}, {{"Authorization", "ApiKey " + key}});
        };
        QCOMPARE(withKey("GET", Users).status, 200);
        QCOMPARE(withKey("GET", Users, true).status, 200);
        QCOMPARE(withKey("GET", Me).json().value(QStringLiteral("username")).toString(), QStringLiteral("ops"));
        QCOMPARE(withKey("GET", QStringLiteral("/api/v1/roles")).status, 403);        // not in its scopes
        QCOMPARE(withKey("GET", QStringLiteral("/api/v1/me/api-keys")).status, 403);  // session only
        QCOMPARE(withKey("POST", QStringLiteral("/api/v1/auth/logout")).status, 403); // session only
        QVERIFY(!s->get(QStringLiteral("/api/v1/me/api-keys"), ops)
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("last_used_at"))
                     .isNull());

        // Never more than its owner holds now.
        QCOMPARE(s->request("PATCH", Users + QLatin1Char('/') + opsId,
                            QJsonDocument(obj({{QStringLiteral("roles"), QJsonArray{QStringLiteral("user")}}})), admin)
                     .status,
                 200);
        QCOMPARE(withKey("GET", Users).status, 403);
        Reply tooMuch = s->post(QStringLiteral("/api/v1/me/api-keys"),
                                obj({{QStringLiteral("name"), QStringLiteral("x")},
                                     {QStringLiteral("scopes"), QJsonArray{QStringLiteral("users:read")}}}),
                                s->accessToken(QStringLiteral("ops"), QStringLiteral("ops long password")));
        QCOMPARE(errorFields(tooMuch), QStringList{QStringLiteral("scopes:not_grantable")});
        const QString keyId = created.json().value(QStringLiteral("id")).toString();
        QCOMPARE(s->request("DELETE", QStringLiteral("/api/v1/me/api-keys/") + keyId, {}, ops).status, 204);
        QCOMPARE(withKey("GET", Me).status, 401);

        // A service key is its own identity, managed by apikeys:manage holders.
        Reply service = s->post(
            QStringLiteral("/api/v1/api-keys"),
            obj({{QStringLiteral("name"), QStringLiteral("directory sync")},
                 {QStringLiteral("scopes"), QJsonArray{QStringLiteral("users:read"), QStringLiteral("users:write")}},
                 {QStringLiteral("expires_at"), QStringLiteral("2999-01-01T00:00:00Z")}}),
            admin);
        QCOMPARE(service.status, 201);
        const QByteArray serviceKey = service.json().value(QStringLiteral("key")).toString().toLatin1();
        Reply made = s->send("POST", Users,
                             QJsonDocument(obj({{QStringLiteral("username"), QStringLiteral("synced")},
                                                {QStringLiteral("email"), QStringLiteral("synced@example.com")}}))
                                 .toJson(),
                             {}, {{"X-API-Key", serviceKey}});
        QCOMPARE(made.status, 201);
        const AuditEvent last = s->services().audit().recent(1)->first();
        QCOMPARE(last.actorType, QStringLiteral("apikey"));
        QCOMPARE(last.actorId, service.json().value(QStringLiteral("id")).toString());
        QCOMPARE(s->get(QStringLiteral("/api/v1/api-keys"), admin).json().value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(s->request("DELETE",
                            QStringLiteral("/api/v1/api-keys/") + service.json().value(QStringLiteral("id")).toString(),
                            {}, admin)
                     .status,
                 204);
        QCOMPARE(s->send("GET", Users, {}, {}, {{"X-API-Key", serviceKey}}).status, 401);
        QCOMPARE(s->post(QStringLiteral("/api/v1/api-keys"),
                         obj({{QStringLiteral("name"), QStringLiteral("old")},
                              {QStringLiteral("expires_at"), QStringLiteral("2001-01-01T00:00:00Z")}}),
                         admin)
                     .status,
                 422);

        // Guessing keys is throttled per address like guessing passwords.
        QCOMPARE(s->request("PATCH", QStringLiteral("/api/v1/settings"),
                            QJsonDocument(obj({{QStringLiteral("rate_limits"),
                                                QJsonObject{{QStringLiteral("auth_per_minute"), 3}}}})),
                            admin)
                     .status,
                 200);
        QList<int> statuses;
        for (int i = 0; i < 5; ++i)
            statuses << s->send("GET", Me, {}, {}, {{"X-API-Key", "kw_" + QByteArray(43, char('a' + i))}}).status;
        QCOMPARE(statuses, (QList<int>{401, 401, 401, 429, 429}));
    }

    // Registering an application: its secret once, its version as ETag, a stale If-Match refused,
    // and a request with a typo or a wrong type refused whole.
    void oauthClients_data() { backendData(); }
    void oauthClients()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        const QString clients = QStringLiteral("/api/v1/oauth2/clients");
        Reply made = s->post(
            clients,
            obj({{QStringLiteral("name"), QStringLiteral("Shop")},
                 {QStringLiteral("type"), QStringLiteral("confidential")},
                 {QStringLiteral("redirect_uris"), QJsonArray{QStringLiteral("https://shop.example.com/callback")}}}),
            admin);
        QCOMPARE(made.status, 201);
        const QString id = made.json().value(QStringLiteral("id")).toString();
        const QByteArray secret = made.json().value(QStringLiteral("client_secret")).toString().toLatin1();
        QVERIFY(secret.startsWith("kws_"));
        QCOMPARE(made.header("Location"), (clients + QLatin1Char('/') + id).toUtf8());
        Reply listed = s->get(clients, admin);
        QCOMPARE(listed.json().value(QStringLiteral("total")).toInt(), 1);
        QVERIFY(!listed.body.contains(secret)); // shown once, never again
        Reply one = s->get(clients + QLatin1Char('/') + id, admin);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.header("ETag"), QByteArray("\"1\""));
        QVERIFY(one.json().value(QStringLiteral("has_secret")).toBool());
        QVERIFY(!one.json().contains(QStringLiteral("client_secret")));

        const auto patch = [&](const QJsonObject &body, const QByteArray &ifMatch) {
            QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + admin},
                                                         {"Content-Type", "application/json"}};
            if (!ifMatch.isEmpty())
                headers.append({"If-Match", ifMatch});
            return s->send("PATCH", clients + QLatin1Char('/') + id, QJsonDocument(body).toJson(), {}, headers);
        };
        const QJsonObject rename = obj({{QStringLiteral("name"), QStringLiteral("Shop 2")}});
        Reply renamed = patch(rename, "\"1\"");
        QCOMPARE(renamed.status, 200);
        QCOMPARE(renamed.header("ETag"), QByteArray("\"2\""));
        QCOMPARE(patch(rename, "\"1\"").status, 412);
        Reply typo = patch(obj({{QStringLiteral("redirect_uri"), QStringLiteral("https://evil.example/")},
                                {QStringLiteral("first_party"), QStringLiteral("yes")}}),
                           {});
        QCOMPARE(typo.status, 422);
        QVERIFY(typo.header("Content-Type").startsWith("application/problem+json"));
        QCOMPARE(typo.json().value(QStringLiteral("errors")).toArray().size(), 2);
        Reply wrongUri =
            patch(obj({{QStringLiteral("redirect_uris"), QJsonArray{QStringLiteral("http://evil.example/")}}}), {});
        QCOMPARE(wrongUri.status, 422);
        QCOMPARE(s->get(clients + QLatin1Char('/') + id, admin).json().value(QStringLiteral("redirect_uris")),
                 QJsonValue(QJsonArray{QStringLiteral("https://shop.example.com/callback")}));

        Reply renewed = s->post(clients + QLatin1Char('/') + id + QStringLiteral("/secret"), {}, admin);
        QCOMPARE(renewed.status, 200);
        QVERIFY(renewed.json().value(QStringLiteral("client_secret")).toString().toLatin1() != secret);
        QCOMPARE(s->request("DELETE", clients + QLatin1Char('/') + id, {}, admin).status, 204);
        QCOMPARE(s->get(clients + QLatin1Char('/') + id, admin).status, 404);
        QCOMPARE(s->get(clients + QStringLiteral("/not-an-id"), admin).status, 404);
    }

    void cors_data() { backendData(); }
    void cors()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        const QByteArray app = "https://app.example.com";
        // None allowed by default.
        QVERIFY(s->send("GET", Me, {}, admin, {{"Origin", app}}).header("Access-Control-Allow-Origin").isEmpty());
        QCOMPARE(s->request("PATCH", QStringLiteral("/api/v1/settings"),
                            QJsonDocument(
                                obj({{QStringLiteral("cors"), QJsonObject{{QStringLiteral("allowed_origins"),
                                                                           QJsonArray{QString::fromLatin1(app)}}}}})),
                            admin)
                     .status,
                 200);
        Reply allowed = s->send("GET", Me, {}, admin, {{"Origin", app}});
        QCOMPARE(allowed.header("Access-Control-Allow-Origin"), app);
        QCOMPARE(allowed.header("Vary"), QByteArray("Origin"));
        QVERIFY(allowed.header("Access-Control-Expose-Headers").contains("X-Request-ID"));
        QVERIFY(allowed.header("Access-Control-Allow-Credentials").isEmpty());
        // Errors carry it too, or browsers hide the problem details from the page.
        QCOMPARE(s->send("GET", Me, {}, {}, {{"Origin", app}}).header("Access-Control-Allow-Origin"), app);
        QVERIFY(s->send("GET", Me, {}, admin, {{"Origin", "https://evil.example"}})
                    .header("Access-Control-Allow-Origin")
                    .isEmpty());

        Reply preflight = s->send("OPTIONS", Users + QStringLiteral("/some-id"), {}, {},
                                  {{"Origin", app},
                                   {"Access-Control-Request-Method", "PATCH"},
                                   {"Access-Control-Request-Headers", "authorization, content-type, if-match"}});
        QCOMPARE(preflight.status, 204);
        QCOMPARE(preflight.header("Access-Control-Allow-Origin"), app);
        QVERIFY(preflight.header("Access-Control-Allow-Methods").contains("PATCH"));
        QVERIFY(preflight.header("Access-Control-Allow-Headers").contains("If-Match"));
        Reply foreign = s->send("OPTIONS", Users, {}, {},
                                {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "GET"}});
        QCOMPARE(foreign.status, 204);
        QVERIFY(foreign.header("Access-Control-Allow-Origin").isEmpty());
        QVERIFY(foreign.header("Access-Control-Allow-Methods").isEmpty());
    }

    void passwordResetAndEmailVerificationByMail_data() { backendData(); }
    void passwordResetAndEmailVerificationByMail()
    {
        auto s = server();
        SmtpSink smtp;
        QVERIFY(smtp.ok());
        const QByteArray admin = s->adminToken();
        QCOMPARE(s->request("PATCH", QStringLiteral("/api/v1/settings"),
                            QJsonDocument(obj(
                                {{QStringLiteral("smtp"),
                                  QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                              {QStringLiteral("port"), smtp.port()},
                                              {QStringLiteral("security"), QStringLiteral("none")},
                                              {QStringLiteral("sender"), QStringLiteral("keyward@example.com")}}},
                                 {QStringLiteral("registration"), QJsonObject{{QStringLiteral("enabled"), true}}}})),
                            admin)
                     .status,
                 200);
        const auto tokenIn = [](const ReceivedMail &m) {
            static const QRegularExpression re(QStringLiteral("token=([A-Za-z0-9_-]{43})"));
            return re.match(m.body).captured(1);
        };

        // Registration sends a verification link; following it verifies the address.
        QCOMPARE(s->post(QStringLiteral("/api/v1/auth/register"),
                         obj({{QStringLiteral("username"), QStringLiteral("mailer")},
                              {QStringLiteral("email"), QStringLiteral("mailer@example.com")},
                              {QStringLiteral("password"), QStringLiteral("mailer first password")}}))
                     .status,
                 201);
        QList<ReceivedMail> mails = smtp.messages(1);
        QCOMPARE(mails.size(), 1);
        QCOMPARE(mails[0].to, QStringLiteral("mailer@example.com"));
        const QString verify = tokenIn(mails[0]);
        QVERIFY(!verify.isEmpty());
        QCOMPARE(s->post(QStringLiteral("/api/v1/auth/verify-email"), obj({{QStringLiteral("token"), verify}})).status,
                 204);
        QCOMPARE(s->post(QStringLiteral("/api/v1/auth/verify-email"), obj({{QStringLiteral("token"), verify}})).status,
                 422);
        QByteArray token = s->accessToken(QStringLiteral("mailer"), QStringLiteral("mailer first password"));
        QVERIFY(s->get(Me, token).json().value(QStringLiteral("email_verified")).toBool());

        // Reset: 202 whether the address exists or not; only the real one gets mail.
        const auto reset = [&](const QString &email) {
            return s->post(QStringLiteral("/api/v1/auth/password-reset"), obj({{QStringLiteral("email"), email}}))
                .status;
        };
        QCOMPARE(reset(QStringLiteral("nobody@example.com")), 202);
        QCOMPARE(reset(QStringLiteral("MAILER@example.com")), 202);
        mails = smtp.messages(2);
        QCOMPARE(mails.size(), 2);
        QCOMPARE(mails[1].to, QStringLiteral("mailer@example.com"));
        const QString resetToken = tokenIn(mails[1]);
        const auto confirm = [&](const QString &t, const QString &pw) {
            return s->post(QStringLiteral("/api/v1/auth/password-reset/confirm"),
                           obj({{QStringLiteral("token"), t}, {QStringLiteral("new_password"), pw}}));
        };
        QCOMPARE(errorFields(confirm(resetToken, QStringLiteral("short"))),
                 QStringList{QStringLiteral("new_password:too_short")});
        QCOMPARE(confirm(resetToken, QStringLiteral("mailer second password")).status, 204);
        QCOMPARE(s->get(Me, token).status, 401);                                            // every session ended
        QCOMPARE(confirm(resetToken, QStringLiteral("mailer third password")).status, 422); // spent
        QVERIFY(s->login(QStringLiteral("mailer"), QStringLiteral("mailer second password"))
                    .contains(QStringLiteral("access_token")));

        // Changing the address sends a new link and voids the old state.
        token = s->accessToken(QStringLiteral("mailer"), QStringLiteral("mailer second password"));
        Reply moved = s->request(
            "PATCH", Me, QJsonDocument(obj({{QStringLiteral("email"), QStringLiteral("moved@example.com")}})), token);
        QCOMPARE(moved.status, 200);
        QVERIFY(!moved.json().value(QStringLiteral("email_verified")).toBool());
        mails = smtp.messages(4);
        QCOMPARE(mails.size(), 4);
        // The old address hears of the change; the new one gets the link.
        QCOMPARE(mails[2].to, QStringLiteral("mailer@example.com"));
        QVERIFY(!tokenIn(mails[2]).size());
        QCOMPARE(mails[3].to, QStringLiteral("moved@example.com"));
        QVERIFY(!tokenIn(mails[3]).isEmpty());
    }

    void auditApiAndTamperDetection_data() { backendData(); }
    void auditApiAndTamperDetection()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        for (int i = 0; i < 4; ++i)
            s->createUser(QStringLiteral("audited%1").arg(i), QStringLiteral("audited password"), {});
        Reply list = s->get(QStringLiteral("/api/v1/audit?action=user.create&limit=2"), admin);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value(QStringLiteral("total")).toInt(), 5); // four and the admin
        QCOMPARE(list.json().value(QStringLiteral("items")).toArray().size(), 2);
        const QString cursor = list.json().value(QStringLiteral("next_cursor")).toString();
        Reply next = s->get(QStringLiteral("/api/v1/audit?action=user.create&limit=2&cursor=") + cursor, admin);
        QVERIFY(
            next.json().value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("seq")).toInt() <
            list.json().value(QStringLiteral("items")).toArray().at(1).toObject().value(QStringLiteral("seq")).toInt());
        QCOMPARE(s->get(QStringLiteral("/api/v1/audit?outcome=maybe"), admin).status, 422);
        QCOMPARE(s->get(QStringLiteral("/api/v1/audit?since=yesterday"), admin).status, 422);
        const QJsonObject event = list.json().value(QStringLiteral("items")).toArray().at(0).toObject();
        QCOMPARE(event.value(QStringLiteral("actor")).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("system"));
        QCOMPARE(s->get(QStringLiteral("/api/v1/audit?target=user:") +
                            event.value(QStringLiteral("target")).toObject().value(QStringLiteral("id")).toString(),
                        admin)
                     .json()
                     .value(QStringLiteral("total"))
                     .toInt(),
                 1);

        const auto verify = [&] { return s->get(QStringLiteral("/api/v1/audit/verify"), admin).json(); };
        QCOMPARE(verify().value(QStringLiteral("ok")).toBool(), true);
        const int checked = verify().value(QStringLiteral("checked")).toInt();
        QVERIFY(checked >= 6);
        QSqlQuery q(s->services().database().connection());
        // An edit in the middle.
        QVERIFY(q.exec(QStringLiteral("UPDATE audit_events SET outcome = 'failure' WHERE seq = 3")));
        QCOMPARE(verify().value(QStringLiteral("first_bad_seq")).toInt(), 3);
        QVERIFY(q.exec(QStringLiteral("UPDATE audit_events SET outcome = 'success' WHERE seq = 3")));
        QCOMPARE(verify().value(QStringLiteral("ok")).toBool(), true);
        // Two events swapped (content moved between sequence numbers).
        QVERIFY(
            q.exec(QStringLiteral("UPDATE audit_events SET target_id = CASE seq WHEN 4 THEN (SELECT target_id FROM "
                                  "audit_events WHERE seq = 5) "
                                  "ELSE (SELECT target_id FROM audit_events WHERE seq = 4) END WHERE seq IN (4, 5)")));
        QCOMPARE(verify().value(QStringLiteral("first_bad_seq")).toInt(), 4);
        // A deletion in the middle, and one at the end.
        QVERIFY(q.exec(QStringLiteral("DELETE FROM audit_events WHERE seq = 2")));
        QCOMPARE(verify().value(QStringLiteral("first_bad_seq")).toInt(), 2);
        TestServer::Setup fresh;
        fresh.backend = QString::fromLatin1(QTest::currentDataTag());
        TestServer t(fresh);
        t.adminToken();
        QVERIFY(t.services().audit().verify(Principal::system())->ok);
        QSqlQuery tq(t.services().database().connection());
        QVERIFY(tq.exec(QStringLiteral("DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)")));
        QVERIFY(!t.services().audit().verify(Principal::system())->ok);
    }

    void auditTrail_data() { backendData(); }
    void auditTrail()
    {
        auto s = server();
        const QByteArray admin = s->adminToken();
        s->post(Login, obj({{QStringLiteral("login"), QStringLiteral("admin")},
                            {QStringLiteral("password"), QStringLiteral("wrong pw")}}));
        auto events = s->services().audit().recent(20);
        QVERIFY(events.ok());
        QStringList actions;
        for (const AuditEvent &e : *events)
            actions << e.action + QLatin1Char('/') + e.outcome;
        QVERIFY2(actions.contains(QStringLiteral("auth.login/failure")), qPrintable(actions.join(QLatin1Char(','))));
        QVERIFY(actions.contains(QStringLiteral("auth.login/success")));
        QVERIFY(actions.contains(QStringLiteral("user.create/success")));
        // Sequence numbers are gapless and no event carries a secret.
        for (qsizetype i = 1; i < events->size(); ++i)
            QCOMPARE(events->at(i).seq, events->at(i - 1).seq - 1);
        for (const AuditEvent &e : *events) {
            QVERIFY(!e.details.contains(QStringLiteral("wrong pw")));
            QVERIFY(!e.details.contains(QStringLiteral("admin password 1")));
        }
    }
};

QTEST_GUILESS_MAIN(TstApi)
#include "tst_api.moc"
