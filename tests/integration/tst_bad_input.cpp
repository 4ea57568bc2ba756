// The bad-input catalogue: malformed framing, headers, bodies, parameters, ids, credentials,
// settings and imports, each answered with its exact 4xx and a problem+json body. Afterwards the
// server still answers, no response was a 5xx, and the audit chain verifies.
#include "test_server.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

namespace {

struct Case {
    const char *name;
    bool raw;          // true: `request` is sent as it is over a socket
    QByteArray method; // the rest: an API request
    QString path;      // {user} stands for a real user's id
    QByteArray body;   // sent as application/json unless `headers` set Content-Type
    QList<QPair<QByteArray, QByteArray>> headers;
    int status;
    const char *slug;       // the problem type's last segment
    const char *credential; // "admin" (default), "none", or an Authorization header value
    QByteArray request;     // raw requests only
};

Case raw(const char *name, QByteArray request, int status, const char *slug)
{
    return {name, true, {}, {}, {}, {}, status, slug, "none", std::move(request)};
}

Case api(const char *name, const char *method, const QString &path, QByteArray body, int status, const char *slug,
         const char *credential = "admin", QList<QPair<QByteArray, QByteArray>> headers = {})
{
    return {name, false, method, path, std::move(body), std::move(headers), status, slug, credential, {}};
}

const QByteArray Head = "GET /health/live HTTP/1.1\r\nHost: x\r\n";
const QString Users = QStringLiteral("/api/v1/users");
const QString Login = QStringLiteral("/api/v1/auth/login");
const QString Settings = QStringLiteral("/api/v1/settings");
const QString Import = QStringLiteral("/api/v1/users/import");

QList<Case> catalogue()
{
    const QByteArray nul("GET /health/live HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n", 48);
    const QByteArray user = R"({"username":"catalog","email":"catalog@example.com","password":"a long enough pass"})";
    return {
        // Framing and headers, over a raw socket.
        raw("bare LF", "GET /health/live HTTP/1.1\nHost: x\n\n", 400, "bad-request"),
        raw("bare CR", "GET /health/live HTTP/1.1\rHost: x\r\n\r\n", 400, "bad-request"),
        raw("bare LF ending the head", Head + "\n", 400, "bad-request"),
        raw("obs-fold", Head + " X-Folded: y\r\n\r\n", 400, "bad-request"),
        raw("space before colon", "GET /health/live HTTP/1.1\r\nHost : x\r\n\r\n", 400, "bad-request"),
        raw("header without colon", Head + "Nonsense\r\n\r\n", 400, "bad-request"),
        raw("empty header name", Head + ": value\r\n\r\n", 400, "bad-request"),
        raw("header name not a token", Head + "X{Y}: z\r\n\r\n", 400, "bad-request"),
        raw("NUL in a value", nul, 400, "bad-request"),
        raw("DEL in a value",
            Head + "X-A: a\x7f"
                   "b\r\n\r\n",
            400, "bad-request"),
        raw("two Content-Length",
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}", 400,
            "bad-request"),
        raw("Content-Length not a number",
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2x\r\n\r\n{}", 400, "bad-request"),
        raw("negative Content-Length", "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: -2\r\n\r\n{}",
            400, "bad-request"),
        raw("Content-Length of 16 digits",
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000000000\r\n\r\n", 400,
            "bad-request"),
        raw("Content-Length over the limit",
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n", 413,
            "payload-too-large"),
        raw("chunked body",
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 411,
            "length-required"),
        raw("Transfer-Encoding identity",
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\n\r\n", 411,
            "length-required"),
        raw("no Host", "GET /health/live HTTP/1.1\r\n\r\n", 400, "bad-request"),
        raw("two Host", Head + "Host: y\r\n\r\n", 400, "bad-request"),
        raw("double space", "GET  /health/live HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("tab in the request line", "GET\t/health/live HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("target without a slash", "GET health HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("control character in the target", "GET /health/\x01live HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("8-bit target", "GET /h\xc3\xa9 HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("HTTP/2.0", "GET /health/live HTTP/2.0\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("HTTP/1.2", "GET /health/live HTTP/1.2\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("lower-case version", "GET /health/live http/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("no version", "GET /health/live\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("method not a token", "G@T /health/live HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("head over 64 KiB", Head + "X-Big: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n", 431, "header-too-large"),
        raw("unknown method", "BREW /health/live HTTP/1.1\r\nHost: x\r\n\r\n", 405, "method-not-allowed"),
        raw("known method the route lacks", "PUT /health/live HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 405,
            "method-not-allowed"),
        raw("* with GET", "GET * HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        // Paths a proxy could route one way and Keyward another.
        raw("empty segment", "GET //health/live HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("empty segment inside", "GET /health//live HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("dot segment", "GET /health/./live HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("dot-dot segment", "GET /api/v1/users/../../health/live HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("encoded dot-dot", "GET /api/v1/%2e%2E/health/live HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("encoded slash", "GET /health%2Flive HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("encoded NUL", "GET /health/live%00 HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("backslash", "GET /health\\live HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("broken escape", "GET /health/li%4 HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("escape of bad UTF-8", "GET /api/v1/users/%C3%28 HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("fragment", "GET /health/live#top HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("absolute-form without authority", "GET http:///health/live HTTP/1.1\r\nHost: x\r\n\r\n", 400,
            "bad-request"),
        raw("absolute-form with empty segment", "GET http://x//evil/health/live HTTP/1.1\r\nHost: x\r\n\r\n", 400,
            "bad-request"),
        // Headers read once, sent twice.
        raw("two Authorization", Head + "Authorization: Bearer a\r\nAuthorization: Bearer b\r\n\r\n", 400,
            "bad-request"),
        raw("two X-API-Key", Head + "X-API-Key: a\r\nx-api-key: b\r\n\r\n", 400, "bad-request"),
        raw("two Content-Type", Head + "Content-Type: application/json\r\nContent-Type: text/plain\r\n\r\n", 400,
            "bad-request"),
        raw("two Origin", Head + "Origin: https://a\r\nOrigin: https://b\r\n\r\n", 400, "bad-request"),
        raw("unknown path", "GET /nothing/here HTTP/1.1\r\nHost: x\r\n\r\n", 404, "not-found"),

        // Bodies.
        api("cut-off JSON", "POST", Login, "{\"login\": ", 400, "malformed-json", "none"),
        api("array for an object", "POST", Login, "[1,2]", 400, "malformed-json", "none"),
        api("JSON null", "POST", Login, "null", 400, "malformed-json", "none"),
        api("nested 100 deep", "POST", Login, QByteArray(100, '[') + QByteArray(100, ']'), 400, "malformed-json",
            "none"),
        api("invalid UTF-8", "POST", Login, "{\"login\": \"\xff\xfe\", \"password\": \"x\"}", 400, "malformed-json",
            "none"),
        api("trailing garbage", "POST", Login, "{\"login\":\"a\",\"password\":\"b\"} x", 400, "malformed-json", "none"),
        api("empty body", "POST", Users, "", 415, "unsupported-media-type"),
        api("text/plain", "POST", Login, "{}", 415, "unsupported-media-type", "none", {{"Content-Type", "text/plain"}}),
        api("form encoding", "POST", Login, "login=a&password=b", 415, "unsupported-media-type", "none",
            {{"Content-Type", "application/x-www-form-urlencoded"}}),
        api("unknown field", "POST", Login, R"({"login":"a","password":"b","remember":true})", 422, "validation-failed",
            "none"),
        api("wrong types", "POST", Login, R"({"login":1,"password":[]})", 422, "validation-failed", "none"),
        api("missing field", "POST", Login, R"({"login":"a"})", 422, "validation-failed", "none"),
        api("null for a required field", "POST", Login, R"({"login":null,"password":"b"})", 422, "validation-failed",
            "none"),
        api("username of 10,000 characters", "POST", Users,
            "{\"username\":\"" + QByteArray(10000, 'a') + "\",\"email\":\"a@example.com\"}", 422, "validation-failed"),
        api("roles as a string", "POST", Users, R"({"username":"rolex","email":"r@example.com","roles":"admin"})", 422,
            "validation-failed"),
        api("attributes nested", "POST", Users,
            R"({"username":"attrs","email":"a@example.com","attributes":{"a":{"b":1}}})", 422, "validation-failed"),
        api("bad email", "POST", Users, R"({"username":"mail","email":"not-an-email"})", 422, "validation-failed"),
        api("bad username", "POST", Users, R"({"username":"no spaces please","email":"u@example.com"})", 422,
            "validation-failed"),
        api("short password", "POST", Users, R"({"username":"shorty","email":"s@example.com","password":"abc"})", 422,
            "validation-failed"),
        api("unknown status", "POST", Users, R"({"username":"stat","email":"st@example.com","status":"banned"})", 422,
            "validation-failed"),
        api("unknown role", "POST", Users, R"({"username":"roly","email":"ro@example.com","roles":["emperor"]})", 422,
            "validation-failed"),
        api("attribute not a string", "POST", Users,
            R"({"username":"attr2","email":"a2@example.com","attributes":{"a":1}})", 422, "validation-failed"),
        api("password strength over 256", "POST", QStringLiteral("/api/v1/password/strength"),
            "{\"password\":\"" + QByteArray(257, 'x') + "\"}", 422, "validation-failed", "none"),

        // Query parameters.
        api("limit 0", "GET", Users + QStringLiteral("?limit=0"), {}, 422, "validation-failed"),
        api("limit 1000", "GET", Users + QStringLiteral("?limit=1000"), {}, 422, "validation-failed"),
        api("limit not a number", "GET", Users + QStringLiteral("?limit=ten"), {}, 422, "validation-failed"),
        api("sort by a secret", "GET", Users + QStringLiteral("?sort=password_hash"), {}, 422, "validation-failed"),
        api("garbage cursor", "GET", Users + QStringLiteral("?cursor=%%%"), {}, 422, "validation-failed"),
        api("search with a NUL", "GET", Users + QStringLiteral("?q=ab%00cd"), {}, 422, "validation-failed"),
        api("short search with a NUL", "GET", Users + QStringLiteral("?q=%00"), {}, 422, "validation-failed"),
        api("search with a newline", "GET", Users + QStringLiteral("?q=user%0Aname"), {}, 422, "validation-failed"),
        api("search with quotes and FTS syntax", "GET", Users + QStringLiteral("?q=%22a%22%20OR%20*"), {}, 200, ""),
        api("cursor of a huge number", "GET",
            Users + QStringLiteral("?cursor=eyJzIjoiY3JlYXRlZF9hdCIsImsiOjFlMzAwLCJpIjoieCJ9"), {}, 422,
            "validation-failed"),
        api("cursor of another sort", "GET",
            Users + QStringLiteral("?sort=username&cursor=eyJzIjoiY3JlYXRlZF9hdCIsImsiOjEsImkiOiJ4In0"), {}, 422,
            "validation-failed"),
        api("include_deleted maybe", "GET", Users + QStringLiteral("?include_deleted=maybe"), {}, 422,
            "validation-failed"),
        api("inactive_since yesterday", "GET", Users + QStringLiteral("?inactive_since=yesterday"), {}, 422,
            "validation-failed"),
        api("unknown status filter", "GET", Users + QStringLiteral("?status=banned"), {}, 422, "validation-failed"),
        api("audit since yesterday", "GET", QStringLiteral("/api/v1/audit?since=yesterday"), {}, 422,
            "validation-failed"),
        api("audit outcome maybe", "GET", QStringLiteral("/api/v1/audit?outcome=maybe"), {}, 422, "validation-failed"),
        api("audit limit -1", "GET", QStringLiteral("/api/v1/audit?limit=-1"), {}, 422, "validation-failed"),
        api("audit cursor garbage", "GET", QStringLiteral("/api/v1/audit?cursor=abc"), {}, 422, "validation-failed"),
        api("export as XML", "GET", Users + QStringLiteral("/export?format=xml"), {}, 422, "validation-failed"),
        api("purge perhaps", "DELETE", Users + QStringLiteral("/{user}?purge=perhaps"), {}, 422, "validation-failed"),

        // Path ids.
        api("id not a UUID", "GET", Users + QStringLiteral("/not-a-uuid"), {}, 404, "not-found"),
        api("unknown UUID", "GET", Users + QStringLiteral("/01900000-0000-7000-8000-000000000000"), {}, 404,
            "not-found"),
        // Refused as paths before they are ids (the HTTP client would normalise them, so sent raw).
        raw("NUL as id", "GET /api/v1/users/%00 HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        raw("dot-dot as id", "GET /api/v1/users/%2e%2e HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad-request"),
        api("id of SQL", "GET", Users + QStringLiteral("/1'%20OR%20'1'='1"), {}, 404, "not-found"),
        api("unknown role name", "DELETE", QStringLiteral("/api/v1/roles/no-such-role"), {}, 404, "not-found"),
        api("unknown API key", "DELETE", QStringLiteral("/api/v1/api-keys/not-a-key"), {}, 404, "not-found"),
        api("unknown session", "DELETE", Users + QStringLiteral("/{user}/sessions/not-a-session"), {}, 404,
            "not-found"),
        api("method on the wrong route", "PUT", Users, {}, 405, "method-not-allowed"),

        // Tokens and keys.
        api("bearer garbage", "GET", QStringLiteral("/api/v1/me"), {}, 401, "unauthorized", "Bearer not.a.token"),
        api("bearer alg none", "GET", QStringLiteral("/api/v1/me"), {}, 401, "unauthorized",
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."),
        api("bearer HS256", "GET", QStringLiteral("/api/v1/me"), {}, 401, "unauthorized",
            "Bearer eyJhbGciOiJIUzI1NiIsImtpZCI6IngifQ.eyJzdWIiOiJ4In0.c2ln"),
        api("bearer without a token", "GET", QStringLiteral("/api/v1/me"), {}, 401, "unauthorized", "Bearer"),
        api("basic credentials", "GET", QStringLiteral("/api/v1/me"), {}, 401, "unauthorized", "Basic YTpi"),
        api("short API key", "GET", QStringLiteral("/api/v1/me"), {}, 401, "unauthorized", "ApiKey kw_short"),
        api("unknown API key", "GET", QStringLiteral("/api/v1/me"), {}, 401, "unauthorized",
            "ApiKey kw_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        api("no credentials", "GET", Users, {}, 401, "unauthorized", "none"),
        api("If-Match garbage", "PATCH", Users + QStringLiteral("/{user}"), R"({"display_name":"x"})", 412,
            "precondition-failed", "admin", {{"If-Match", "\"banana\""}}),
        api("If-Match stale", "PATCH", Users + QStringLiteral("/{user}"), R"({"display_name":"x"})", 412,
            "precondition-failed", "admin", {{"If-Match", "\"99\""}}),

        // Settings.
        api("unknown setting", "PATCH", Settings, R"({"lockout":{"forever":true}})", 422, "validation-failed"),
        api("threshold 0", "PATCH", Settings, R"({"lockout":{"threshold":0}})", 422, "validation-failed"),
        api("threshold as text", "PATCH", Settings, R"({"lockout":{"threshold":"five"}})", 422, "validation-failed"),
        api("threshold 1e30", "PATCH", Settings, R"({"lockout":{"threshold":1e30}})", 422, "validation-failed"),
        api("SMTP port 70000", "PATCH", Settings, R"({"smtp":{"port":70000}})", 422, "validation-failed"),
        api("origin not a URL", "PATCH", Settings, R"({"cors":{"allowed_origins":["not a url"]}})", 422,
            "validation-failed"),
        api("proxy not a network", "PATCH", Settings, R"({"network":{"trusted_proxies":["999.1.1.1/99"]}})", 422,
            "validation-failed"),
        api("settings as an array", "PATCH", Settings, "[]", 400, "malformed-json"),

        // Imports.
        api("import not JSON", "POST", Import, "users,emails", 400, "malformed-json"),
        api("realm without users", "POST", Import + QStringLiteral("?format=keycloak"), R"({"realm":"acme"})", 422,
            "validation-failed"),
        api("Keyward import as an object", "POST", Import + QStringLiteral("?format=keyward"), "{}", 422,
            "validation-failed"),
        api("import format yaml", "POST", Import + QStringLiteral("?format=yaml"), "[]", 422, "validation-failed"),
        api("import format csv", "POST", Import + QStringLiteral("?format=csv"), "[]", 422, "validation-failed"),
        api("dry_run maybe", "POST", Import + QStringLiteral("?dry_run=maybe"), "[]", 422, "validation-failed"),
    };
}

} // namespace

class TstBadInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void catalogueOfBadInput_data() { TestDatabase::addBackendRows(); }
    void catalogueOfBadInput()
    {
        QFETCH(QString, backend);
        TestServer::Setup setup;
        setup.backend = backend;
        TestServer s(setup);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        const QByteArray admin = s.adminToken();
        // Many requests from one address: let them reach the parsers, not the rate limiter.
        QCOMPARE(s.request("PATCH", Settings,
                           QJsonDocument(QJsonObject{
                               {QStringLiteral("rate_limits"), QJsonObject{{QStringLiteral("enabled"), false}}}}),
                           admin)
                     .status,
                 200);
        const QList<Case> cases = catalogue();
        QVERIFY(cases.size() >= 80);
        QStringList wrong;
        for (const Case &c : cases) {
            const QString user =
                s.createUser(QStringLiteral("u%1").arg(QString::fromLatin1(QByteArray(c.name).toHex().left(24))),
                             QStringLiteral("catalogue password"), {QStringLiteral("user")});
            int status = 0;
            QByteArray contentType;
            QJsonObject problem;
            if (c.raw) {
                QTcpSocket socket;
                socket.connectToHost(QHostAddress::LocalHost, s.port());
                socket.waitForConnected(5000);
                socket.write(c.request);
                QByteArray answer;
                while (!answer.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
                    answer += socket.readAll();
                const qsizetype end = answer.indexOf("\r\n\r\n");
                while (socket.waitForReadyRead(300))
                    answer += socket.readAll();
                status = answer.mid(9, 3).toInt();
                for (const QByteArray &line : answer.left(end).split('\n'))
                    if (line.toLower().startsWith("content-type:"))
                        contentType = line.mid(13).trimmed();
                problem = QJsonDocument::fromJson(answer.mid(end + 4)).object();
            } else {
                QList<QPair<QByteArray, QByteArray>> headers = c.headers;
                const QByteArray credential(c.credential);
                if (credential == "admin")
                    headers.append({"Authorization", "Bearer " + admin});
                else if (credential != "none")
                    headers.append({"Authorization", credential});
                QString path = c.path;
                path.replace(QStringLiteral("{user}"), user);
                const Reply r = s.send(c.method, path, c.body, {}, headers);
                status = r.status;
                contentType = r.header("Content-Type");
                problem = r.json();
            }
            const QString slug = problem.value(QStringLiteral("type")).toString().section(QLatin1Char('/'), -1);
            const bool problemJson = contentType.startsWith("application/problem+json") &&
                                     problem.value(QStringLiteral("status")).toInt() == status &&
                                     !problem.value(QStringLiteral("title")).toString().isEmpty();
            if (status != c.status || (status >= 400 && (!problemJson || slug != QLatin1String(c.slug))))
                wrong << QStringLiteral("%1: %2 %3 (%4), expected %5 %6")
                             .arg(QLatin1String(c.name))
                             .arg(status)
                             .arg(slug, QString::fromLatin1(contentType))
                             .arg(c.status)
                             .arg(QLatin1String(c.slug));
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));

        // Still serving, never a 5xx, and the audit trail intact.
        QCOMPARE(s.get(QStringLiteral("/health/ready")).status, 200);
        const Reply metrics = s.get(QStringLiteral("/metrics"), admin);
        QCOMPARE(metrics.status, 200);
        QVERIFY2(!metrics.body.contains("status=\"5"), "a request was answered with a 5xx");
        const Reply verify = s.get(QStringLiteral("/api/v1/audit/verify"), admin);
        QCOMPARE(verify.json().value(QStringLiteral("ok")).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TstBadInput)
#include "tst_bad_input.moc"
