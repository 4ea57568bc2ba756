// SigningKey: the RFC 8037 Ed25519 vector bit for bit, every algorithm through generate, PEM and
// JWK and back, and signatures that fail for the wrong data or key.
#include "crypto/signing_key.h"

#include <QTest>

using namespace keyward::crypto;

namespace {

QByteArray b64url(const char *text)
{
    return QByteArray::fromBase64(text, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// RFC 8037 appendix A.1 (the private key) and A.4 (a signature by it).
QJsonObject rfc8037Key(bool withPrivate)
{
    QJsonObject jwk{{QStringLiteral("kty"), QStringLiteral("OKP")},
                    {QStringLiteral("crv"), QStringLiteral("Ed25519")},
                    {QStringLiteral("x"), QStringLiteral("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")}};
    if (withPrivate)
        jwk.insert(QStringLiteral("d"), QStringLiteral("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"));
    return jwk;
}

const QByteArray Rfc8037Input = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
const char *Rfc8037Signature = "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

} // namespace

class TstSigningKey : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rfc8037Ed25519()
    {
        const auto key = SigningKey::fromJwk(rfc8037Key(true));
        QVERIFY(key);
        QCOMPARE(key->algorithm(), QStringLiteral("EdDSA"));
        QVERIFY(key->hasPrivateKey());
        QCOMPARE(key->sign(Rfc8037Input), b64url(Rfc8037Signature));
        const auto publicOnly = SigningKey::fromJwk(rfc8037Key(false));
        QVERIFY(publicOnly && !publicOnly->hasPrivateKey());
        QVERIFY(publicOnly->verify(Rfc8037Input, b64url(Rfc8037Signature)));
        QVERIFY(publicOnly->sign(Rfc8037Input).isEmpty());
        QVERIFY(!publicOnly->verify(QByteArray(Rfc8037Input + "x"), b64url(Rfc8037Signature)));
    }

    void everyAlgorithmRoundTrips_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<int>("signatureSize");
        QTest::newRow("RS256") << QStringLiteral("RS256") << 256;
        QTest::newRow("EdDSA") << QStringLiteral("EdDSA") << 64;
        QTest::newRow("ES256") << QStringLiteral("ES256") << 64; // JOSE r||s, not DER
    }

    void everyAlgorithmRoundTrips()
    {
        QFETCH(QString, algorithm);
        QFETCH(int, signatureSize);
        QVERIFY(SigningKey::isSupported(algorithm));
        const auto key = SigningKey::generate(algorithm);
        QVERIFY(key);
        const QByteArray data = "header.payload";
        const QByteArray signature = key->sign(data);
        QCOMPARE(signature.size(), signatureSize);
        QVERIFY(key->verify(data, signature));
        QVERIFY(!key->verify("header.payloaD", signature));
        QVERIFY(!SigningKey::generate(algorithm)->verify(data, signature)); // another key

        // The private PEM brings the whole key back; the public PEM and JWK only the public half.
        const auto restored = SigningKey::fromPem(algorithm, key->privatePem());
        QVERIFY(restored && restored->hasPrivateKey());
        QVERIFY(key->verify(data, restored->sign(data)));
        const auto fromPublicPem = SigningKey::fromPem(algorithm, key->publicPem());
        QVERIFY(fromPublicPem && !fromPublicPem->hasPrivateKey());
        QVERIFY(fromPublicPem->verify(data, signature));
        const QJsonObject jwk = key->publicJwk(QStringLiteral("k1"));
        QCOMPARE(jwk.value(QStringLiteral("kid")).toString(), QStringLiteral("k1"));
        QCOMPARE(jwk.value(QStringLiteral("alg")).toString(), algorithm);
        QCOMPARE(jwk.value(QStringLiteral("use")).toString(), QStringLiteral("sig"));
        for (const char *secret : {"d", "p", "q", "dp", "dq", "qi"})
            QVERIFY2(!jwk.contains(QLatin1String(secret)), secret);
        const auto fromJwk = SigningKey::fromJwk(jwk);
        QVERIFY(fromJwk && !fromJwk->hasPrivateKey());
        QCOMPARE(fromJwk->algorithm(), algorithm);
        QVERIFY(fromJwk->verify(data, signature));
    }

    void refusesWhatIsNotAKey()
    {
        QVERIFY(!SigningKey::isSupported(QStringLiteral("HS256")));
        QVERIFY(!SigningKey::isSupported(QStringLiteral("none")));
        QVERIFY(!SigningKey::generate(QStringLiteral("HS256")));
        QVERIFY(!SigningKey::fromPem(QStringLiteral("RS256"),
                                     "-----BEGIN PRIVATE KEY-----\nnot\n-----END PRIVATE KEY-----"));
        // A key of one algorithm is not read as another.
        QVERIFY(
            !SigningKey::fromPem(QStringLiteral("RS256"), SigningKey::generate(QStringLiteral("EdDSA"))->privatePem()));
        QJsonObject wrongCurve = rfc8037Key(false);
        wrongCurve.insert(QStringLiteral("crv"), QStringLiteral("X25519"));
        QVERIFY(!SigningKey::fromJwk(wrongCurve));
        QJsonObject shortKey = rfc8037Key(false);
        shortKey.insert(QStringLiteral("x"), QStringLiteral("11qYAYKxCrfVS_7T"));
        QVERIFY(!SigningKey::fromJwk(shortKey));
        QVERIFY(!SigningKey::fromJwk(QJsonObject{{QStringLiteral("kty"), QStringLiteral("oct")}}));
        // A signature of the wrong length is simply not valid.
        const auto key = SigningKey::generate(QStringLiteral("ES256"));
        QVERIFY(!key->verify("data", QByteArray(63, 'x')));
        QVERIFY(!key->verify("data", QByteArray()));
    }
};

QTEST_GUILESS_MAIN(TstSigningKey)
#include "tst_signing_key.moc"
