#include "service_fixture.h"
#include "store/migrations.h"
#include "store/user_repository.h"

#include <QSqlQuery>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

namespace {

constexpr qint64 Day = 86'400'000;

} // namespace

class TstOverviewService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsFollowEveryChange_data() { backends(); }
    // The counters the triggers keep move with each kind of change, on both databases, and what a
    // day or a restored account does to them.
    void countsFollowEveryChange()
    {
        QFETCH(QString, backend);
        ServiceFixture f(QStringLiteral("RS256"), backend);
        const auto overview = [&] { return f.services->overview().overview(Principal::system()).value(); };
        Overview empty = overview();
        QCOMPARE(empty.users.users(), qint64(0));
        QCOMPARE(empty.users.days.size(), OverviewService::Days);
        QVERIFY(empty.signingKeyCreatedAt > 0);
        QCOMPARE(empty.users.lastBackupAt, qint64(0));

        const QString ann = f.user(QStringLiteral("ann"));
        const QString bob = f.user(QStringLiteral("bob"));
        const QString cyd = f.user(QStringLiteral("cyd"));
        QCOMPARE(overview().users.neverLoggedIn, qint64(3));
        const Principal home = Principal::anonymous(QStringLiteral("198.51.100.7"));
        const Principal away = Principal::anonymous(QStringLiteral("203.0.113.9"));
        QVERIFY(f.services->auth().login(home, QStringLiteral("ann"), QStringLiteral("ann password")).ok());
        QVERIFY(f.services->auth().login(home, QStringLiteral("ann"), QStringLiteral("ann password")).ok());
        // Five wrong passwords lock bob (the default threshold); the sixth attempt is refused unchecked.
        for (int i = 0; i < 6; ++i)
            QVERIFY(!f.services->auth().login(away, QStringLiteral("bob"), QStringLiteral("wrong")).ok());
        QVERIFY(!f.services->auth().login(home, QStringLiteral("nobody"), QStringLiteral("wrong")).ok());
        QVERIFY(UserRepository(f.services->database()).setMfaEnabled(cyd, true).ok());
        QVERIFY(f.services->users().remove(Principal::system(), ann, false).ok());

        Overview o = overview();
        QCOMPARE(o.users.active, qint64(2));
        QCOMPARE(o.users.deleted, qint64(1));
        QCOMPARE(o.users.locked, qint64(1));
        QCOMPARE(o.users.neverLoggedIn, qint64(2)); // bob's attempts failed; ann signed in, then went
        QCOMPARE(o.users.withMfa, qint64(1));
        const DailyActivity today = o.users.days.last();
        QCOMPARE(today.usersCreated, qint64(3));
        QCOMPARE(today.loginsSucceeded, qint64(2));
        QCOMPARE(today.loginsFailed, qint64(7)); // bob's six and nobody's one
        QCOMPARE(o.users.failingAddresses.size(), 2);
        QCOMPARE(o.users.failingAddresses[0].address, away.ip);
        QCOMPARE(o.users.failingAddresses[0].failures, qint64(6));
        QCOMPARE(o.users.failingAddresses[1].failures, qint64(1));
        QCOMPARE(f.services->metrics().lockouts.value(), 1.0);

        // Restoring and purging move the counts back; a backup is recorded by its audit event.
        QVERIFY(f.services->users().restore(Principal::system(), ann).ok());
        QVERIFY(UserRepository(f.services->database()).setMfaEnabled(cyd, false).ok());
        QVERIFY(f.services->audit()
                    .record(Principal::system(), {QStringLiteral("backup.created"), {}, {}, QStringLiteral("success")})
                    .ok());
        o = overview();
        QCOMPARE(o.users.active, qint64(3));
        QCOMPARE(o.users.deleted, qint64(0));
        QCOMPARE(o.users.withMfa, qint64(0));
        QCOMPARE(o.users.neverLoggedIn, qint64(2));
        QCOMPARE(o.users.lastBackupAt, f.clock.nowMs());

        // A day later the activity moves one day back and the lock has expired; after two days the
        // failing addresses are gone, and maintenance forgets them.
        f.clock.advance(Day);
        o = overview();
        QCOMPARE(o.users.days.last().loginsFailed, qint64(0));
        QCOMPARE(o.users.days[OverviewService::Days - 2].loginsFailed, qint64(7));
        QCOMPARE(o.users.locked, qint64(0));
        QVERIFY(o.users.failingAddresses.isEmpty());
        f.clock.advance(2 * Day);
        const auto ran = f.services->maintenance().runOnce();
        QVERIFY2(ran, ran ? "" : qPrintable(ran.error().detail()));
        QSqlQuery left(f.services->database().connection());
        QVERIFY(left.exec(QStringLiteral("SELECT count(*) FROM failing_addresses")) && left.next());
        QCOMPARE(left.value(0).toInt(), 0);
    }

    void migrationCountsWhatIsThere_data() { backends(); }
    // An installation upgraded to the counters starts from what it already holds: the migration's
    // own counting gives what the triggers counted.
    void migrationCountsWhatIsThere()
    {
        QFETCH(QString, backend);
        ServiceFixture f(QStringLiteral("RS256"), backend);
        const QString eve = f.user(QStringLiteral("eve"));
        f.user(QStringLiteral("fay"));
        QVERIFY(f.services->auth()
                    .login(Principal::anonymous(), QStringLiteral("eve"), QStringLiteral("eve password"))
                    .ok());
        QVERIFY(!f.services->auth().login(Principal::anonymous(), QStringLiteral("fay"), QStringLiteral("no")).ok());
        QVERIFY(UserRepository(f.services->database()).setMfaEnabled(eve, true).ok());
        f.clock.advance(Day);
        f.user(QStringLiteral("gus"));
        const Overview counted = f.services->overview().overview(Principal::system()).value();

        Database &db = f.services->database();
        QSqlQuery q(db.connection());
        for (const char *drop : {"DROP TABLE overview_facts", "DROP TABLE daily_counts", "DROP TABLE failing_addresses",
                                 "DROP INDEX users_locked"})
            QVERIFY2(q.exec(QLatin1String(drop)), qPrintable(q.lastError().text()));
        const QStringList dropTriggers =
            db.kind() == Database::Kind::Sqlite
                ? QStringList{QStringLiteral("DROP TRIGGER overview_users_insert"),
                              QStringLiteral("DROP TRIGGER overview_users_delete"),
                              QStringLiteral("DROP TRIGGER overview_users_update"),
                              QStringLiteral("DROP TRIGGER overview_users_created"),
                              QStringLiteral("DROP TRIGGER overview_audit")}
                : QStringList{QStringLiteral("DROP FUNCTION overview_users_track CASCADE"),
                              QStringLiteral("DROP FUNCTION overview_audit_track CASCADE")};
        for (const QString &drop : dropTriggers)
            QVERIFY2(q.exec(drop), qPrintable(q.lastError().text()));
        const QList<Migration> all = Migrations(db).available();
        const auto counters = std::find_if(all.begin(), all.end(), [](const Migration &m) { return m.version == 9; });
        QVERIFY(counters != all.end());
        QVERIFY(db.connection().transaction()); // as the migration runs (PostgreSQL locks the tables)
        for (const QString &statement : Migrations::splitStatements(counters->sql))
            QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
        QVERIFY(db.connection().commit());

        const Overview recounted = f.services->overview().overview(Principal::system()).value();
        QCOMPARE(recounted.users.users(), qint64(3));
        QCOMPARE(recounted.users.withMfa, counted.users.withMfa);
        QCOMPARE(recounted.users.neverLoggedIn, counted.users.neverLoggedIn);
        for (int i = 0; i < OverviewService::Days; ++i) {
            QCOMPARE(recounted.users.days[i].usersCreated, counted.users.days[i].usersCreated);
            QCOMPARE(recounted.users.days[i].loginsSucceeded, counted.users.days[i].loginsSucceeded);
            QCOMPARE(recounted.users.days[i].loginsFailed, counted.users.days[i].loginsFailed);
        }
        QCOMPARE(recounted.users.days.last().usersCreated, qint64(1));
        QCOMPARE(recounted.users.days[OverviewService::Days - 2].loginsFailed, qint64(1));
    }

    // Reading it needs users:read and audit:read: the failing addresses come from the audit trail.
    void needsUsersAndAuditRead()
    {
        ServiceFixture f;
        Principal reader;
        reader.type = Principal::Type::User;
        reader.id = QStringLiteral("someone");
        reader.permissions = {QStringLiteral("users:read")};
        QCOMPARE(f.services->overview().overview(reader).error().status(), 403);
        reader.permissions.insert(QStringLiteral("audit:read"));
        QVERIFY(f.services->overview().overview(reader).ok());
    }

private:
    void backends() { TestDatabase::addBackendRows(); }
};

QTEST_GUILESS_MAIN(TstOverviewService)
#include "tst_overview_service.moc"
