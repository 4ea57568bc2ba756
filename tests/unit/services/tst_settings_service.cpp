#include "service_fixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

class TstSettingsService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nodesSharingADatabaseConverge()
    {
        ServiceFixture a;
        // A second node: its own services (and key material) on the same database and clock.
        ServiceOptions o;
        o.argon2 = {256, 1, 1};
        o.tokens.issuer = QStringLiteral("http://keyward.test");
        Services b(a.db.database(), QByteArray(32, 'k'), o, a.clock);
        QCOMPARE(b.settings().current().lockoutThreshold, 5);
        QVERIFY(a.services->settings().update(Principal::system(), {{QStringLiteral("lockout.threshold"), 9}}).ok());
        QCOMPARE(a.services->settings().current().lockoutThreshold, 9); // at once where it was changed
        a.clock.advance(2'500);
        QCOMPARE(b.settings().current().lockoutThreshold, 9); // within the reload interval elsewhere
    }

    void secretsAreSealedAtRest()
    {
        ServiceFixture f;
        QVERIFY(f.services->settings()
                    .update(Principal::system(), {{QStringLiteral("smtp.password"), QStringLiteral("hunter2-smtp")}})
                    .ok());
        QSqlQuery q(f.db.database()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'smtp.password'")) && q.next());
        QVERIFY(!q.value(0).toString().contains(QStringLiteral("hunter2")));
        QCOMPARE(f.services->settings().current().smtpPassword, QStringLiteral("hunter2-smtp"));
    }

    void defaultsComeFromStartupConfigurationAndRangesHold()
    {
        ServiceFixture f;
        auto r = f.services->settings().update(Principal::system(), {{QStringLiteral("tokens.access_ttl"), 5}});
        QCOMPARE(r.error().status(), 422);
        QCOMPARE(r.error().fieldErrors().value(0).field, QStringLiteral("tokens.access_ttl"));
        QCOMPARE(f.services->settings().update(Principal(), {}).error().status(), 403);
        // Typed both ways: a number, a list, a reset to the default.
        auto changed = f.services->settings().update(
            Principal::system(),
            {{QStringLiteral("lockout.threshold"), 7},
             {QStringLiteral("cors.allowed_origins"), QStringList{QStringLiteral("https://a.example")}}});
        QVERIFY(changed);
        QCOMPARE(changed->value(QStringLiteral("lockout.threshold")).toLongLong(), 7);
        QCOMPARE(changed->value(QStringLiteral("cors.allowed_origins")).toStringList(),
                 QStringList{QStringLiteral("https://a.example")});
        auto reset =
            f.services->settings().update(Principal::system(), {{QStringLiteral("lockout.threshold"), QVariant()}});
        QCOMPARE(reset->value(QStringLiteral("lockout.threshold")).toLongLong(), 5);
        QCOMPARE(f.services->settings()
                     .update(Principal::system(), {{QStringLiteral("lockout.nonsense"), 1}})
                     .error()
                     .fieldErrors()
                     .value(0)
                     .code,
                 QStringLiteral("unknown_field"));
        const auto subnets = f.services->settings().current().adminAllowList;
        QVERIFY(subnets.isEmpty());
        QVERIFY(RuntimeSettings::inSubnets(QHostAddress(QStringLiteral("::ffff:10.1.2.3")),
                                           {QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8"))}));
        QVERIFY(!RuntimeSettings::inSubnets(QHostAddress(QStringLiteral("11.1.2.3")),
                                            {QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8"))}));
    }
};

QTEST_GUILESS_MAIN(TstSettingsService)
#include "tst_settings_service.moc"
