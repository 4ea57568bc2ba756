// RFC 3339 times as the API writes and reads them.
#include "core/clock.h"

#include <QTest>

using namespace keyward;

class TstClock : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void formatsUtcWithMilliseconds()
    {
        QCOMPARE(formatTime(0), QStringLiteral("1970-01-01T00:00:00.000Z"));
        QCOMPARE(formatTime(1'767'323'045'678), QStringLiteral("2026-01-02T03:04:05.678Z"));
    }

    void parsesAnyOffsetBackToTheSameInstant()
    {
        QCOMPARE(parseTime(QStringLiteral("2026-01-02T03:04:05.678Z")), qint64(1'767'323'045'678));
        QCOMPARE(parseTime(QStringLiteral("2026-01-02T04:04:05.678+01:00")), qint64(1'767'323'045'678));
        QCOMPARE(parseTime(QStringLiteral("2026-01-02T03:04:05Z")), qint64(1'767'323'045'000));
        const qint64 now = Clock::system().nowMs();
        QCOMPARE(parseTime(formatTime(now)), now);
    }

    void refusesWhatIsNotATime()
    {
        // (A space for the T is accepted: RFC 3339 section 5.6 lets applications agree on it.)
        for (const char *bad : {"", "yesterday", "2026-13-01T00:00:00Z", "2026-01-02", "2026-01-02T03:04:05"})
            QVERIFY2(parseTime(QString::fromLatin1(bad)) < 0, bad);
    }
};

QTEST_GUILESS_MAIN(TstClock)
#include "tst_clock.moc"
