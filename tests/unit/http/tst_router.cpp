#include "http/json_body.h"
#include "http/router.h"

#include <QTest>

using namespace keyward;

class TstRouter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesLiteralsBeforeParameters()
    {
        Router r;
        r.add("GET", QStringLiteral("/api/v1/users/{id}"), {}, {});
        r.add("GET", QStringLiteral("/api/v1/users/export"), {}, {});
        r.add("DELETE", QStringLiteral("/api/v1/users/{id}/sessions/{sid}"), {}, {});
        auto m = r.match("GET", QStringLiteral("/api/v1/users/export"));
        QCOMPARE(m.route->pattern, QStringLiteral("/api/v1/users/export"));
        m = r.match("GET", QStringLiteral("/api/v1/users/abc"));
        QCOMPARE(m.route->pattern, QStringLiteral("/api/v1/users/{id}"));
        QCOMPARE(m.params.value(QStringLiteral("id")), QStringLiteral("abc"));
        m = r.match("DELETE", QStringLiteral("/api/v1/users/u/sessions/s"));
        QCOMPARE(m.params.value(QStringLiteral("sid")), QStringLiteral("s"));
        m = r.match("HEAD", QStringLiteral("/api/v1/users/abc"));
        QVERIFY(m.route);
        m = r.match("POST", QStringLiteral("/api/v1/users/abc"));
        QVERIFY(!m.route);
        QCOMPARE(m.allowed, QByteArrayList{"GET"});
        QVERIFY(!r.match("GET", QStringLiteral("/api/v1/users/a/b")).route);
        QVERIFY(r.match("GET", QStringLiteral("/api/v1/users/a/b")).allowed.isEmpty());
    }

    void jsonBodies()
    {
        QVERIFY(parseJsonBody("{\"a\": [1, {\"b\": \"[[[[\"}]}").ok()); // brackets inside strings do not count
        QCOMPARE(parseJsonBody(QByteArray(40, '[') + QByteArray(40, ']')).error().status(), 400);
        QCOMPARE(parseJsonBody("").error().status(), 400);
        QCOMPARE(parseJsonBody("{\"a\":}").error().status(), 400);
        QVERIFY(isJsonContentType("application/json; charset=utf-8"));
        QVERIFY(isJsonContentType("Application/JSON"));
        QVERIFY(isJsonContentType("application/merge-patch+json"));
        QVERIFY(!isJsonContentType("text/json"));
        QVERIFY(!isJsonContentType(""));
    }
};

QTEST_GUILESS_MAIN(TstRouter)
#include "tst_router.moc"
