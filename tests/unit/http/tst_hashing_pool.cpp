#include "http/hashing_pool.h"

#include <QSemaphore>
#include <QTest>

using namespace keyward;

class TstHashingPool : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void refusesBeyondCapacityAndRecovers()
    {
        HashingPool pool(1, 1); // one running, one waiting
        QSemaphore release;
        QSemaphore done;
        const auto job = [&] {
            release.acquire();
            done.release();
        };
        QVERIFY(pool.tryRun(job));
        QVERIFY(pool.tryRun(job));
        QVERIFY(!pool.tryRun(job)); // full: the caller answers 503
        QCOMPARE(pool.pending(), 2);
        release.release(2);
        QVERIFY(done.tryAcquire(2, 5000));
        pool.waitForDone();
        QCOMPARE(pool.pending(), 0);
        QVERIFY(pool.tryRun([&] { done.release(); }));
        QVERIFY(done.tryAcquire(1, 5000));
    }
};

QTEST_GUILESS_MAIN(TstHashingPool)
#include "tst_hashing_pool.moc"
