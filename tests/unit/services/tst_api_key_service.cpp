// ApiKeyService on its own: a key's secret is seen once and stored hashed, a key acts with its
// scopes but never with more than its maker holds now, making one is a credential change, and a
// revoked or expired key is refused.
#include "core/permissions.h"
#include "service_fixture.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

namespace {

ApiKeyRequest keyRequest(const QString &name, const QStringList &scopes, qint64 expiresAt = 0)
{
    ApiKeyRequest r;
    r.name = name;
    r.scopes = scopes;
    r.expiresAt = expiresAt;
    return r;
}

} // namespace

class TstApiKeyService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aPersonalKeyActsForItsOwnerWithinItsScopes()
    {
        ServiceFixture f;
        const QString id = f.user(QStringLiteral("amy"), {QStringLiteral("auditor")});
        const Principal amy = f.principalFor(QStringLiteral("amy"));
        auto made =
            f.services->apiKeys().createPersonal(amy, keyRequest(QStringLiteral("ci"), {permission::AuditRead}));
        QVERIFY(made);
        QVERIFY(made->secret.startsWith(QLatin1String("kw_")));
        QVERIFY(made->secret.startsWith(made->key.prefix));
        // Stored as a hash: the secret is nowhere in the table.
        QSqlQuery q(f.db.database()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM api_keys")) && q.next());
        for (int i = 0; i < q.record().count(); ++i)
            QVERIFY(!q.value(i).toString().contains(made->secret.mid(made->key.prefix.size())));

        auto acting = f.services->apiKeys().authenticate(made->secret.toUtf8(), Principal::anonymous());
        QVERIFY(acting);
        QCOMPARE(acting->id, id);
        QVERIFY(acting->viaApiKey());
        QCOMPARE(acting->permissions, QSet<QString>{permission::AuditRead});
        QCOMPARE(f.services->apiKeys().listPersonal(amy)->size(), 1);

        QCOMPARE(f.services->apiKeys().authenticate(QByteArray("kw_" + QByteArray(43, 'A')), {}).error().status(), 401);
        QVERIFY(f.services->apiKeys().revokePersonal(amy, made->key.id));
        QCOMPARE(f.services->apiKeys().authenticate(made->secret.toUtf8(), {}).error().status(), 401);
    }

    void scopesAreWhatTheMakerHolds()
    {
        ServiceFixture f;
        f.user(QStringLiteral("bob"), {QStringLiteral("auditor")});
        const Principal bob = f.principalFor(QStringLiteral("bob"));
        const auto refused = [&](const QStringList &scopes) {
            auto r = f.services->apiKeys().createPersonal(bob, keyRequest(QStringLiteral("k"), scopes));
            return r ? QString() : r.error().fieldErrors().value(0).code;
        };
        QCOMPARE(refused({permission::UsersWrite}), QStringLiteral("not_grantable"));
        QCOMPARE(refused({QStringLiteral("everything")}), QStringLiteral("unknown_permission"));
        QCOMPARE(refused({}), QStringLiteral("required"));
        // The name is a label: not blank, not too long, no control characters.
        for (const QString &name : {QStringLiteral("  "), QString(101, QLatin1Char('k')), QStringLiteral("ci\nadmin"),
                                    QStringLiteral("ci\u001b[31m")}) {
            auto r = f.services->apiKeys().createPersonal(bob, keyRequest(name, {permission::AuditRead}));
            QVERIFY2(!r && r.error().fieldErrors().value(0).field == QLatin1String("name"), qPrintable(name));
        }
        QVERIFY(f.services->apiKeys().listPersonal(bob)->isEmpty());
    }

    // A key never does more than the user who made it holds now: demoting the maker shrinks the key.
    void aKeyFollowsItsMakerDown()
    {
        ServiceFixture f;
        const QString id = f.user(QStringLiteral("cyd"), {QStringLiteral("admin")});
        f.user(QStringLiteral("ada"), {QStringLiteral("admin")}); // so cy is not the last administrator
        const Principal cy = f.principalFor(QStringLiteral("cyd"));
        auto service = f.services->apiKeys().createService(
            cy, keyRequest(QStringLiteral("sync"), {permission::UsersRead, permission::UsersWrite}));
        QVERIFY(service);
        QCOMPARE(f.services->apiKeys().authenticate(service->secret.toUtf8(), {})->permissions.size(), 2);
        UserPatch demote;
        demote.roles = QStringList{QStringLiteral("auditor")};
        QVERIFY(f.services->users().update(Principal::gui(), id, demote));
        auto after = f.services->apiKeys().authenticate(service->secret.toUtf8(), {});
        QVERIFY(after);
        QCOMPARE(after->permissions, QSet<QString>{permission::UsersRead});
        // Service keys need apikeys:manage.
        QCOMPARE(f.services->apiKeys().listService(f.principalFor(QStringLiteral("cyd"))).error().status(), 403);
    }

    void makingAKeyIsACredentialChange()
    {
        ServiceFixture f;
        f.user(QStringLiteral("dia"), {QStringLiteral("auditor")});
        const Principal di = f.principalFor(QStringLiteral("dia"));
        Principal viaKey = di;
        viaKey.apiKeyId = QStringLiteral("a-key");
        QCOMPARE(f.services->apiKeys()
                     .createPersonal(viaKey, keyRequest(QStringLiteral("k"), {permission::AuditRead}))
                     .error()
                     .slug(),
                 QStringLiteral("session-required"));
        f.clock.advance(6 * 60 * 1000);
        QCOMPARE(f.services->apiKeys()
                     .createPersonal(di, keyRequest(QStringLiteral("k"), {permission::AuditRead}))
                     .error()
                     .slug(),
                 QStringLiteral("reauthentication-required"));
        ApiKeyRequest again = keyRequest(QStringLiteral("k"), {permission::AuditRead});
        again.currentPassword = QStringLiteral("dia password");
        QVERIFY(f.services->apiKeys().createPersonal(di, again));
    }

    void anExpiredKeyIsRefused()
    {
        ServiceFixture f;
        f.user(QStringLiteral("edd"), {QStringLiteral("auditor")});
        const Principal ed = f.principalFor(QStringLiteral("edd"));
        auto made = f.services->apiKeys().createPersonal(
            ed, keyRequest(QStringLiteral("short"), {permission::AuditRead}, f.clock.nowMs() + 60'000));
        QVERIFY(made);
        QVERIFY(f.services->apiKeys().authenticate(made->secret.toUtf8(), {}));
        f.clock.advance(61'000);
        QCOMPARE(f.services->apiKeys().authenticate(made->secret.toUtf8(), {}).error().status(), 401);
    }
};

QTEST_GUILESS_MAIN(TstApiKeyService)
#include "tst_api_key_service.moc"
