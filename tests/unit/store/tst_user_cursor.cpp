// The users list's keyset cursor: what it encodes comes back, and anything it did not make is refused.
#include "crypto/digest.h"
#include "store/user_cursor.h"

#include <QTest>

using namespace keyward;

class TstUserCursor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrips()
    {
        const UserCursor text{QStringLiteral("username"), QStringLiteral("zoë"), QStringLiteral("0190a1b2-id"), true};
        const auto back = UserCursor::decode(text.encode());
        QVERIFY(back);
        QCOMPARE(back->sort, text.sort);
        QCOMPARE(back->key.toString(), QStringLiteral("zoë"));
        QCOMPARE(back->id, text.id);
        QVERIFY(back->before);
        const UserCursor time{QStringLiteral("-created_at"), qint64(1'767'323'045'678), QStringLiteral("x"), false};
        const auto t = UserCursor::decode(time.encode());
        QVERIFY(t);
        QCOMPARE(t->key.toLongLong(), qint64(1'767'323'045'678));
        QVERIFY(!t->before);
        // Opaque to clients, and URL-safe.
        QVERIFY(!text.encode().contains(QLatin1Char('=')) && !text.encode().contains(QLatin1Char('+')));
    }

    void refusesWhatItDidNotMake()
    {
        for (const char *bad : {"", "not base64!", "e30", /* {} */ "W10" /* [] */})
            QVERIFY2(!UserCursor::decode(QString::fromLatin1(bad)), bad);
        const auto json = [](const QByteArray &text) { return QString::fromLatin1(crypto::base64Url(text)); };
        QVERIFY(!UserCursor::decode(json(R"({"s":"username","k":"a"})")));             // no id
        QVERIFY(!UserCursor::decode(json(R"({"s":"created_at","k":1e300,"i":"x"})"))); // not a time
        QVERIFY(!UserCursor::decode(json(R"({"s":"created_at","k":1.5,"i":"x"})")));
    }
};

QTEST_GUILESS_MAIN(TstUserCursor)
#include "tst_user_cursor.moc"
