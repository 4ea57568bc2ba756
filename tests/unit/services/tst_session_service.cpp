// SessionService on its own: admins see and end the sessions of accounts they may act on, never
// their own through the admin path; users end their other sessions only when the sign-in is fresh
// or the password is given again.
#include "core/permissions.h"
#include "service_fixture.h"

#include <QTest>

using namespace keyward;
using namespace keyward::test;

class TstSessionService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void adminsListAndEndTheSessionsOfOthers()
    {
        ServiceFixture f;
        f.user(QStringLiteral("ada"), {QStringLiteral("admin")});
        const QString sam = f.user(QStringLiteral("sam"));
        const Principal admin = f.principalFor(QStringLiteral("ada"));
        const auto tokens =
            f.services->auth().login(Principal::anonymous(), QStringLiteral("sam"), QStringLiteral("sam password"));
        const Principal first = f.services->auth().authenticate(tokens->accessToken.toLatin1(), {}).value();
        (void)f.principalFor(QStringLiteral("sam"));
        auto sessions = f.services->sessions().listOfUser(admin, sam);
        QCOMPARE(sessions->size(), 2);
        QVERIFY(f.services->sessions().revoke(admin, sam, first.sessionId));
        QCOMPARE(f.services->sessions().listOfUser(admin, sam)->size(), 1);
        QCOMPARE(f.services->auth().authenticate(tokens->accessToken.toLatin1(), {}).error().status(), 401);
        QCOMPARE(*f.services->sessions().revokeAll(admin, sam), 1);
        QVERIFY(f.services->sessions().listOfUser(admin, sam)->isEmpty());
        // A session of someone else is not found under another user.
        const Principal again = f.principalFor(QStringLiteral("sam"));
        const QString other = f.user(QStringLiteral("oli"));
        QCOMPARE(f.services->sessions().revoke(admin, other, again.sessionId).error().status(), 404);
        QCOMPARE(f.services->sessions().listOfUser(admin, QStringLiteral("no-such-user")).error().status(), 404);
    }

    void notOnOneselfNorOnThoseHoldingMore()
    {
        ServiceFixture f;
        const QString ada = f.user(QStringLiteral("ada"), {QStringLiteral("admin")});
        const Principal admin = f.principalFor(QStringLiteral("ada"));
        QCOMPARE(f.services->sessions().revokeAll(admin, ada).error().slug(), QStringLiteral("self-service-required"));
        Principal manager;
        manager.type = Principal::Type::User;
        manager.id = QStringLiteral("someone-else");
        manager.permissions = {permission::SessionsManage, permission::UsersRead};
        // Seeing them is reading the account; ending them is acting on it.
        QCOMPARE(f.services->sessions().listOfUser(manager, ada)->size(), 1);
        QCOMPARE(f.services->sessions().revokeAll(manager, ada).error().slug(),
                 QStringLiteral("insufficient-privilege"));
        QCOMPARE(f.services->sessions().listOfUser(admin, ada)->size(), 1);
        Principal reader = manager;
        reader.permissions = {permission::UsersRead};
        QCOMPARE(f.services->sessions().listOfUser(reader, f.user(QStringLiteral("pat"))).error().status(), 403);
    }

    void usersEndTheirOtherSessionsWhenFreshOrWithThePassword()
    {
        ServiceFixture f;
        f.user(QStringLiteral("una"));
        const Principal phone = f.principalFor(QStringLiteral("una"));
        const Principal laptop = f.principalFor(QStringLiteral("una"));
        QCOMPARE(f.services->sessions().listMine(laptop)->size(), 2);
        // Fresh sign-in: no password needed.
        QVERIFY(f.services->sessions().revokeMine(laptop, phone.sessionId, std::nullopt));
        QCOMPARE(f.services->sessions().listMine(laptop)->size(), 1);

        const Principal tablet = f.principalFor(QStringLiteral("una"));
        f.clock.advance(6 * 60 * 1000);
        QCOMPARE(f.services->sessions().revokeMine(laptop, tablet.sessionId, std::nullopt).error().slug(),
                 QStringLiteral("reauthentication-required"));
        QCOMPARE(f.services->sessions().revokeMine(laptop, tablet.sessionId, QStringLiteral("wrong")).error().status(),
                 422);
        QVERIFY(f.services->sessions().revokeMine(laptop, tablet.sessionId, QStringLiteral("una password")));
        QCOMPARE(f.services->sessions().listMine(laptop)->size(), 1);

        // Someone else's session is not one's own to end.
        f.user(QStringLiteral("vic"));
        const Principal vic = f.principalFor(QStringLiteral("vic"));
        QCOMPARE(
            f.services->sessions().revokeMine(laptop, vic.sessionId, QStringLiteral("una password")).error().status(),
            404);
        QCOMPARE(f.services->sessions().listMine(vic)->size(), 1);
    }

    // A key acting for its owner cannot manage the owner's sessions.
    void notThroughAnApiKey()
    {
        ServiceFixture f;
        f.user(QStringLiteral("kai"));
        Principal viaKey = f.principalFor(QStringLiteral("kai"));
        viaKey.apiKeyId = QStringLiteral("some-key");
        QCOMPARE(f.services->sessions().listMine(viaKey).error().slug(), QStringLiteral("session-required"));
        QCOMPARE(
            f.services->sessions().revokeMine(viaKey, viaKey.sessionId, QStringLiteral("kai password")).error().slug(),
            QStringLiteral("session-required"));
    }
};

QTEST_GUILESS_MAIN(TstSessionService)
#include "tst_session_service.moc"
