// ApiError as RFC 9457 problem+json: the members a client reads, extensions beside them, and the
// statuses of the named errors the services use.
#include "core/api_error.h"

#include <QJsonArray>
#include <QTest>

using namespace keyward;

class TstApiError : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void problemMembers()
    {
        ApiError e =
            ApiError::validation({{QStringLiteral("email"), QStringLiteral("taken"), QStringLiteral("In use.")}});
        e.withExtension(QStringLiteral("mfa_token"), QStringLiteral("t"));
        const QJsonObject p = e.toProblem(QStringLiteral("/api/v1/users"), QStringLiteral("req-1"));
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
            ApiError(404, QStringLiteral("not-found"), QStringLiteral("Not found")).toProblem({}, {});
        QVERIFY(!bare.contains(QStringLiteral("detail")));
        QVERIFY(!bare.contains(QStringLiteral("errors")));
        QVERIFY(!bare.contains(QStringLiteral("instance")));
    }

    void namedErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("slug");
        QTest::addColumn<int>("actual");
        QTest::addColumn<QString>("actualSlug");
        const auto row = [](const char *name, int status, const char *slug, const ApiError &e) {
            QTest::newRow(name) << status << QString::fromLatin1(slug) << e.status() << e.slug();
        };
        row("insufficient privilege", 403, "insufficient-privilege",
            ApiError::insufficientPrivilege(QStringLiteral("x")));
        row("session required", 403, "session-required", ApiError::sessionRequired());
        row("reauthentication", 403, "reauthentication-required", ApiError::reauthenticationRequired());
        row("self-service", 403, "self-service-required", ApiError::selfServiceRequired());
        row("unauthorized", 401, "unauthorized", ApiError::unauthorized());
        row("precondition", 412, "precondition-failed", ApiError::preconditionFailed(QStringLiteral("x")));
        row("method", 405, "method-not-allowed", ApiError::methodNotAllowed());
    }

    void namedErrors()
    {
        QFETCH(int, status);
        QFETCH(QString, slug);
        QFETCH(int, actual);
        QFETCH(QString, actualSlug);
        QCOMPARE(actual, status);
        QCOMPARE(actualSlug, slug);
    }

    void retryAfterTravelsWithTheError()
    {
        QCOMPARE(ApiError::tooManyAttempts(30).retryAfterSeconds(), 30);
        QCOMPARE(ApiError::tooManyAttempts(30).status(), 429);
        QCOMPARE(ApiError::serviceUnavailable(QStringLiteral("busy"), 5).retryAfterSeconds(), 5);
        QCOMPARE(ApiError::internal().status(), 500);
    }
};

QTEST_GUILESS_MAIN(TstApiError)
#include "tst_api_error.moc"
