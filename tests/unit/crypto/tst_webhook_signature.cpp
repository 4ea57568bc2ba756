// The Standard Webhooks signature, against the scheme's published test vector.
#include "crypto/webhook_signature.h"

#include <QTest>

using namespace keyward::crypto;

class TstWebhookSignature : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesThePublishedVector()
    {
        // From the Standard Webhooks specification's reference libraries.
        const auto key = webhook::keyOf(QStringLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        QVERIFY(key);
        QCOMPARE(webhook::signature(*key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"),
                 QByteArray("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
        // Any change of id, time or body changes it.
        QVERIFY(webhook::signature(*key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331, "{\"test\": 2432232314}") !=
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    void secretsAreTheSchemesAndFresh()
    {
        const QString a = webhook::newSecret();
        const QString b = webhook::newSecret();
        QVERIFY(a.startsWith(QLatin1String("whsec_")));
        QVERIFY(a != b);
        QCOMPARE(webhook::keyOf(a)->size(), webhook::KeyBytes);
        QVERIFY(!webhook::keyOf(QStringLiteral("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")));  // no prefix
        QVERIFY(!webhook::keyOf(QStringLiteral("whsec_c2hvcnQ=")));                    // 5 bytes: too short
        QVERIFY(!webhook::keyOf(QStringLiteral("whsec_!!!notbase64!!!!!!!!!!!!!!!"))); // not base64
    }
};

QTEST_GUILESS_MAIN(TstWebhookSignature)
#include "tst_webhook_signature.moc"
