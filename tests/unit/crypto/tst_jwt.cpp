#include "crypto/digest.h"
#include "crypto/jwt.h"

#include <QJsonDocument>
#include <QTest>

using namespace keyward::crypto;

namespace {
// RFC 7515 appendix A.2 / A.3 payload: {"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}
const QByteArray Rfc7515Payload =
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
const QByteArray Rfc7515Rs256Token =
    "eyJhbGciOiJSUzI1NiJ9." + Rfc7515Payload +
    ".cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_"
    "O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZ"
    "cAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--"
    "xi12jzDwusC-eOk"
    "HWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw";
const char *Rfc7515RsaN =
    "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-"
    "pCgNMsD1"
    "W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-"
    "UTo7WTBEMa2R2CapHg665xsmtdVMTBQY"
    "4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ";
const QByteArray Rfc7515Es256Token =
    "eyJhbGciOiJFUzI1NiJ9." + Rfc7515Payload +
    ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";
// RFC 8037 appendix A.4.
const QByteArray Rfc8037Input = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
const QByteArray Rfc8037Signature =
    "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

QJsonObject jwk(std::initializer_list<QPair<QString, QString>> members)
{
    QJsonObject o;
    for (const auto &[k, v] : members)
        o.insert(k, v);
    return o;
}

SigningKey rfcRsaKey()
{
    return *SigningKey::fromJwk(jwk({{QStringLiteral("kty"), QStringLiteral("RSA")},
                                     {QStringLiteral("n"), QLatin1String(Rfc7515RsaN)},
                                     {QStringLiteral("e"), QStringLiteral("AQAB")}}));
}

// A JWS whose signature part is computed here, for header forgery tests.
QByteArray token(const QJsonObject &header, const QJsonObject &claims, const QByteArray &signature)
{
    return base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
           base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.' + base64Url(signature);
}
} // namespace

class TstJwt : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rfc7515Rs256Verifies()
    {
        const auto jwt = decodeJwt(Rfc7515Rs256Token);
        QVERIFY(jwt);
        QCOMPARE(jwt->claims.value(QStringLiteral("iss")).toString(), QStringLiteral("joe"));
        const SigningKey key = rfcRsaKey();
        QVERIFY(verifyJwtSignature(*jwt, key));
        QByteArray tampered = Rfc7515Rs256Token;
        tampered[30] = tampered[30] == 'a' ? 'b' : 'a';
        const auto bad = decodeJwt(tampered);
        QVERIFY(!bad || !verifyJwtSignature(*bad, key));
    }

    void rfc7515Es256Verifies()
    {
        const auto key = SigningKey::fromJwk(
            jwk({{QStringLiteral("kty"), QStringLiteral("EC")},
                 {QStringLiteral("crv"), QStringLiteral("P-256")},
                 {QStringLiteral("x"), QStringLiteral("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU")},
                 {QStringLiteral("y"), QStringLiteral("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0")}}));
        QVERIFY(key);
        QCOMPARE(key->algorithm(), QStringLiteral("ES256"));
        const auto jwt = decodeJwt(Rfc7515Es256Token);
        QVERIFY(jwt && verifyJwtSignature(*jwt, *key));
    }

    void rfc8037Ed25519SignsDeterministically()
    {
        const auto key = SigningKey::fromJwk(
            jwk({{QStringLiteral("kty"), QStringLiteral("OKP")},
                 {QStringLiteral("crv"), QStringLiteral("Ed25519")},
                 {QStringLiteral("d"), QStringLiteral("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A")},
                 {QStringLiteral("x"), QStringLiteral("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")}}));
        QVERIFY(key && key->hasPrivateKey());
        QCOMPARE(base64Url(key->sign(Rfc8037Input)), Rfc8037Signature);
        const auto jwt = decodeJwt(QByteArray(Rfc8037Input + '.' + Rfc8037Signature));
        QVERIFY(!jwt); // its payload is a sentence, not a claims set: not a JWT
        QVERIFY(key->verify(Rfc8037Input, fromBase64Url(Rfc8037Signature)));
        QCOMPARE(key->publicJwk(QStringLiteral("k1")).value(QStringLiteral("x")).toString(),
                 QStringLiteral("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"));
    }

    void roundTripEveryAlgorithmThroughPem_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::newRow("RS256") << QStringLiteral("RS256");
        QTest::newRow("EdDSA") << QStringLiteral("EdDSA");
        QTest::newRow("ES256") << QStringLiteral("ES256");
    }
    void roundTripEveryAlgorithmThroughPem()
    {
        QFETCH(QString, alg);
        const auto key = SigningKey::generate(alg);
        QVERIFY(key);
        const QByteArray t =
            signJwt(QJsonObject{{QStringLiteral("sub"), QStringLiteral("u1")}}, *key, QStringLiteral("kid1"));
        const auto jwt = decodeJwt(t);
        QVERIFY(jwt);
        QCOMPARE(jwt->header.value(QStringLiteral("kid")).toString(), QStringLiteral("kid1"));
        const auto publicOnly = SigningKey::fromPem(alg, key->publicPem());
        QVERIFY(publicOnly && !publicOnly->hasPrivateKey());
        QVERIFY(verifyJwtSignature(*jwt, *publicOnly));
        QVERIFY(publicOnly->sign("x").isEmpty());
        const auto reloaded = SigningKey::fromPem(alg, key->privatePem());
        QVERIFY(reloaded && reloaded->hasPrivateKey());
        QVERIFY(verifyJwtSignature(*decodeJwt(signJwt({}, *reloaded, QStringLiteral("k"))), *publicOnly));
        // A PEM of another algorithm is refused rather than misused.
        QVERIFY(!SigningKey::fromPem(alg == QLatin1String("RS256") ? QStringLiteral("ES256") : QStringLiteral("RS256"),
                                     key->publicPem()));
    }

    void forgedHeadersAreRejected()
    {
        const SigningKey rsa = *SigningKey::generate(QStringLiteral("RS256"));
        const QJsonObject claims{{QStringLiteral("sub"), QStringLiteral("victim")}};
        // alg "none" with an empty signature.
        auto none = decodeJwt(token({{QStringLiteral("alg"), QStringLiteral("none")}}, claims, {}));
        QVERIFY(!none || !verifyJwtSignature(*none, rsa));
        // HS256 keyed with the public key (the classic algorithm confusion).
        const QByteArray forgedInput = base64Url(R"({"alg":"HS256"})") + '.' + base64Url(R"({"sub":"victim"})");
        const QByteArray forged = forgedInput + '.' + base64Url(hmacSha256(rsa.publicPem(), forgedInput));
        QVERIFY(!verifyJwtSignature(*decodeJwt(forged), rsa));
        // A valid RS256 signature under a header that claims another algorithm.
        const QByteArray good = signJwt(claims, rsa, QStringLiteral("k"));
        auto relabelled = decodeJwt(good);
        relabelled->header.insert(QStringLiteral("alg"), QStringLiteral("ES256"));
        QVERIFY(!verifyJwtSignature(*relabelled, rsa));
        // "crit" extensions we do not understand.
        auto crit = decodeJwt(good);
        crit->header.insert(QStringLiteral("crit"), QStringLiteral("exp"));
        QVERIFY(!verifyJwtSignature(*crit, rsa));
        // Another key of the same algorithm.
        QVERIFY(!verifyJwtSignature(*decodeJwt(good), *SigningKey::generate(QStringLiteral("RS256"))));
    }

    void malformedTokens()
    {
        for (const char *t : {"", "a", "a.b", "a.b.c.d", "!!!.e30.", "e30.e30", "e30..sig", "W10.e30.c2ln"})
            QVERIFY2(!decodeJwt(QByteArray(t)), t);
        QVERIFY(!decodeJwt(QByteArray(20000, 'a')));
    }
};

QTEST_GUILESS_MAIN(TstJwt)
#include "tst_jwt.moc"
