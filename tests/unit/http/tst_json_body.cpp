// Request bodies: JSON only, nesting bounded before Qt's parser sees it, errors that say where.
#include "http/json_body.h"

#include <QTest>

using namespace keyward;

class TstJsonBody : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesObjectsAndArrays()
    {
        const auto object = parseJsonBody(R"({"a":[1,{"b":null}]})");
        QVERIFY(object && object->isObject());
        QVERIFY(parseJsonBody("[1,2]")->isArray());
    }

    void boundsTheDepth()
    {
        const QByteArray deep = QByteArray(33, '[') + QByteArray(33, ']');
        const auto refused = parseJsonBody(deep);
        QVERIFY(!refused);
        QCOMPARE(refused.error().status(), 400);
        QVERIFY(parseJsonBody(QByteArray(32, '[') + QByteArray(32, ']')));
        // Brackets inside strings are text, not depth.
        QVERIFY(parseJsonBody("{\"s\":\"" + QByteArray(100, '[') + "\"}"));
        QVERIFY(!parseJsonBody(QByteArray(5, '{'), 4));
    }

    void saysWhereItBroke()
    {
        const auto broken = parseJsonBody(R"({"a": 1,})");
        QVERIFY(!broken);
        QCOMPARE(broken.error().status(), 400);
        QVERIFY2(broken.error().detail().contains(QLatin1String("offset")) ||
                     broken.error().detail().contains(QLatin1String("position")),
                 qPrintable(broken.error().detail()));
        QVERIFY(!parseJsonBody(""));
        QVERIFY(!parseJsonBody("nul"));
    }

    void contentTypes()
    {
        QVERIFY(isJsonContentType("application/json"));
        QVERIFY(isJsonContentType("application/json; charset=utf-8"));
        QVERIFY(isJsonContentType("application/problem+json"));
        QVERIFY(isJsonContentType("Application/JSON"));
        QVERIFY(!isJsonContentType("text/plain"));
        QVERIFY(!isJsonContentType("application/jsonp"));
        QVERIFY(!isJsonContentType(""));
    }
};

QTEST_GUILESS_MAIN(TstJsonBody)
#include "tst_json_body.moc"
