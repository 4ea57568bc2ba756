#include "service_fixture.h"
#include "store/database.h"
#include "store/sql_error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

    // The REST API's pages of users are kept in memory, but only while no user changed since: a
    // write anywhere (here an operator's SQL beside the services, and a new user) is seen at once.
    void aPageKeptInMemoryFollowsEveryChange_data() { TestDatabase::addBackendRows(); }
    void aPageKeptInMemoryFollowsEveryChange()
    {
        QFETCH(QString, backend);
        ServiceFixture f(QStringLiteral("RS256"), backend);
        const QString ann = f.user(QStringLiteral("ann"));
        f.user(QStringLiteral("bob"));
        UserService &users = f.services->users();
        UserFilter filter;
        filter.limit = 10;
        const auto page = [&] {
            return QJsonDocument::fromJson(users.listJson(Principal::system(), filter, f.clock.nowMs()).value())
                .object();
        };
        const QJsonObject first = page();
        QCOMPARE(first.value(QStringLiteral("total")).toInteger(), 2);
        QCOMPARE(page(), first);
        QVERIFY(execute(f.services->database(), QStringLiteral("UPDATE users SET display_name = ? WHERE id = ?"),
                        {QStringLiteral("Ann A."), ann}));
        QCOMPARE(page().value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("display_name")),
                 QStringLiteral("Ann A."));
        f.user(QStringLiteral("cat"));
        QCOMPARE(page().value(QStringLiteral("total")).toInteger(), 3);
        // The permission and the filter are checked before memory is asked.
        QCOMPARE(users.listJson(Principal::anonymous(), filter, f.clock.nowMs()).error().status(), 403);
        UserFilter misread = filter;
        misread.parseErrors = {{QStringLiteral("status"), QStringLiteral("invalid_value"), QStringLiteral("No.")}};
        QCOMPARE(users.listJson(Principal::system(), misread, f.clock.nowMs()).error().status(), 422);
    }

    // A lock shows on a kept page, and in a kept GET /me, until it runs out, though nothing is
    // written when it does.
    void aKeptRenderingDropsALockThatRanOut()
    {
        ServiceFixture f;
        const QString ann = f.user(QStringLiteral("ann"));
        const Principal annHerself = f.principalFor(QStringLiteral("ann"));
        QVERIFY(execute(f.services->database(), QStringLiteral("UPDATE users SET locked_until = ? WHERE id = ?"),
                        {f.clock.nowMs() + 5'000, ann}));
        const auto lockShown = [&] {
            UserService &users = f.services->users();
            const QByteArray json = users.listJson(Principal::system(), {}, f.clock.nowMs()).value();
            const QJsonObject listed = QJsonDocument::fromJson(json).object()[QStringLiteral("items")][0].toObject();
            const QJsonObject me = QJsonDocument::fromJson(users.meJson(annHerself, f.clock.nowMs())->first).object();
            const bool shown = !listed.value(QStringLiteral("locked_until")).isNull();
            return shown == !me.value(QStringLiteral("locked_until")).isNull() ? std::optional(shown) : std::nullopt;
        };
        QCOMPARE(lockShown(), true);
        f.clock.advance(4'000);
        QVERIFY(f.services->changes().catchUp()); // the feed still vouches: only the lock's end may tell
        QCOMPARE(lockShown(), true);
        f.clock.advance(1'500);
        QVERIFY(f.services->changes().catchUp());
        QCOMPARE(lockShown(), false);
        // A clock set back to before the lock's end brings the lock back.
        f.clock.advance(-2'000);
        QVERIFY(f.services->changes().catchUp());
        QCOMPARE(lockShown(), true);
    }
};

QTEST_GUILESS_MAIN(TstUserService)
#include "tst_user_service.moc"
