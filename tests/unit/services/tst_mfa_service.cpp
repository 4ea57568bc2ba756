// MfaService on its own: enrolment confirmed by a first code, each time step accepted once,
// recovery codes used once, disabling as a credential change, and the administrator's reset only
// on accounts the administrator may act on.
#include "core/permissions.h"
#include "crypto/totp.h"
#include "service_fixture.h"

#include <QTest>

using namespace keyward;
using namespace keyward::test;

namespace {

QString codeAt(const QString &secret, const ManualClock &clock, qint64 stepOffset = 0)
{
    return crypto::Totp::code(*crypto::base32Decode(secret),
                              clock.nowMs() / 1000 + stepOffset * crypto::Totp::StepSeconds);
}

} // namespace

class TstMfaService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void enrolmentIsConfirmedByAFirstCode()
    {
        ServiceFixture f;
        const QString id = f.user(QStringLiteral("eve"));
        const Principal eve = f.principalFor(QStringLiteral("eve"));
        auto enrolment = f.services->mfa().enroll(eve, std::nullopt);
        QVERIFY(enrolment);
        QVERIFY(enrolment->otpauthUri.startsWith(QLatin1String("otpauth://totp/")));
        QVERIFY(enrolment->qrSvg.contains(QLatin1String("<svg")));
        QCOMPARE(f.services->mfa().confirm(eve, QStringLiteral("000000")).error().status(), 422);
        QVERIFY(!f.services->users().get(Principal::system(), id)->mfaEnabled);
        auto codes = f.services->mfa().confirm(eve, codeAt(enrolment->secret, f.clock));
        QVERIFY(codes);
        QCOMPARE(codes->size(), 10);
        QCOMPARE(QSet<QString>(codes->begin(), codes->end()).size(), 10);
        QVERIFY(f.services->users().get(Principal::system(), id)->mfaEnabled);
        // Confirmed once; a second enrolment is refused while it is on.
        QCOMPARE(f.services->mfa().confirm(eve, codeAt(enrolment->secret, f.clock)).error().status(), 409);
    }

    void eachCodeServesOnce()
    {
        ServiceFixture f;
        const QString id = f.user(QStringLiteral("ivy"));
        const Principal ivy = f.principalFor(QStringLiteral("ivy"));
        const QString secret = f.services->mfa().enroll(ivy, std::nullopt)->secret;
        const QStringList recovery = f.services->mfa().confirm(ivy, codeAt(secret, f.clock)).value();
        // The step that confirmed the enrolment is spent; the next one is good once.
        QCOMPARE(f.services->mfa().verify(id, codeAt(secret, f.clock)).error().status(), 422);
        f.clock.advance(crypto::Totp::StepSeconds * 1000);
        QCOMPARE(*f.services->mfa().verify(id, codeAt(secret, f.clock)), QStringLiteral("totp"));
        QCOMPARE(f.services->mfa().verify(id, codeAt(secret, f.clock)).error().status(), 422);
        // An older step than the last one used is a replay too.
        QCOMPARE(f.services->mfa().verify(id, codeAt(secret, f.clock, -1)).error().status(), 422);
        // Far from now: not accepted.
        QCOMPARE(f.services->mfa().verify(id, codeAt(secret, f.clock, 5)).error().status(), 422);

        QCOMPARE(*f.services->mfa().verify(id, recovery.first()), QStringLiteral("recovery_code"));
        QCOMPARE(f.services->mfa().verify(id, recovery.first()).error().status(), 422);
        QCOMPARE(*f.services->mfa().verify(id, recovery.last()), QStringLiteral("recovery_code"));
        QCOMPARE(f.services->mfa().verify(id, QStringLiteral("not-a-code")).error().status(), 422);
    }

    void disablingIsACredentialChange()
    {
        ServiceFixture f;
        const QString id = f.user(QStringLiteral("dan"));
        const Principal dan = f.principalFor(QStringLiteral("dan"));
        const QString secret = f.services->mfa().enroll(dan, std::nullopt)->secret;
        QVERIFY(f.services->mfa().confirm(dan, codeAt(secret, f.clock)));
        Principal viaKey = dan;
        viaKey.apiKeyId = QStringLiteral("a-key");
        QCOMPARE(f.services->mfa().disable(viaKey, QStringLiteral("dan password")).error().slug(),
                 QStringLiteral("session-required"));
        f.clock.advance(6 * 60 * 1000);
        QCOMPARE(f.services->mfa().disable(dan, std::nullopt).error().slug(),
                 QStringLiteral("reauthentication-required"));
        QCOMPARE(f.services->mfa().disable(dan, QStringLiteral("wrong password")).error().status(), 422);
        QVERIFY(f.services->users().get(Principal::system(), id)->mfaEnabled);
        QVERIFY(f.services->mfa().disable(dan, QStringLiteral("dan password")));
        QVERIFY(!f.services->users().get(Principal::system(), id)->mfaEnabled);
        QCOMPARE(f.services->mfa().verify(id, codeAt(secret, f.clock)).error().status(), 422);
    }

    void anAdministratorResetsOnlyWhomTheyMayActOn()
    {
        ServiceFixture f;
        const QString ada = f.user(QStringLiteral("ada"), {QStringLiteral("admin")});
        const Principal self = f.principalFor(QStringLiteral("ada"));
        const QString secret = f.services->mfa().enroll(self, std::nullopt)->secret;
        QVERIFY(f.services->mfa().confirm(self, codeAt(secret, f.clock)));

        Principal manager;
        manager.type = Principal::Type::User;
        manager.id = QStringLiteral("someone-else");
        manager.permissions = {permission::UsersRead, permission::UsersWrite};
        QCOMPARE(f.services->mfa().reset(manager, ada).error().slug(), QStringLiteral("insufficient-privilege"));
        QCOMPARE(f.services->mfa().reset(self, ada).error().slug(), QStringLiteral("self-service-required"));
        QVERIFY(f.services->users().get(Principal::system(), ada)->mfaEnabled);
        QVERIFY(f.services->mfa().reset(Principal::gui(), ada));
        QVERIFY(!f.services->users().get(Principal::system(), ada)->mfaEnabled);
        QCOMPARE(f.services->mfa().reset(Principal::gui(), QStringLiteral("no-such-user")).error().status(), 404);
    }
};

QTEST_GUILESS_MAIN(TstMfaService)
#include "tst_mfa_service.moc"
