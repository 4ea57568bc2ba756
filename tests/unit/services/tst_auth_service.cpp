#include "service_fixture.h"
#include "store/sql_error.h"
#include "store/user_repository.h"

#include "crypto/jwt.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

class TstAuthService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void accessTokensExpire()
    {
        ServiceFixture f;
        f.user(QStringLiteral("olga"));
        auto t =
            f.services->auth().login(Principal::anonymous(), QStringLiteral("olga"), QStringLiteral("olga password"));
        QVERIFY(t.ok());
        // The login's audit event names the user who signed in as its actor, not "anonymous".
        const auto latest = f.services->audit().recent(1);
        QCOMPARE(latest->first().action, QStringLiteral("auth.login"));
        QCOMPARE(latest->first().actorType, QStringLiteral("user"));
        QCOMPARE(latest->first().actorId, latest->first().targetId);
        const QByteArray token = t->accessToken.toLatin1();
        QVERIFY(f.services->auth().authenticate(token, {}).ok());
        f.clock.advance(15 * 60'000 - 1000);
        QVERIFY(f.services->auth().authenticate(token, {}).ok());
        f.clock.advance(2000);
        QCOMPARE(f.services->auth().authenticate(token, {}).error().status(), 401);
    }

    // A token's verified signature is remembered, nothing else: a logout, a disabled account or a
    // changed byte is refused at once, however often the token was accepted before.
    void rememberedTokensAreStillCheckedEveryTime()
    {
        ServiceFixture f;
        const QString id = f.user(QStringLiteral("vera"));
        const auto login = [&] {
            return f.services->auth()
                .login(Principal::anonymous(), QStringLiteral("vera"), QStringLiteral("vera password"))
                ->accessToken.toLatin1();
        };
        const QByteArray first = login();
        for (int i = 0; i < 3; ++i)
            QVERIFY(f.services->auth().authenticate(first, {}).ok());
        QByteArray forged = first;
        forged[forged.size() - 2] = forged[forged.size() - 2] == 'A' ? 'B' : 'A';
        QCOMPARE(f.services->auth().authenticate(forged, {}).error().status(), 401);
        QVERIFY(f.services->auth().logout(*f.services->auth().authenticate(first, {})).ok());
        QCOMPARE(f.services->auth().authenticate(first, {}).error().status(), 401);

        const QByteArray second = login();
        QVERIFY(f.services->auth().authenticate(second, {}).ok());
        UserPatch off;
        off.status = User::Status::Disabled;
        QVERIFY(f.services->users().update(Principal::system(), id, off).ok());
        QCOMPARE(f.services->auth().authenticate(second, {}).error().status(), 401);
    }

    void refreshIdleAndAbsoluteLifetimes()
    {
        ServiceFixture f;
        f.user(QStringLiteral("pete"));
        auto t =
            f.services->auth().login(Principal::anonymous(), QStringLiteral("pete"), QStringLiteral("pete password"));
        QString refresh = t->refreshToken;
        // Used every 6 days, the session lives until its 30-day absolute limit.
        for (int day = 6; day < 30; day += 6) {
            f.clock.advance(6LL * 24 * 3600'000);
            auto r = f.services->auth().refresh(Principal::anonymous(), refresh);
            QVERIFY2(r.ok(), qPrintable(QString::number(day)));
            QVERIFY(r->refreshExpiresIn <= (30 - day) * 24 * 3600);
            refresh = r->refreshToken;
        }
        f.clock.advance(6LL * 24 * 3600'000);
        QCOMPARE(f.services->auth().refresh(Principal::anonymous(), refresh).error().status(), 401);

        // Idle for more than 7 days: over.
        auto t2 =
            f.services->auth().login(Principal::anonymous(), QStringLiteral("pete"), QStringLiteral("pete password"));
        f.clock.advance(7LL * 24 * 3600'000 + 1);
        QCOMPARE(f.services->auth().refresh(Principal::anonymous(), t2->refreshToken).error().status(), 401);
    }

    // A refresh asks whether the user may still sign in, even when only the user row changed (an
    // operator's SQL that leaves the sessions alone) and the user was just read from memory.
    void refreshFollowsTheUserRow_data() { TestDatabase::addBackendRows(); }
    void refreshFollowsTheUserRow()
    {
        QFETCH(QString, backend);
        ServiceFixture f(QStringLiteral("RS256"), backend);
        const QString id = f.user(QStringLiteral("rita"));
        const auto login = [&] {
            return f.services->auth()
                .login(Principal::anonymous(), QStringLiteral("rita"), QStringLiteral("rita password"))
                ->refreshToken;
        };
        QString refresh = login();
        auto r = f.services->auth().refresh(Principal::anonymous(), refresh);
        QVERIFY(r.ok());
        for (const char *change :
             {"UPDATE users SET status = 'disabled' WHERE id = ?", "UPDATE users SET deleted_at = 1 WHERE id = ?"}) {
            const QString next = r->refreshToken;
            QVERIFY(execute(f.services->database(), QString::fromLatin1(change), {id}));
            QCOMPARE(f.services->auth().refresh(Principal::anonymous(), next).error().status(), 401);
            QVERIFY(execute(f.services->database(),
                            QStringLiteral("UPDATE users SET status = 'active', deleted_at = 0 WHERE id = ?"), {id}));
            r = f.services->auth().refresh(Principal::anonymous(), login());
            QVERIFY(r.ok());
        }
    }

    void unknownKidAndForeignIssuerAreRejected()
    {
        ServiceFixture f;
        ServiceFixture other;
        f.user(QStringLiteral("quinn"));
        other.user(QStringLiteral("quinn"));
        auto foreign = other.services->auth().login(Principal::anonymous(), QStringLiteral("quinn"),
                                                    QStringLiteral("quinn password"));
        QCOMPARE(f.services->auth().authenticate(foreign->accessToken.toLatin1(), {}).error().status(), 401);
        QCOMPARE(f.services->auth().authenticate("", {}).error().status(), 401);
    }

    void rotationKeepsOldTokensValid()
    {
        ServiceFixture f;
        f.user(QStringLiteral("rita"));
        auto before =
            f.services->auth().login(Principal::anonymous(), QStringLiteral("rita"), QStringLiteral("rita password"));
        const QString oldKid =
            crypto::decodeJwt(before->accessToken.toLatin1())->header.value(QStringLiteral("kid")).toString();
        auto newKid = f.services->keys().rotate();
        QVERIFY(newKid.ok() && *newKid != oldKid);
        QCOMPARE(f.services->audit().recent(1)->first().action, QStringLiteral("signing_key.rotate"));
        QVERIFY(f.services->auth().authenticate(before->accessToken.toLatin1(), {}).ok());
        auto after =
            f.services->auth().login(Principal::anonymous(), QStringLiteral("rita"), QStringLiteral("rita password"));
        QCOMPARE(crypto::decodeJwt(after->accessToken.toLatin1())->header.value(QStringLiteral("kid")).toString(),
                 *newKid);
        QCOMPARE(f.services->keys().publishedKeys()->size(), 2);
        // Once the old key's tokens must have expired, it leaves the JWKS.
        f.clock.advance(20 * 60'000);
        QCOMPARE(f.services->keys().publishedKeys()->size(), 1);
    }

    void legacyHashesAreUpgradedAtLogin()
    {
        ServiceFixture f;
        const QString id = f.user(QStringLiteral("sam"));
        // As an import would store it: bcrypt ("U*U" from the crypt_blowfish vectors).
        UserRepository(*f.db.database())
            .replaceHash(id, QStringLiteral("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"))
            .value();
        QVERIFY(f.services->auth().login(Principal::anonymous(), QStringLiteral("sam"), QStringLiteral("U*U")).ok());
        const QString stored = UserRepository(*f.db.database()).find(id)->passwordHash;
        QVERIFY2(stored.startsWith(QStringLiteral("$argon2id$v=19$m=256,t=1,p=1$")), qPrintable(stored));
        QVERIFY(f.services->auth().login(Principal::anonymous(), QStringLiteral("sam"), QStringLiteral("U*U")).ok());
    }

    void lockoutLocksDoublesAndResets()
    {
        ServiceFixture f;
        const QString id = f.user(QStringLiteral("lou"));
        auto attempt = [&](const char *login, const char *pw) {
            auto r = f.services->auth().login(Principal::anonymous(), QLatin1String(login), QLatin1String(pw));
            return r ? 200 : r.error().status();
        };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(attempt("lou", "wrong"), 401);
        // Locked: even the right password is not checked now.
        auto locked =
            f.services->auth().login(Principal::anonymous(), QStringLiteral("lou"), QStringLiteral("lou password"));
        QCOMPARE(locked.error().status(), 429);
        QCOMPARE(locked.error().slug(), QStringLiteral("too-many-attempts"));
        QCOMPARE(locked.error().retryAfterSeconds(), 60);
        QVERIFY(f.services->users().get(Principal::system(), id)->lockedUntil > f.clock.nowMs());
        // Username and email share one counter.
        QCOMPARE(attempt("lou@example.com", "lou password"), 429);

        f.clock.advance(61'000);
        QCOMPARE(attempt("lou", "wrong"), 401); // the sixth failure: locked twice as long
        QCOMPARE(f.services->auth()
                     .login(Principal::anonymous(), QStringLiteral("lou"), QStringLiteral("x"))
                     .error()
                     .retryAfterSeconds(),
                 120);
        f.clock.advance(121'000);
        QCOMPARE(attempt("lou", "lou password"), 200); // success resets everything
        QCOMPARE(f.services->users().get(Principal::system(), id)->lockedUntil, 0);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(attempt("lou", "wrong"), 401);
        QCOMPARE(attempt("lou", "lou password"), 200);

        // The cap: 15 minutes at most.
        for (int round = 0; round < 8; ++round) {
            for (int i = 0; i < (round == 0 ? 5 : 1); ++i)
                attempt("lou", "wrong");
            f.clock.advance(16 * 60'000);
        }
        attempt("lou", "wrong");
        QCOMPARE(f.services->auth()
                     .login(Principal::anonymous(), QStringLiteral("lou"), QStringLiteral("x"))
                     .error()
                     .retryAfterSeconds(),
                 900);

        // An administrator ends it at once.
        QVERIFY(f.services->users().unlock(Principal::system(), id).ok());
        QCOMPARE(attempt("lou", "lou password"), 200);
    }

    void unknownAccountsLockTheSameWay()
    {
        ServiceFixture f;
        for (int i = 0; i < 5; ++i)
            QCOMPARE(f.services->auth()
                         .login(Principal::anonymous(), QStringLiteral("ghost"), QStringLiteral("x"))
                         .error()
                         .status(),
                     401);
        auto r = f.services->auth().login(Principal::anonymous(), QStringLiteral("GHOST"), QStringLiteral("x"));
        QCOMPARE(r.error().status(), 429);
        QCOMPARE(r.error().retryAfterSeconds(), 60);
    }

    void signingKeyIsSealedAtRest()
    {
        ServiceFixture f;
        QSqlQuery q(f.db.database()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT private_sealed FROM signing_keys")) && q.next());
        QVERIFY(!q.value(0).toByteArray().contains("PRIVATE KEY"));
    }
};

QTEST_GUILESS_MAIN(TstAuthService)
#include "store/sql_error.h"
#include "store/user_repository.h"
#include "tst_auth_service.moc"
