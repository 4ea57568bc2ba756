// Permission names and the rule behind "who may act on whom": which wanted permission is missing.
#include "core/permissions.h"
#include "core/principal.h"

#include <QTest>

using namespace keyward;

class TstPermissions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void namesAreKnown()
    {
        QCOMPARE(permission::all().size(), 11);
        for (const QString &p : permission::all())
            QVERIFY(permission::isKnown(p));
        QVERIFY(!permission::isKnown(QStringLiteral("users:*")));
        QVERIFY(!permission::isKnown(QStringLiteral("USERS:READ")));
    }

    void firstMissingNamesTheGap()
    {
        const QSet<QString> held{permission::UsersRead, permission::UsersWrite};
        QVERIFY(permission::firstMissing(held, {permission::UsersRead}).isEmpty());
        QVERIFY(permission::firstMissing(held, {}).isEmpty());
        QCOMPARE(
            permission::firstMissing(held, {permission::SettingsManage, permission::AuditRead, permission::UsersRead}),
            permission::AuditRead); // the first by name
        QCOMPARE(permission::firstMissing({}, permission::all()),
                 *std::min_element(permission::all().begin(), permission::all().end()));
    }

    // A token limited to changing the password can do nothing else, whatever its roles grant.
    void principalsCanOnlyWhatTheyHold()
    {
        Principal p;
        p.type = Principal::Type::User;
        p.permissions = {permission::UsersRead};
        QVERIFY(p.can(permission::UsersRead));
        QVERIFY(!p.can(permission::UsersWrite));
        p.passwordChangeOnly = true;
        QVERIFY(!p.can(permission::UsersRead));
        QVERIFY(!p.viaApiKey());
        p.apiKeyId = QStringLiteral("k");
        QVERIFY(p.viaApiKey()); // a personal key acting for its owner
        QCOMPARE(Principal::gui().typeName(), QStringLiteral("gui"));
        QCOMPARE(Principal::system().typeName(), QStringLiteral("system"));
        QCOMPARE(Principal::anonymous().typeName(), QStringLiteral("anonymous"));
        QVERIFY(Principal::gui().can(permission::SettingsManage));
        QVERIFY(!Principal::anonymous().can(permission::UsersRead));
    }
};

QTEST_GUILESS_MAIN(TstPermissions)
#include "tst_permissions.moc"
