#include "service_fixture.h"

#include <QTest>

using namespace keyward;
using namespace keyward::test;

class TstUserService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void disablingEndsSessions()
    {
        ServiceFixture f;
        const QString id = f.user(QStringLiteral("tina"));
        auto tokens =
            f.services->auth().login(Principal::anonymous(), QStringLiteral("tina"), QStringLiteral("tina password"));
        UserPatch p;
        p.status = User::Status::Disabled;
        QVERIFY(f.services->users().update(Principal::system(), id, p).ok());
        QCOMPARE(f.services->auth().authenticate(tokens->accessToken.toLatin1(), {}).error().status(), 401);
        QCOMPARE(f.services->auth().refresh(Principal::anonymous(), tokens->refreshToken).error().status(), 401);
    }

    void emailChangeResetsVerification()
    {
        ServiceFixture f;
        const QString id = f.user(QStringLiteral("uma"));
        UserPatch verify;
        verify.emailVerified = true;
        QVERIFY(f.services->users().update(Principal::system(), id, verify)->emailVerified);
        const Principal uma = f.principalFor(QStringLiteral("uma"));
        UserPatch mine;
        mine.email = QStringLiteral("uma.new@example.com");
        auto updated = f.services->users().updateMe(uma, mine, std::nullopt); // a fresh session: no password needed
        QVERIFY(updated.ok());
        QVERIFY(!updated->emailVerified);
    }

    void everyChangeIsAudited()
    {
        ServiceFixture f;
        const QString id = f.user(QStringLiteral("vic"));
        UserPatch p;
        p.displayName = QStringLiteral("Vic");
        QVERIFY(f.services->users().update(Principal::system(), id, p).ok());
        QVERIFY(f.services->users().remove(Principal::system(), id, false).ok());
        QVERIFY(f.services->users().restore(Principal::system(), id).ok());
        QStringList actions;
        for (const AuditEvent &e : f.services->audit().recent(10).value())
            actions << e.action;
        QCOMPARE(actions.mid(0, 4), (QStringList{QStringLiteral("user.restore"), QStringLiteral("user.delete"),
                                                 QStringLiteral("user.update"), QStringLiteral("user.create")}));
    }

    void failedWritesLeaveNothingBehind()
    {
        ServiceFixture f;
        f.user(QStringLiteral("walt"));
        CreateUserRequest dup;
        dup.username = QStringLiteral("WALT");
        dup.email = QStringLiteral("other@example.com");
        const qsizetype eventsBefore = f.services->audit().recent(100)->size();
        QCOMPARE(f.services->users().create(Principal::system(), dup).error().status(), 409);
        QCOMPARE(f.services->audit().recent(100)->size(), eventsBefore); // the audit append rolled back too
    }

    // A filter's own reading errors come after the permission check, with the service's.
    void listFilterErrorsAfterThePermission()
    {
        ServiceFixture f;
        UserFilter filter;
        filter.parseErrors = {{QStringLiteral("status"), QStringLiteral("invalid_value"), QStringLiteral("No.")}};
        filter.sort = QStringLiteral("nonsense");
        QCOMPARE(f.services->users().list(Principal::anonymous(), filter).error().status(), 403);
        const auto refused = f.services->users().list(Principal::system(), filter);
        QCOMPARE(refused.error().status(), 422);
        QCOMPARE(refused.error().fieldErrors().size(), 2); // sort and status together
    }
};

QTEST_GUILESS_MAIN(TstUserService)
#include "tst_user_service.moc"
