#include "core/field_reader.h"

#include <QJsonArray>
#include <QTest>

using namespace keyward;

class TstFieldReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsTypedFieldsAndReportsAllProblems()
    {
        FieldReader r(QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                                  {QStringLiteral("count"), 3.5},
                                  {QStringLiteral("tags"), QJsonArray{QStringLiteral("a"), 1}},
                                  {QStringLiteral("flag"), true},
                                  {QStringLiteral("typo"), 1}});
        QCOMPARE(r.string(QStringLiteral("name")), std::optional<QString>(QStringLiteral("x")));
        QVERIFY(!r.integer(QStringLiteral("count")));
        QVERIFY(!r.stringList(QStringLiteral("tags")));
        QCOMPARE(r.boolean(QStringLiteral("flag")), std::optional<bool>(true));
        QVERIFY(!r.string(QStringLiteral("missing"), FieldReader::Required));
        const QList<FieldError> errors = r.finish();
        QStringList got;
        for (const FieldError &e : errors)
            got << e.field + QLatin1Char(':') + e.code;
        QCOMPARE(got, (QStringList{QStringLiteral("count:invalid_type"), QStringLiteral("tags:invalid_type"),
                                   QStringLiteral("missing:required"), QStringLiteral("typo:unknown_field")}));
    }

    void nullIsDistinctFromAbsent()
    {
        FieldReader r(QJsonObject{{QStringLiteral("display_name"), QJsonValue::Null}});
        QVERIFY(r.isNull(QStringLiteral("display_name")));
        QVERIFY(!r.isNull(QStringLiteral("other")));
        QVERIFY(r.finish().isEmpty());
        FieldReader strict(QJsonObject{{QStringLiteral("email"), QJsonValue::Null}});
        QVERIFY(!strict.string(QStringLiteral("email")));
        QCOMPARE(strict.finish().size(), 1); // null where a string is needed is a type error
    }

    void integersStayExact()
    {
        FieldReader r(QJsonObject{{QStringLiteral("a"), 42}, {QStringLiteral("b"), 1e300}});
        QCOMPARE(r.integer(QStringLiteral("a")), std::optional<qint64>(42));
        QVERIFY(!r.integer(QStringLiteral("b")));
    }
};

QTEST_GUILESS_MAIN(TstFieldReader)
#include "tst_field_reader.moc"
