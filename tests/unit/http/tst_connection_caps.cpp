// Connection caps: per address and in total, released exactly once, shared across threads.
#include "http/connection_caps.h"

#include <QTest>
#include <QThread>

using namespace keyward;

class TstConnectionCaps : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void perAddressAndTotal()
    {
        ConnectionCaps caps(3, 2);
        const QHostAddress a(QStringLiteral("10.0.0.1")), b(QStringLiteral("10.0.0.2")), c(QStringLiteral("::1"));
        QVERIFY(caps.tryAcquire(a));
        QVERIFY(caps.tryAcquire(a));
        QVERIFY(!caps.tryAcquire(a)); // two per address
        QVERIFY(caps.tryAcquire(b));
        QVERIFY(!caps.tryAcquire(c)); // three in all
        QCOMPARE(caps.total(), 3);
        caps.release(a);
        QVERIFY(caps.tryAcquire(c));
        QVERIFY(!caps.tryAcquire(a));
        caps.release(b);
        QVERIFY(caps.tryAcquire(a));
        QCOMPARE(caps.total(), 3);
    }

    void manyThreadsEndWhereTheyBegan()
    {
        ConnectionCaps caps(1000, 1000);
        const QHostAddress a(QStringLiteral("192.0.2.7"));
        QList<QThread *> threads;
        for (int t = 0; t < 4; ++t)
            threads << QThread::create([&] {
                for (int i = 0; i < 10'000; ++i)
                    if (caps.tryAcquire(a))
                        caps.release(a);
            });
        for (QThread *t : threads)
            t->start();
        for (QThread *t : threads) {
            t->wait();
            delete t;
        }
        QCOMPARE(caps.total(), 0);
        for (int i = 0; i < 1000; ++i)
            QVERIFY(caps.tryAcquire(a));
        QVERIFY(!caps.tryAcquire(a));
    }
};

QTEST_GUILESS_MAIN(TstConnectionCaps)
#include "tst_connection_caps.moc"
