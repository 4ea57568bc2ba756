// Requests and responses as values: headers by name, problem responses as RFC 9457 says, and the
// streamed body adapter (HttpResponse::chunked).
#include "http/http_message.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace keyward;

class TstHttpMessage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void headers()
    {
        HttpResponse r;
        r.setHeader("Cache-Control", "no-store");
        r.setHeader("cache-control", "max-age=5"); // replaces, whatever the case
        QCOMPARE(r.headers.size(), 1);
        QCOMPARE(r.header("CACHE-CONTROL"), QByteArray("max-age=5"));
        HttpRequest q;
        q.headers = {{"x-forwarded-for", "a"}, {"x-forwarded-for", "b"}};
        QCOMPARE(q.header("x-forwarded-for"), QByteArray("a"));
        QCOMPARE(q.headerValues("x-forwarded-for"), (QByteArrayList{"a", "b"}));
        QVERIFY(q.header("host").isEmpty());
    }

    void problemMembers()
    {
        ApiError e =
            ApiError::validation({{QStringLiteral("email"), QStringLiteral("taken"), QStringLiteral("In use.")}});
        e.withExtension(QStringLiteral("mfa_token"), QStringLiteral("t"));
        HttpRequest q;
        q.path = QStringLiteral("/api/v1/users");
        q.requestId = QStringLiteral("req-1");
        const QJsonObject p = QJsonDocument::fromJson(HttpResponse::problem(e, q).body).object();
        QCOMPARE(p.value(QStringLiteral("status")).toInt(), 422);
        QCOMPARE(p.value(QStringLiteral("type")).toString(),
                 QStringLiteral("https://keyward.dev/problems/validation-failed"));
        QCOMPARE(p.value(QStringLiteral("instance")).toString(), QStringLiteral("/api/v1/users"));
        QCOMPARE(p.value(QStringLiteral("request_id")).toString(), QStringLiteral("req-1"));
        QCOMPARE(p.value(QStringLiteral("mfa_token")).toString(), QStringLiteral("t"));
        const QJsonObject field = p.value(QStringLiteral("errors")).toArray().at(0).toObject();
        QCOMPARE(field.value(QStringLiteral("field")).toString(), QStringLiteral("email"));
        QCOMPARE(field.value(QStringLiteral("code")).toString(), QStringLiteral("taken"));
        // Absent parts are absent, not empty.
        const QJsonObject bare =
            QJsonDocument::fromJson(
                HttpResponse::problem(ApiError(404, QStringLiteral("not-found"), QStringLiteral("Not found")), {}).body)
                .object();
        QVERIFY(!bare.contains(QStringLiteral("detail")));
        QVERIFY(!bare.contains(QStringLiteral("errors")));
        QVERIFY(!bare.contains(QStringLiteral("instance")));
    }

    void problems()
    {
        HttpRequest q;
        q.path = QStringLiteral("/api/v1/users/x");
        q.requestId = QStringLiteral("req-9");
        const HttpResponse r = HttpResponse::problem(ApiError::tooManyAttempts(30), q);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("content-type"), QByteArray("application/problem+json; charset=utf-8"));
        QCOMPARE(r.header("retry-after"), QByteArray("30"));
        QCOMPARE(r.problemType, QStringLiteral("too-many-attempts"));
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(QStringLiteral("instance")).toString(), q.path);
        QCOMPARE(body.value(QStringLiteral("request_id")).toString(), q.requestId);
        QVERIFY(!HttpResponse::problem(ApiError::unauthorized(), q).header("www-authenticate").isEmpty());
        QCOMPARE(QByteArray(reasonPhrase(404)), QByteArray("Not Found"));
        QCOMPARE(HttpResponse::noContent().status, 204);
    }

    void chunkedBodies()
    {
        int calls = 0;
        const QList<QByteArray> parts{"[", "1,", "2]", ""};
        auto r = HttpResponse::chunked([&]() -> Result<QByteArray> { return parts.at(calls++); });
        QVERIFY(r);
        QCOMPARE(r->body, QByteArray("["));
        QByteArray rest;
        while (const auto part = r->stream()) {
            if (part->isEmpty())
                break;
            rest += *part;
        }
        QCOMPARE(rest, QByteArray("1,2]"));
        // An error before the first part is still the caller's to answer; a later one breaks off.
        auto refused = HttpResponse::chunked([]() -> Result<QByteArray> { return ApiError::forbidden(); });
        QCOMPARE(refused.error().status(), 403);
        int n = 0;
        auto broken = HttpResponse::chunked([&]() -> Result<QByteArray> {
            if (n++ == 0)
                return QByteArray("first");
            return ApiError::serviceUnavailable(QStringLiteral("gone"), 1);
        });
        QVERIFY(broken && broken->stream);
        QVERIFY(!broken->stream());
        // Nothing at all: an empty body, not a stream.
        auto empty = HttpResponse::chunked([]() -> Result<QByteArray> { return QByteArray(); });
        QVERIFY(empty && !empty->stream);
    }
};

QTEST_GUILESS_MAIN(TstHttpMessage)
#include "tst_http_message.moc"
