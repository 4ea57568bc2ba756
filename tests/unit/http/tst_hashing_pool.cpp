#include "http/hashing_pool.h"

#include <QSemaphore>
#include <QThread>

#include <QTest>
#include <atomic>
#include <thread>

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
        QTRY_COMPARE(pool.pending(), 0);
        QVERIFY(pool.tryRun([&] { done.release(); }));
        QVERIFY(done.tryAcquire(1, 5000));
    }

    // Shutdown drops what waits, lets what runs finish in the time given, and takes nothing new.
    void shutdownDropsWaitingJobs()
    {
        HashingPool pool(1, 4);
        QSemaphore release;
        std::atomic<int> ran{0};
        const auto job = [&] {
            release.acquire();
            ++ran;
        };
        for (int i = 0; i < 4; ++i)
            QVERIFY(pool.tryRun(job)); // one runs (and blocks), three wait
        // The running one is let go while shutdown waits for it; the waiting ones never start.
        std::thread releaser([&] {
            QThread::msleep(200);
            release.release(4);
        });
        pool.shutdown(10'000);
        releaser.join();
        QCOMPARE(ran.load(), 1);
        QVERIFY(!pool.tryRun(job));
    }
};

QTEST_GUILESS_MAIN(TstHashingPool)
#include "tst_hashing_pool.moc"
