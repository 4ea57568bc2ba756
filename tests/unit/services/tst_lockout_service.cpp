// LockoutService on its own: failures counted before the secret is checked, a lock after the
// threshold that grows, passwords and second factors counted apart, and what forgives which.
#include "service_fixture.h"

#include <QTest>

using namespace keyward;
using namespace keyward::test;

namespace {

using Secret = LockoutService::Secret;

// Charges `n` failed attempts (charged, never refunded) and answers the last status.
int fail(LockoutService &lockout, const QString &subject, const QString &userId, int n)
{
    int status = 0;
    for (int i = 0; i < n; ++i) {
        const auto s = lockout.charge(subject, userId);
        status = s ? 0 : s.error().status();
    }
    return status;
}

} // namespace

class TstLockoutService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void subjectsAreApart()
    {
        QCOMPARE(LockoutService::subject(Secret::Password, QStringLiteral("u1")), QStringLiteral("user:u1"));
        QCOMPARE(LockoutService::subject(Secret::SecondFactor, QStringLiteral("u1")), QStringLiteral("mfa:u1"));
        // Unknown login names are counted too, and case does not make a new subject.
        QCOMPARE(LockoutService::unknownLoginSubject(QStringLiteral("Nobody")),
                 LockoutService::unknownLoginSubject(QStringLiteral("nobody")));
        QVERIFY(LockoutService::unknownLoginSubject(QStringLiteral("a")) !=
                LockoutService::unknownLoginSubject(QStringLiteral("b")));
    }

    void locksAfterTheThresholdAndTheLockEnds()
    {
        ServiceFixture f;
        const QString id = f.user(QStringLiteral("lou"));
        LockoutService &lockout = f.services->lockout();
        const QString password = LockoutService::subject(Secret::Password, id);
        QCOMPARE(fail(lockout, password, id, 5), 0); // the fifth is still checked
        QCOMPARE(fail(lockout, password, id, 1), 429);
        QVERIFY(f.services->users().get(Principal::system(), id)->lockedUntil > f.clock.nowMs());
        f.clock.advance(61'000);
        QCOMPARE(fail(lockout, password, id, 1), 0);
        // The next lock comes at once and lasts longer.
        QCOMPARE(fail(lockout, password, id, 1), 429);
        f.clock.advance(61'000);
        QCOMPARE(fail(lockout, password, id, 1), 429);
    }

    void wrongCodesAreForgivenOnlyByALogin()
    {
        ServiceFixture f;
        const QString id = f.user(QStringLiteral("mia"));
        LockoutService &lockout = f.services->lockout();
        const QString codes = LockoutService::subject(Secret::SecondFactor, id);
        QCOMPARE(fail(lockout, codes, id, 4), 0);
        // A right password does not clear wrong codes, and neither does an administrator's unlock.
        QVERIFY(lockout.charge(LockoutService::subject(Secret::Password, id), id));
        QVERIFY(lockout.clear(LockoutService::subject(Secret::Password, id)));
        QVERIFY(lockout.unlock(id));
        QCOMPARE(fail(lockout, codes, id, 2), 429);
        // A completed login does.
        QVERIFY(lockout.forgive(id));
        QCOMPARE(fail(lockout, codes, id, 5), 0);
    }
};

QTEST_GUILESS_MAIN(TstLockoutService)
#include "tst_lockout_service.moc"
