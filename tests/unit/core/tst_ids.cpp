#include "core/ids.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace keyward;

class TstIds : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void uuidV7Layout()
    {
        const QString id = newId(0x0189'ABCD'EF01);
        QVERIFY(isValidId(id));
        QVERIFY(id.startsWith(QStringLiteral("0189abcd-ef01-7")));
        QVERIFY(QStringLiteral("89ab").contains(id.at(19)));
    }

    void sortsByTimeAndIsUnique()
    {
        QSet<QString> seen;
        QString previous;
        for (qint64 t = 1'700'000'000'000; t < 1'700'000'000'000 + 2000; ++t) {
            const QString id = newId(t);
            QVERIFY(id > previous);
            QVERIFY(!seen.contains(id));
            seen.insert(id);
            previous = id;
        }
    }

    // Many ids in one millisecond (a bulk import) still sort in the order they were made.
    void sortsByCreationWithinAMillisecond()
    {
        QString previous = newId(1'800'000'000'000);
        for (int i = 0; i < 5000; ++i) {
            const QString id = newId(1'800'000'000'000);
            QVERIFY2(id > previous, qPrintable(previous + QLatin1String(" then ") + id));
            QVERIFY(isValidId(id));
            previous = id;
        }
    }

    // W3C Trace Context: 32 lower-case hex digits, never all zeros, a new one each time.
    void traceIdsAreW3CTraceIds()
    {
        static const QRegularExpression shape(QStringLiteral("^[0-9a-f]{32}$"));
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i) {
            const QString id = newTraceId();
            QVERIFY2(shape.match(id).hasMatch(), qPrintable(id));
            QVERIFY(id != QString(32, QLatin1Char('0')));
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 1000);
    }

    void rejectsNonIds()
    {
        QVERIFY(!isValidId(QStringLiteral("not-an-id")));
        QVERIFY(!isValidId(QStringLiteral("0189ABCD-EF01-7000-8000-000000000000"))); // upper case
        QVERIFY(!isValidId(QStringLiteral("0189abcd_ef01-7000-8000-000000000000")));
        QVERIFY(!isValidId(QStringLiteral("0189abcd-ef01-7000-8000-00000000000g")));
    }
};

QTEST_GUILESS_MAIN(TstIds)
#include "tst_ids.moc"
