// Any standard JWT library must verify Keyward's tokens against its JWKS: PyJWT checks
// signature, audience, issuer and expiry for every supported algorithm.
#include "test_server.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

class TstJwtInterop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pyjwtVerifies_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::newRow("RS256") << QStringLiteral("RS256");
        QTest::newRow("EdDSA") << QStringLiteral("EdDSA");
        QTest::newRow("ES256") << QStringLiteral("ES256");
    }

    void pyjwtVerifies()
    {
        QFETCH(QString, alg);
        TestServer::Setup setup;
        setup.jwtAlgorithm = alg;
        TestServer s(setup);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        const QString id =
            s.createUser(QStringLiteral("nina"), QStringLiteral("nina secret pw"), {QStringLiteral("auditor")});
        const QString token = s.login(QStringLiteral("nina"), QStringLiteral("nina secret pw"))
                                  .value(QStringLiteral("access_token"))
                                  .toString();
        QVERIFY(!token.isEmpty());
        const Reply jwks = s.get(QStringLiteral("/.well-known/jwks.json"));
        QCOMPARE(jwks.status, 200);
        const QJsonObject key = jwks.json().value(QStringLiteral("keys")).toArray().first().toObject();
        QCOMPARE(key.value(QStringLiteral("alg")).toString(), alg);
        QVERIFY(!key.contains(QStringLiteral("d"))); // never the private half

        QTemporaryDir dir;
        QFile jwksFile(dir.filePath(QStringLiteral("jwks.json"))), tokenFile(dir.filePath(QStringLiteral("token")));
        QVERIFY(jwksFile.open(QIODevice::WriteOnly) && tokenFile.open(QIODevice::WriteOnly));
        jwksFile.write(jwks.body);
        tokenFile.write(token.toLatin1());
        jwksFile.close();
        tokenFile.close();
        const QString script = QStringLiteral(KEYWARD_SOURCE_DIR "/tests/integration/verify_jwt.py");
        const auto run = [&](const QString &tokenPath) {
            QProcess p;
            // Debian's interpreter, which has python3-jwt, whatever else is first on PATH.
            p.start(QStringLiteral("/usr/bin/python3"),
                    {script, jwksFile.fileName(), tokenPath, alg, QStringLiteral("keyward"),
                     QStringLiteral("http://keyward.test")});
            p.waitForFinished(30000);
            return qMakePair(p.exitCode(), QByteArray(p.readAllStandardOutput() + p.readAllStandardError()));
        };
        const auto ok = run(tokenFile.fileName());
        QVERIFY2(ok.first == 0, QByteArray(ok.second).constData());
        const QJsonObject claims = QJsonDocument::fromJson(ok.second).object();
        QCOMPARE(claims.value(QStringLiteral("sub")).toString(), id);
        QCOMPARE(claims.value(QStringLiteral("scope")).toString(),
                 QStringLiteral("audit:read metrics:read users:read"));
        QVERIFY(claims.contains(QStringLiteral("sid")) && claims.contains(QStringLiteral("jti")));

        // A flipped byte in the signature must fail in PyJWT too (the check can fail).
        QByteArray tampered = token.toLatin1();
        tampered[tampered.size() - 5] = tampered[tampered.size() - 5] == 'A' ? 'B' : 'A';
        QFile bad(dir.filePath(QStringLiteral("bad")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(tampered);
        bad.close();
        QVERIFY(run(bad.fileName()).first != 0);
        QCOMPARE(s.get(QStringLiteral("/api/v1/me"), tampered).status, 401);
    }

    void discovery()
    {
        TestServer s;
        const Reply r = s.get(QStringLiteral("/.well-known/openid-configuration"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("issuer")).toString(), QStringLiteral("http://keyward.test"));
        QCOMPARE(r.json().value(QStringLiteral("jwks_uri")).toString(),
                 QStringLiteral("http://keyward.test/.well-known/jwks.json"));
        QCOMPARE(r.json().value(QStringLiteral("id_token_signing_alg_values_supported")).toArray(),
                 QJsonArray{QStringLiteral("RS256")});
    }
};

QTEST_GUILESS_MAIN(TstJwtInterop)
#include "tst_jwt_interop.moc"
