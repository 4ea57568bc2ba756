#include "http/rate_limiter.h"

#include <QTest>

using namespace keyward;

class TstRateLimiter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bucketsRefillContinuously()
    {
        RateLimiter limiter;
        qint64 now = 1'000'000;
        for (int i = 0; i < 60; ++i)
            QVERIFY(limiter.take("a", 60, now).allowed);
        const auto refused = limiter.take("a", 60, now);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfterSeconds, 1);
        QCOMPARE(refused.remaining, 0);
        QCOMPARE(refused.resetSeconds, 60);
        QVERIFY(limiter.take("b", 60, now).allowed); // another client is not affected
        now += 1000;                                 // one token back after a second at 60/min
        QVERIFY(limiter.take("a", 60, now).allowed);
        QVERIFY(!limiter.take("a", 60, now).allowed);
    }

    void idleBucketsAreForgotten()
    {
        RateLimiter limiter;
        for (int i = 0; i < 1000; ++i)
            QVERIFY(limiter.take(QByteArray::number(i), 100, 0).allowed);
        QCOMPARE(limiter.size(), 1000);
        limiter.take("late", 100, 10 * 60'000); // sweeps happen as traffic arrives
        for (int i = 0; i < 64; ++i)
            limiter.take(QByteArray::number(i) + "x", 100, 10 * 60'000);
        QVERIFY(limiter.size() < 200);
    }
};

QTEST_GUILESS_MAIN(TstRateLimiter)
#include "tst_rate_limiter.moc"
