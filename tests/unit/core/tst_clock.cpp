// RFC 3339 times as the API writes and reads them.
#include "core/clock.h"

#include <QDateTime>
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

    // The hand-made calendar agrees with Qt's: before 1970, leap days, centuries, the last
    // millisecond of a year, and a spread of instants up to the year 9999.
    void formatsAsQtDoes()
    {
        const auto qt = [](qint64 ms) {
            return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
        };
        QList<qint64> instants{-1,
                               -86'400'000,
                               -62'135'596'800'000,
                               951'782'400'000,
                               951'868'799'999,
                               4'107'542'399'999,
                               253'402'300'799'999};
        for (qint64 ms = -2'208'988'800'000; ms < 253'402'300'799'999; ms += 7'919'999'999'937)
            instants << ms;
        instants << -62'135'596'800'001 << 253'402'300'800'000; // just outside years 1 to 9999
        for (const qint64 ms : instants)
            QCOMPARE(formatTime(ms), qt(ms));
        QCOMPARE(formatTime(-1), QStringLiteral("1969-12-31T23:59:59.999Z"));
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
