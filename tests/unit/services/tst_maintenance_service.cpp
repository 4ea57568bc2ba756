#include "service_fixture.h"
#include "store/user_repository.h"

#include <QSqlQuery>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

class TstMaintenanceService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dormantAccountsAreDisabledWhenThePolicyIsOn()
    {
        ServiceFixture f;
        const QString idle = f.user(QStringLiteral("idle"));
        const QString busy = f.user(QStringLiteral("busy"));
        auto tokens =
            f.services->auth().login(Principal::anonymous(), QStringLiteral("idle"), QStringLiteral("idle password"));
        QVERIFY(tokens.ok());
        f.clock.advance(40LL * 86'400'000);
        QVERIFY(f.services->auth()
                    .login(Principal::anonymous(), QStringLiteral("busy"), QStringLiteral("busy password"))
                    .ok());
        QCOMPARE(f.services->maintenance().runOnce()->disabledDormant, 0); // off by default

        QVERIFY(f.services->settings()
                    .update(Principal::system(), {{QStringLiteral("dormant_accounts.disable_after_days"), 30}})
                    .ok());
        UserFilter inactive;
        inactive.inactiveSince = f.clock.nowMs() - 30LL * 86'400'000;
        QCOMPARE(f.services->users().list(Principal::system(), inactive)->total, 1); // idle only (admin-less fixture)
        QCOMPARE(f.services->maintenance().runOnce()->disabledDormant, 1);
        QCOMPARE(f.services->users().get(Principal::system(), idle)->status, User::Status::Disabled);
        QCOMPARE(f.services->users().get(Principal::system(), busy)->status, User::Status::Active);
        QCOMPARE(f.services->auth().authenticate(tokens->accessToken.toLatin1(), {}).error().status(), 401);
        const AuditEvent e = f.services->audit().recent(1)->first();
        QCOMPARE(e.action, QStringLiteral("user.disable_dormant"));
        QCOMPARE(e.actorType, QStringLiteral("system"));
        QCOMPARE(f.services->maintenance().runOnce()->disabledDormant, 0); // idempotent
    }

    // However long the last administrator stays away, the sweep leaves them able to sign in; a
    // second, equally dormant administrator is disabled.
    void dormantSweepKeepsTheLastAdministrator()
    {
        ServiceFixture f;
        const QString first = f.user(QStringLiteral("boss"), {QStringLiteral("admin")});
        const QString second = f.user(QStringLiteral("deputy"), {QStringLiteral("admin")});
        QVERIFY(f.services->settings()
                    .update(Principal::system(), {{QStringLiteral("dormant_accounts.disable_after_days"), 30}})
                    .ok());
        f.clock.advance(400LL * 86'400'000);
        QCOMPARE(f.services->maintenance().runOnce()->disabledDormant, 1);
        const QList<User::Status> statuses{f.services->users().get(Principal::system(), first)->status,
                                           f.services->users().get(Principal::system(), second)->status};
        QCOMPARE(statuses.count(User::Status::Active), 1);
        QCOMPARE(*UserRepository(f.services->database()).countActiveAdmins(), qint64(1));
        QCOMPARE(f.services->maintenance().runOnce()->disabledDormant, 0);
        QCOMPARE(*UserRepository(f.services->database()).countActiveAdmins(), qint64(1));
    }

    // Sessions past their absolute lifetime go, with every refresh token they rotated out.
    void expiredSessionsArePruned()
    {
        ServiceFixture f;
        f.user(QStringLiteral("sam"));
        auto tokens =
            f.services->auth().login(Principal::anonymous(), QStringLiteral("sam"), QStringLiteral("sam password"));
        QVERIFY(f.services->auth().refresh(Principal::anonymous(), tokens->refreshToken).ok());
        const auto count = [&](const char *table) {
            QSqlQuery q(f.services->database().connection());
            q.exec(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table));
            q.next();
            return q.value(0).toInt();
        };
        QCOMPARE(count("spent_refresh_tokens"), 1);
        f.clock.advance(30LL * 86'400'000); // the absolute lifetime
        QVERIFY(f.services->maintenance().runOnce().ok());
        QCOMPARE(count("sessions"), 1); // a day of grace
        f.clock.advance(86'400'000 + 1);
        QVERIFY(f.services->maintenance().runOnce().ok());
        QCOMPARE(count("sessions"), 0);
        QCOMPARE(count("spent_refresh_tokens"), 0);
    }

    void auditRetentionKeepsTheChainVerifiable()
    {
        ServiceFixture f;
        f.user(QStringLiteral("old1"));
        f.user(QStringLiteral("old2"));
        f.clock.advance(40LL * 86'400'000);
        f.user(QStringLiteral("recent"));
        QVERIFY(
            f.services->settings().update(Principal::system(), {{QStringLiteral("audit.retention_days"), 30}}).ok());
        QVERIFY(f.services->maintenance().runOnce().ok());
        auto events = f.services->audit().recent(100);
        QStringList actions;
        for (const AuditEvent &e : *events)
            actions << e.action;
        QCOMPARE(actions.count(QStringLiteral("user.create")), 1); // the recent one; the two old ones are gone
        QCOMPARE(actions.first(), QStringLiteral("audit.prune"));
        QVERIFY(f.services->audit().verify(Principal::system())->ok); // starts at the signed checkpoint
        // A forged checkpoint is caught.
        QSqlQuery q(f.db.database()->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE audit_checkpoint SET seq = seq - 1")));
        QVERIFY(!f.services->audit().verify(Principal::system())->ok);
    }

    void expiredCountersAreForgotten()
    {
        ServiceFixture f;
        for (int i = 0; i < 3; ++i)
            (void)f.services->auth().login(Principal::anonymous(), QStringLiteral("nobody%1").arg(i),
                                           QStringLiteral("x"));
        const auto rows = [&] {
            QSqlQuery q(f.db.database()->connection());
            q.exec(QStringLiteral("SELECT count(*) FROM login_failures"));
            q.next();
            return q.value(0).toInt();
        };
        // Wrong second factors stay counted until a login completes, however long it takes.
        const QString id = f.user(QStringLiteral("mona"));
        QVERIFY(
            f.services->lockout().charge(LockoutService::subject(LockoutService::Secret::SecondFactor, id), id).ok());
        QCOMPARE(rows(), 4);
        QVERIFY(f.services->maintenance().runOnce().ok());
        QCOMPARE(rows(), 4);
        f.clock.advance(25LL * 3'600'000);
        QVERIFY(f.services->maintenance().runOnce().ok());
        QCOMPARE(rows(), 1);
    }
};

QTEST_GUILESS_MAIN(TstMaintenanceService)
#include "tst_maintenance_service.moc"
