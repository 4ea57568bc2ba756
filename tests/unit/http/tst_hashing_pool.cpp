#include "http/hashing_pool.h"

#include <QSemaphore>
#include <QThread>

#include <QTest>
#include <atomic>
#include <cerrno>
#include <thread>

#include <sys/resource.h>

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
        QSemaphore started;
        QSemaphore release;
        std::atomic<int> ran{0};
        const auto job = [&] {
            started.release();
            release.acquire();
            ++ran;
        };
        for (int i = 0; i < 4; ++i)
            QVERIFY(pool.tryRun(job));
        QVERIFY(started.tryAcquire(1, 5000)); // one runs (and blocks), three wait
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

    // Hashing runs at the priority of the pool's maker, whichever thread hands it work: the
    // request threads that do run below it, and a thread inherits its maker's priority.
    void threadsKeepTheMakersPriority()
    {
        errno = 0;
        const int mine = ::getpriority(PRIO_PROCESS, 0);
        QCOMPARE(errno, 0);
        if (mine > 16)
            QSKIP("this test runs at the lowest priority already");
        HashingPool pool(2, 2);
        std::atomic<int> seen[2] = {-100, -100};
        QSemaphore done;
        bool handedOver = true;
        std::thread lower([&] {
            handedOver = ::setpriority(PRIO_PROCESS, 0, mine + 3) == 0;
            for (auto &s : seen)
                handedOver = pool.tryRun([&] {
                    s = ::getpriority(PRIO_PROCESS, 0);
                    QThread::msleep(50); // both run at once, on both threads
                    done.release();
                }) && handedOver;
        });
        lower.join();
        QVERIFY(handedOver);
        QVERIFY(done.tryAcquire(2, 5000));
        QCOMPARE(seen[0].load(), mine);
        QCOMPARE(seen[1].load(), mine);
    }
};

QTEST_GUILESS_MAIN(TstHashingPool)
#include "tst_hashing_pool.moc"
