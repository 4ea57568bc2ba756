// JsonWriter: what it writes is JSON that Qt's parser reads back as the values given, whatever the
// strings hold, with commas only between elements.
#include "core/json_writer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

using namespace keyward;

class TstJsonWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesCompactJsonInOrder()
    {
        JsonWriter w;
        w.beginObject();
        w.key("b").value(qint64(-9'007'199'254'740'993));
        w.key("a").beginArray().value(true).value(false).null().beginObject().endObject().beginArray().endArray();
        w.endArray();
        w.key("s").valueOrNull(QString());
        w.key("e").beginObject().key("x").value(1).endObject();
        w.endObject();
        QCOMPARE(w.bytes(), QByteArray(R"({"b":-9007199254740993,"a":[true,false,null,{},[]],"s":null,"e":{"x":1}})"));
    }

    void stringsSurviveTheRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString(QStringLiteral(""));
        QTest::newRow("quotes and backslashes") << QStringLiteral(R"(say "hi" \ C:\path\)");
        QTest::newRow("control characters") << QString::fromUtf16(u"\u0000\u0001\b\f\n\r\t\u001f\u007f end");
        QTest::newRow("non-ASCII") << QString::fromUtf16(u"Zoë Ωmega 東京 \U0001F510");
        QTest::newRow("line separators") << QString::fromUtf16(u"a\u2028b\u2029c");
        QTest::newRow("html") << QStringLiteral("</script><!--");
        QTest::newRow("ASCII, then more") << QString::fromUtf16(u"plain-ascii@example.com\u00e9\"\n");
        QTest::newRow("long") << QString(5'000, QLatin1Char('x')) + QString::fromUtf16(u"\u00fc");
    }

    void stringsSurviveTheRoundTrip()
    {
        QFETCH(QString, text);
        JsonWriter w;
        w.beginObject().key(text).value(text).key("list").beginArray().value(text).value(text).endArray().endObject();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(w.bytes(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value(text).toString(), text);
        QCOMPARE(doc.object().value(QStringLiteral("list")).toArray(), (QJsonArray{text, text}));
        // Raw control characters never reach the output.
        for (const char c : w.bytes())
            QVERIFY(static_cast<unsigned char>(c) >= 0x20);
    }

    // Times as Qt writes them, the slow way included (a year beyond four digits).
    void writesTimesAsFormatTimeDoes()
    {
        for (const qint64 ms : {qint64(0), qint64(1'700'000'000'123), qint64(-1), qint64(-62'135'596'800'000),
                                qint64(253'402'300'799'999), qint64(253'402'300'800'000)}) {
            JsonWriter w;
            w.beginArray().time(ms).time(ms).endArray();
            const QString expected =
                QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
            QCOMPARE(QJsonDocument::fromJson(w.bytes()).array(), QJsonArray({expected, expected}));
        }
    }

    // Doubles as Qt writes them: the shortest text that reads back the same; no NaN in JSON.
    void writesDoublesAsQtDoes()
    {
        for (const double d : {0.0, 3.0, 0.1, -2.5, 1.0 / 3, 1e300, 12.345678901234567, 1e-7}) {
            JsonWriter w;
            w.beginArray().value(d).endArray();
            QCOMPARE(w.bytes(), QJsonDocument(QJsonArray{d}).toJson(QJsonDocument::Compact));
            QCOMPARE(QJsonDocument::fromJson(w.bytes()).array().first().toDouble(), d);
        }
        JsonWriter w;
        w.beginArray().value(std::nan("")).value(std::numeric_limits<double>::infinity()).endArray();
        QCOMPARE(w.bytes(), QByteArray("[null,null]"));
    }

    void embedsWrittenJson()
    {
        JsonWriter inner;
        inner.beginArray().value(1).value(2).endArray();
        JsonWriter w;
        w.beginArray().raw(inner.bytes()).raw(inner.bytes()).endArray();
        QCOMPARE(w.bytes(), QByteArray("[[1,2],[1,2]]"));
    }
};

QTEST_GUILESS_MAIN(TstJsonWriter)
#include "tst_json_writer.moc"
