// The statuses and slugs of the named errors the services use.
#include "core/api_error.h"

#include <QTest>

using namespace keyward;

class TstApiError : public QObject {
    Q_OBJECT
private Q_SLOTS:
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
