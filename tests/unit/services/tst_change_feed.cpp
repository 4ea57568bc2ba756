// ChangeFeed: what a node keeps in memory stands only while the feed vouches for it. A change marks
// its subject, a transaction that commits after a later one is still heard of, and a feed that is
// not read (or a clock set back) vouches for nothing.
#include "service_fixture.h"
#include "store/database.h"
#include "store/sql_error.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

namespace {
Status record(Database &db, const QString &subject)
{
    return execute(db, QStringLiteral("INSERT INTO changes (topic, subject) VALUES ('session', ?)"), {subject});
}
} // namespace

class TstChangeFeed : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aChangeMarksItsSubjectOnly_data() { TestDatabase::addBackendRows(); }
    void aChangeMarksItsSubjectOnly()
    {
        QFETCH(QString, backend);
        ServiceFixture f(QStringLiteral("RS256"), backend);
        ChangeFeed &feed = f.services->changes();
        const ChangeFeed::Stamp read = feed.stamp();
        QVERIFY(feed.isCurrent(read, ChangeFeed::Topic::Session, QStringLiteral("a")));
        QVERIFY(feed.isTopicCurrent(read, ChangeFeed::Topic::Session));
        // Written through the services' database: the commit is read at once.
        QVERIFY(record(f.services->database(), QStringLiteral("a")));
        QVERIFY(!feed.isCurrent(read, ChangeFeed::Topic::Session, QStringLiteral("a")));
        QVERIFY(feed.isCurrent(read, ChangeFeed::Topic::Session, QStringLiteral("b")));
        QVERIFY(feed.isCurrent(read, ChangeFeed::Topic::User, QStringLiteral("a")));
        // What was read across a topic's subjects is stale after a change to any of them.
        QVERIFY(!feed.isTopicCurrent(read, ChangeFeed::Topic::Session));
        QVERIFY(feed.isTopicCurrent(read, ChangeFeed::Topic::User));
        QVERIFY(feed.isTopicCurrent(feed.stamp(), ChangeFeed::Topic::Session));
        QVERIFY(feed.isCurrent(feed.stamp(), ChangeFeed::Topic::Session, QStringLiteral("a")));
    }

    // Nodes answer GET /me from memory, so any write to a user row must reach the feed: here an
    // operator's SQL that changes nothing but the display name, from outside the services.
    void everyWriteToAUserIsAChange_data() { TestDatabase::addBackendRows(); }
    void everyWriteToAUserIsAChange()
    {
        QFETCH(QString, backend);
        ServiceFixture f(QStringLiteral("RS256"), backend);
        const QString id = f.user(QStringLiteral("zoe"));
        const Principal zoe = f.principalFor(QStringLiteral("zoe"));
        QCOMPARE(f.services->users().me(zoe)->displayName, QString());
        ChangeFeed &feed = f.services->changes();
        const ChangeFeed::Stamp read = feed.stamp();
        QVERIFY(feed.isCurrent(read, ChangeFeed::Topic::User, id));
        QVERIFY(execute(f.services->database(), QStringLiteral("UPDATE users SET display_name = ? WHERE id = ?"),
                        {QStringLiteral("Zoe Z."), id}));
        QVERIFY(!feed.isCurrent(read, ChangeFeed::Topic::User, id));
        QCOMPARE(f.services->users().me(zoe)->displayName, QStringLiteral("Zoe Z."));
        // The users list takes its users from the same memory.
        UserFilter search;
        search.q = QStringLiteral("zoe");
        QCOMPARE(f.services->users().list(Principal::system(), search)->items.value(0).displayName,
                 QStringLiteral("Zoe Z."));
        QVERIFY(execute(f.services->database(), QStringLiteral("UPDATE users SET display_name = ? WHERE id = ?"),
                        {QStringLiteral("Zoe Zed"), id}));
        QCOMPARE(f.services->users().list(Principal::system(), search)->items.value(0).displayName,
                 QStringLiteral("Zoe Zed"));
        // GET /me's rendering is kept with the record, and goes with it.
        const auto meJson = [&] {
            return QJsonDocument::fromJson(f.services->users().meJson(zoe, f.clock.nowMs())->first).object();
        };
        QCOMPARE(meJson().value(QStringLiteral("display_name")), QStringLiteral("Zoe Zed"));
        QVERIFY(execute(f.services->database(), QStringLiteral("UPDATE users SET display_name = ? WHERE id = ?"),
                        {QStringLiteral("Zoe Y."), id}));
        QCOMPARE(meJson().value(QStringLiteral("display_name")), QStringLiteral("Zoe Y."));
    }

    void anUnreadFeedVouchesForNothing()
    {
        ServiceFixture f;
        ChangeFeed &feed = f.services->changes();
        const ChangeFeed::Stamp read = feed.stamp();
        QVERIFY(!feed.isCurrent({}, ChangeFeed::Topic::Roles));
        f.clock.advance(ChangeFeed::StaleAfterMs + 1); // not read for longer than that
        QVERIFY(!feed.isCurrent(read, ChangeFeed::Topic::Roles));
        QVERIFY(feed.catchUp());
        QVERIFY(feed.isCurrent(read, ChangeFeed::Topic::Roles));
        f.clock.advance(-5'000); // the clock set back
        QVERIFY(!feed.isCurrent(read, ChangeFeed::Topic::Roles));
        f.clock.advance(5'000);
        for (qint64 waited = 0; waited <= ChangeFeed::KeepMs; waited += 500) {
            f.clock.advance(500);
            QVERIFY(feed.catchUp());
        }
        QVERIFY(!feed.isCurrent(read, ChangeFeed::Topic::Roles)); // kept long enough
    }

    // PostgreSQL numbers a change when it is written: a transaction that commits after a later
    // one brings a lower number, read after the higher one. It is still heard of.
    void aChangeCommittedLateIsHeard()
    {
        if (!TestDatabase::backends().contains(QStringLiteral("postgresql")))
            QSKIP("needs PostgreSQL (SQLite has one writer at a time)");
        ServiceFixture f(QStringLiteral("RS256"), QStringLiteral("postgresql"));
        ChangeFeed &feed = f.services->changes();
        QString error;
        const auto elsewhere = Database::open(f.db.url(), &error); // another node's connection
        QVERIFY2(elsewhere, qPrintable(error));
        const ChangeFeed::Stamp read = feed.stamp();
        {
            Transaction slow(*elsewhere);
            QVERIFY(slow.active());
            QVERIFY(record(*elsewhere, QStringLiteral("slow")));
            QVERIFY(record(f.services->database(), QStringLiteral("quick"))); // commits first
            QVERIFY(!feed.isCurrent(read, ChangeFeed::Topic::Session, QStringLiteral("quick")));
            QVERIFY(feed.isCurrent(read, ChangeFeed::Topic::Session, QStringLiteral("slow")));
            QVERIFY(slow.commit());
        }
        QVERIFY(feed.catchUp());
        QVERIFY(!feed.isCurrent(read, ChangeFeed::Topic::Session, QStringLiteral("slow")));
    }

    void anUnknownTopicForgetsEverything()
    {
        ServiceFixture f;
        ChangeFeed &feed = f.services->changes();
        const ChangeFeed::Stamp read = feed.stamp();
        QVERIFY(execute(f.services->database(), QStringLiteral("INSERT INTO changes (topic) VALUES ('all')"), {}));
        QVERIFY(!feed.isCurrent(read, ChangeFeed::Topic::Keys));
        QVERIFY(feed.isCurrent(feed.stamp(), ChangeFeed::Topic::Keys));
    }
};

QTEST_GUILESS_MAIN(TstChangeFeed)
#include "tst_change_feed.moc"
