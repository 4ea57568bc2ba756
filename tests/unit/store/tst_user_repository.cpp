#include "core/ids.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/user_repository.h"
#include "test_database.h"

#include <QSet>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

namespace {
User user(const QString &username, const QString &email, const QString &displayName = {})
{
    static qint64 t = 1'790'000'000'000;
    User u;
    u.createdAt = u.updatedAt = ++t;
    u.id = newId(u.createdAt);
    u.username = username;
    u.email = email;
    u.displayName = displayName;
    u.roles = {QStringLiteral("user")};
    return u;
}
} // namespace

class TstUserRepository : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<TestDatabase> db()
    {
        QFETCH(QString, backend);
        auto t = std::make_unique<TestDatabase>(backend);
        if (!t->database() || !Migrations(*t->database()).migrate().isEmpty())
            qFatal("no database");
        return t;
    }
    void backends() { TestDatabase::addBackendRows(); }

private Q_SLOTS:
    // Role filters take one plan for rare roles and another for common ones: both find the same.
    void roleFilterOnRareAndCommonRoles_data() { backends(); }
    void roleFilterOnRareAndCommonRoles()
    {
        auto t = db();
        UserRepository repo(*t->database());
        const int common = 10'050; // beyond the rare-role limit
        {
            Transaction tx(*t->database());
            for (int i = 0; i < common; ++i) {
                User u = user(QStringLiteral("u%1").arg(i, 5, 10, QLatin1Char('0')),
                              QStringLiteral("u%1@example.com").arg(i));
                if (i % 1000 == 7)
                    u.roles << QStringLiteral("auditor");
                QVERIFY(repo.insert(u, {}).ok());
            }
            QVERIFY(tx.commit());
        }
        UserFilter f;
        f.limit = 200;
        f.sort = QStringLiteral("username");
        for (const QString &role : {QStringLiteral("auditor"), QStringLiteral("user")}) {
            f.role = role;
            f.cursor.clear();
            auto page = repo.list(f);
            QVERIFY(page.ok());
            const qint64 expected = role == QLatin1String("auditor") ? 11 : common;
            QCOMPARE(page->total, expected);
            QCOMPARE(page->items.size(), qMin<qint64>(expected, 200));
            QCOMPARE(page->items.first().username,
                     role == QLatin1String("auditor") ? QStringLiteral("u00007") : QStringLiteral("u00000"));
            for (const User &u : page->items)
                QVERIFY(u.roles.contains(role));
            if (!page->nextCursor.isEmpty()) {
                f.cursor = page->nextCursor;
                auto next = repo.list(f);
                QVERIFY(next.ok());
                QCOMPARE(next->items.first().username, QStringLiteral("u00200"));
            }
        }
    }

    // Walking back from the last page by prevCursor meets the same pages as walking forward, also
    // where sort keys tie (never-logged-in users all sort at 0) and in descending order.
    void pagesBothWays_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("sort");
        QTest::addColumn<QString>("q");
        // Every user, and a search that finds them all (by their e-mail address) through its index.
        for (const QString &b : TestDatabase::backends())
            for (const char *sort : {"username", "-created_at", "last_login_at", "-last_login_at"})
                for (const char *q : {"", "xample"})
                    QTest::addRow("%s %s '%s'", qPrintable(b), sort, q)
                        << b << QString::fromLatin1(sort) << QString::fromLatin1(q);
    }
    void pagesBothWays()
    {
        QFETCH(QString, sort);
        QFETCH(QString, q);
        auto t = db();
        UserRepository repo(*t->database());
        for (int i = 0; i < 23; ++i) {
            User u = user(QStringLiteral("p%1").arg((i * 7) % 23, 2, 10, QLatin1Char('0')),
                          QStringLiteral("p%1@example.com").arg(i));
            u.lastLoginAt = i % 3 == 0 ? 0 : 1'800'000'000'000 + i / 4;
            QVERIFY(repo.insert(u, {}).ok());
        }
        UserFilter f;
        f.sort = sort;
        f.q = q;
        f.limit = 5;
        QList<QStringList> forward;
        QList<QString> prevCursors;
        do {
            auto page = repo.list(f);
            QVERIFY(page.ok());
            QCOMPARE(page->prevCursor.isEmpty(), f.cursor.isEmpty());
            QStringList ids;
            for (const User &u : page->items)
                ids << u.id;
            forward << ids;
            prevCursors << page->prevCursor;
            f.cursor = page->nextCursor;
            f.countTotal = false;
            QCOMPARE(page->total, forward.size() == 1 ? 23 : -1);
        } while (!f.cursor.isEmpty());
        QCOMPARE(forward.size(), 5);
        QStringList all;
        for (const QStringList &ids : forward)
            all += ids;
        QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), 23);

        f.cursor = prevCursors.last();
        for (qsizetype i = forward.size() - 2; i >= 0; --i) {
            auto page = repo.list(f);
            QVERIFY(page.ok());
            QStringList ids;
            for (const User &u : page->items)
                ids << u.id;
            QCOMPARE(ids, forward.at(i));
            QVERIFY(!page->nextCursor.isEmpty());
            QCOMPARE(page->prevCursor.isEmpty(), i == 0);
            f.cursor = page->prevCursor;
        }
        // A backward page's next cursor leads forward again.
        f.cursor = prevCursors.last();
        f.cursor = repo.list(f)->nextCursor;
        const auto last = repo.list(f);
        QVERIFY(last.ok());
        QStringList again;
        for (const User &u : last->items)
            again << u.id;
        QCOMPARE(again, forward.last());

        // A page at an offset is the rows from there, with cursors both ways.
        f.cursor.clear();
        f.offset = 7;
        const auto jumped = repo.list(f);
        QVERIFY(jumped.ok());
        QStringList atSeven;
        for (const User &u : jumped->items)
            atSeven << u.id;
        QCOMPARE(atSeven, all.mid(7, 5));
        f.offset = 0;
        f.cursor = jumped->prevCursor;
        const auto above = repo.list(f);
        QVERIFY(above.ok());
        QStringList before;
        for (const User &u : above->items)
            before << u.id;
        QCOMPARE(before, all.mid(2, 5));
        f.cursor = jumped->nextCursor;
        const auto below = repo.list(f);
        QVERIFY(below.ok() && !below->items.isEmpty());
        QCOMPARE(below->items.first().id, all.at(12));
    }

    // A page of ids only is the same page, with the same cursors, as one of whole users; findMany
    // gives the users of any ids (deleted ones too), whatever their number, and skips unknown ids.
    void idsOnlyPagesMatchWholePages_data() { backends(); }
    void idsOnlyPagesMatchWholePages()
    {
        auto t = db();
        UserRepository repo(*t->database());
        QStringList inserted;
        for (int i = 0; i < 60; ++i) {
            User u = user(QStringLiteral("ids%1").arg(i, 2, 10, QLatin1Char('0')),
                          QStringLiteral("ids%1@example.com").arg(i));
            u.displayName = QStringLiteral("Ids %1").arg(i);
            QVERIFY(repo.insert(u, {}).ok());
            inserted << u.id;
            if (i == 3) {
                u.deletedAt = 1;
                QVERIFY(repo.update(u).ok());
            }
        }
        UserFilter f;
        f.sort = QStringLiteral("-username");
        f.limit = 7;
        f.q = QStringLiteral("ids");
        const auto whole = repo.list(f);
        const auto ids = repo.list(f, UserRepository::Rows::Ids);
        QVERIFY(whole.ok() && ids.ok());
        QCOMPARE(ids->items.size(), whole->items.size());
        for (qsizetype i = 0; i < ids->items.size(); ++i) {
            QCOMPARE(ids->items.at(i).id, whole->items.at(i).id);
            QVERIFY(ids->items.at(i).username.isEmpty());
        }
        QCOMPARE(ids->nextCursor, whole->nextCursor);
        QCOMPARE(ids->total, whole->total);
        QCOMPARE(ids->total, qint64(59));

        QStringList asked = inserted;
        asked.insert(10, newId(1));
        const auto found = repo.findMany(asked);
        QVERIFY(found.ok());
        QCOMPARE(found->size(), 60);
        QVERIFY(found->value(inserted.at(3)).isDeleted());
        QCOMPARE(found->value(inserted.at(59)).displayName, QStringLiteral("Ids 59"));
        QCOMPARE(found->value(inserted.at(59)).roles, QStringList{QStringLiteral("user")});
    }

    void uniquenessFoldsCase_data() { backends(); }
    void uniquenessFoldsCase()
    {
        auto t = db();
        UserRepository repo(*t->database());
        QVERIFY(repo.insert(user(QStringLiteral("Anna"), QStringLiteral("änne@example.de")), {}).ok());
        auto dup = repo.insert(user(QStringLiteral("anna"), QStringLiteral("other@example.de")), {});
        QVERIFY(!dup);
        QCOMPARE(dup.error().status(), 409);
        QCOMPARE(dup.error().fieldErrors().first().field, QStringLiteral("username"));
        // Unicode folding, not just ASCII (SQLite's NOCASE would miss this one).
        auto dupMail = repo.insert(user(QStringLiteral("anna2"), QStringLiteral("ÄNNE@EXAMPLE.DE")), {});
        QVERIFY(!dupMail);
        QCOMPARE(dupMail.error().fieldErrors().first().field, QStringLiteral("email"));
        QVERIFY(repo.findByLogin(QStringLiteral("ANNA")).ok());
        QVERIFY(repo.findByLogin(QStringLiteral("Änne@Example.de")).ok());
    }

    void substringSearchUsesEveryField_data() { backends(); }
    void substringSearchUsesEveryField()
    {
        auto t = db();
        UserRepository repo(*t->database());
        QVERIFY(
            repo.insert(user(QStringLiteral("jdoe"), QStringLiteral("john@corp.example"), QStringLiteral("John Doe")),
                        {})
                .ok());
        QVERIFY(repo.insert(user(QStringLiteral("mmustermann"), QStringLiteral("max@firma.example"),
                                 QStringLiteral("Max Mustermann")),
                            {})
                    .ok());
        QVERIFY(repo.insert(user(QStringLiteral("q_bert"), QStringLiteral("100%@odd.example")), {}).ok());
        QVERIFY(repo.insert(user(QString::fromUtf16(u"ab\U0001F600x"), QStringLiteral("emoji@odd.example")), {}).ok());
        const auto count = [&](const QString &q) {
            UserFilter f;
            f.q = q;
            return repo.list(f).value().total;
        };
        QCOMPARE(count(QStringLiteral("muster")), 1);  // username middle
        QCOMPARE(count(QStringLiteral("CORP.EX")), 1); // email, any case
        QCOMPARE(count(QStringLiteral("n Do")), 1);    // display name across the space
        QCOMPARE(count(QStringLiteral("example")), 4);
        QCOMPARE(count(QStringLiteral("xyz")), 0);
        QCOMPARE(count(QStringLiteral("q_b")), 1); // LIKE wildcards are literal
        QCOMPARE(count(QStringLiteral("_be")), 1);
        QCOMPARE(count(QStringLiteral("0%@")), 1);
        QCOMPARE(count(QStringLiteral("%@o")), 1);
        // One or two characters match the start of the username or e-mail address, in any case.
        QCOMPARE(count(QStringLiteral("JD")), 1);
        QCOMPARE(count(QStringLiteral("ma")), 1); // max@
        QCOMPARE(count(QStringLiteral("m")), 1);  // mmustermann (and max@): one user
        QCOMPARE(count(QStringLiteral("q_")), 1);
        QCOMPARE(count(QStringLiteral("_")), 0); // literal, and only at the start
        QCOMPARE(count(QStringLiteral("%")), 0);
        QCOMPARE(count(QStringLiteral("10")), 1); // 100%@
        QCOMPARE(count(QStringLiteral("oe")), 0); // not the middle
        QCOMPARE(count(QStringLiteral("AB")), 1); // ab😀x: its key sorts within the prefix's range
        QCOMPARE(count(QStringLiteral("Jo")), 1); // john@, not the display name
        QCOMPARE(count(QStringLiteral("\"")), 0); // FTS syntax cannot break out
        QCOMPARE(count(QStringLiteral("\"x\" OR \"")), 0);
        QCOMPARE(count(QStringLiteral("bert\"")), 0);
        QCOMPARE(count(QString::fromUtf16(u"b\U0001F600x")), 1); // three code points: a substring
        QCOMPARE(count(QString::fromUtf16(u"\U0001F600x")), 0);  // two (four UTF-16 units): the start only

        // Counted up to a bound: exact below it, "at least the bound" above.
        UserFilter bounded;
        bounded.q = QStringLiteral("example");
        bounded.countUpTo = 2;
        auto page = repo.list(bounded);
        QCOMPARE(page->total, 2);
        QVERIFY(!page->totalExact);
        QCOMPARE(page->items.size(), 4); // the page itself is whole
        bounded.countUpTo = 4;
        page = repo.list(bounded);
        QCOMPARE(page->total, 4);
        QVERIFY(page->totalExact);
        bounded.countUpTo = 0;
        QVERIFY(repo.list(bounded)->totalExact);
    }

    // On SQLite, a search that matches more than a thousand users pages along the sort order and
    // is counted from the trigram index: the same rows, pages and totals as a rare one, and every
    // other filter still applies to the count. (PostgreSQL has one way for every search.)
    // Matches that lie together far along the sort order (users made one after another) are found
    // through the index once the walk does not fill a page: every page, forward and back, is whole.
    void denseSearchesFarAlongTheSortOrder()
    {
        auto t = std::make_unique<TestDatabase>(QStringLiteral("sqlite"));
        QVERIFY(t->database() && Migrations(*t->database()).migrate().isEmpty());
        UserRepository repo(*t->database());
        {
            Transaction tx(*t->database());
            for (int i = 0; i < 5'100; ++i) // more than a dense search walks
                QVERIFY(
                    repo.insert(user(QStringLiteral("plain%1").arg(i), QStringLiteral("p%1@example.com").arg(i)), {})
                        .ok());
            // The trigram index folds the Kelvin sign to "k", LIKE does not: a page found through the
            // index shows no user that the walk would not.
            QVERIFY(repo.insert(user(QStringLiteral("odd"), QStringLiteral("odd@example.com"),
                                     QString::fromUtf16(u"\u212Aater")),
                                {})
                        .ok());
            for (int i = 0; i < 1'030; ++i) // more than the probe reads by number
                QVERIFY(repo.insert(user(QStringLiteral("kater%1").arg(i, 4, 10, QLatin1Char('0')),
                                         QStringLiteral("k%1@example.com").arg(i)),
                                    {})
                            .ok());
            QVERIFY(tx.commit());
        }
        for (const QString &sort : {QStringLiteral("created_at"), QStringLiteral("-created_at")}) {
            UserFilter f;
            f.q = QStringLiteral("kater");
            f.sort = sort;
            f.limit = 100;
            QStringList seen;
            QString prev;
            do {
                const auto page = repo.list(f);
                QVERIFY(page);
                QCOMPARE(page->items.size(), seen.size() < 1'000 ? 100 : 30);
                for (const User &u : page->items)
                    seen << u.username;
                prev = page->prevCursor;
                f.cursor = page->nextCursor;
            } while (!f.cursor.isEmpty());
            QCOMPARE(seen.size(), 1'030);
            QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 1'030);
            QCOMPARE(seen.first(),
                     sort == QLatin1String("created_at") ? QStringLiteral("kater0000") : QStringLiteral("kater1029"));
            f.cursor = prev; // back from the last page
            const auto back = repo.list(f);
            QVERIFY(back);
            QCOMPARE(back->items.size(), 100);
            QCOMPARE(back->items.last().username, seen.at(999));
        }
    }

    void denseSearchesPageAndCount()
    {
        auto t = std::make_unique<TestDatabase>(QStringLiteral("sqlite"));
        QVERIFY(t->database() && Migrations(*t->database()).migrate().isEmpty());
        UserRepository repo(*t->database());
        {
            Transaction tx(*t->database());
            for (int i = 0; i < 1'050; ++i)
                QVERIFY(repo.insert(user(QStringLiteral("dense%1").arg(i, 4, 10, QLatin1Char('0')),
                                         QStringLiteral("d%1@example.com").arg(i),
                                         QString::fromUtf16(u"\u00c9l\u00e8ve %1").arg(i)),
                                    {})
                            .ok());
            QVERIFY(tx.commit());
        }
        QVERIFY(repo.insert(user(QStringLiteral("rare-one"), QStringLiteral("rare@example.org")), {}).ok());
        UserFilter f;
        f.q = QStringLiteral("DENSE");
        f.limit = 20;
        f.countUpTo = 1'000;
        auto page = repo.list(f);
        QVERIFY(page);
        QCOMPARE(page->total, 1'000);
        QVERIFY(!page->totalExact);
        QCOMPARE(page->items.size(), 20);
        QCOMPARE(page->items.first().username, QStringLiteral("dense0000"));
        f.cursor = page->nextCursor;
        page = repo.list(f);
        QCOMPARE(page->items.first().username, QStringLiteral("dense0020"));
        f.cursor.clear();
        f.countUpTo = 5'000; // beyond what the index was asked: counted to the end
        page = repo.list(f);
        QCOMPARE(page->total, 1'050);
        QVERIFY(page->totalExact);
        f.countUpTo = 0;
        QCOMPARE(repo.list(f)->total, 1'050);
        f.status = User::Status::Disabled; // other filters apply to the count and to the page
        for (const qint64 bound : {0, 1'000}) {
            f.countUpTo = bound;
            page = repo.list(f);
            QCOMPARE(page->total, 0);
            QVERIFY(page->totalExact);
            QVERIFY(page->items.isEmpty());
        }
        f.status.reset();
        f.includeDeleted = true;
        f.q = QStringLiteral("example.org");
        QCOMPARE(repo.list(f)->total, 1);

        // Beyond ASCII, LIKE does not fold case as the trigram index does: such a search pages
        // through the index whatever it matches, and shows what it counted.
        f = {};
        f.q = QString::fromUtf16(u"\u00e9L\u00c8");
        f.limit = 20;
        f.countUpTo = 1'000;
        page = repo.list(f);
        QCOMPARE(page->total, 1'000);
        QVERIFY(!page->totalExact);
        QCOMPARE(page->items.size(), 20);
        QCOMPARE(page->items.first().username, QStringLiteral("dense0000"));

        // A short search that matches more than a thousand walks the sort order too.
        f = {};
        f.q = QStringLiteral("De");
        f.limit = 20;
        f.countUpTo = 1'000;
        page = repo.list(f);
        QCOMPARE(page->total, 1'000);
        QVERIFY(!page->totalExact);
        QCOMPARE(page->items.last().username, QStringLiteral("dense0019"));
        f.cursor = page->nextCursor;
        QCOMPARE(repo.list(f)->items.first().username, QStringLiteral("dense0020"));
        f.cursor.clear();
        f.countUpTo = 0;
        QCOMPARE(repo.list(f)->total, 1'050);
        f.q = QStringLiteral("ra");
        page = repo.list(f);
        QCOMPARE(page->total, 1);
        QCOMPARE(page->items.first().username, QStringLiteral("rare-one"));
    }

    void totalsStayExact_data() { backends(); }
    void totalsStayExact()
    {
        auto t = db();
        UserRepository repo(*t->database());
        QList<User> users;
        for (int i = 0; i < 6; ++i) {
            users << user(QStringLiteral("count%1").arg(i), QStringLiteral("count%1@example.com").arg(i));
            QVERIFY(repo.insert(users.last(), {}).ok());
        }
        users[0].status = User::Status::Disabled;
        QVERIFY(repo.update(users[0]).ok());
        users[1].deletedAt = 1;
        QVERIFY(repo.update(users[1]).ok());
        users[2].status = User::Status::Disabled;
        users[2].deletedAt = 1;
        QVERIFY(repo.update(users[2]).ok());
        QVERIFY(repo.purge(users[3].id).ok());
        ++users[1].version;
        users[1].deletedAt = 0; // restored
        QVERIFY(repo.update(users[1]).ok());
        // Every combination agrees with a real count(*) (a search filter forces one).
        for (const std::optional<User::Status> status :
             {std::optional<User::Status>(), std::optional(User::Status::Active),
              std::optional(User::Status::Disabled)}) {
            for (bool deleted : {false, true}) {
                UserFilter fast, scanned;
                fast.status = scanned.status = status;
                fast.includeDeleted = scanned.includeDeleted = deleted;
                scanned.q = QStringLiteral("example.com");
                QCOMPARE(repo.list(fast)->total, repo.list(scanned)->total);
            }
        }
        UserFilter all;
        all.includeDeleted = true;
        QCOMPARE(repo.list(all)->total, 5);
        QCOMPARE(repo.list(UserFilter())->total, 4);
    }

    void versionCheckedUpdates_data() { backends(); }
    void versionCheckedUpdates()
    {
        auto t = db();
        UserRepository repo(*t->database());
        User u = user(QStringLiteral("vera"), QStringLiteral("vera@example.com"));
        QVERIFY(repo.insert(u, {}).ok());
        u.displayName = QStringLiteral("V");
        QVERIFY(repo.update(u).ok());
        auto stale = repo.update(u); // still version 1
        QVERIFY(!stale);
        QCOMPARE(stale.error().status(), 412);
        QCOMPARE(repo.find(u.id)->user.version, 2);
    }
};

QTEST_GUILESS_MAIN(TstUserRepository)
#include "tst_user_repository.moc"
