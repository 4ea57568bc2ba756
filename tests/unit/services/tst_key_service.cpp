// KeyService: one active signing key, rotation that keeps the retired key verifying and published,
// private halves sealed at rest.
#include "service_fixture.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

class TstKeyService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rotationKeepsOldTokensVerifiable()
    {
        ServiceFixture f(QStringLiteral("EdDSA"));
        KeyService &keys = f.services->keys();
        const auto first = keys.signer();
        QVERIFY(first);
        QCOMPARE(first->key.algorithm(), QStringLiteral("EdDSA"));
        const QByteArray signature = first->key.sign("payload");
        const auto rotated = keys.rotate();
        QVERIFY(rotated);
        QVERIFY(*rotated != first->kid);
        QCOMPARE(keys.signer()->kid, *rotated);
        // The retired key still verifies what it signed, and both are in the JWKS.
        const auto retired = keys.verificationKey(first->kid);
        QVERIFY(retired && retired->verify("payload", signature));
        QVERIFY(!keys.verificationKey(QStringLiteral("no-such-kid")));
        const auto published = keys.publishedKeys();
        QVERIFY(published);
        QStringList kids;
        for (const auto &[kid, key] : *published) {
            kids << kid;
            QVERIFY(!key.publicJwk(kid).contains(QStringLiteral("d"))); // never a private half
        }
        QVERIFY(kids.contains(first->kid) && kids.contains(*rotated));
        QVERIFY(keys.ensureActiveKey()); // one is active: nothing new
        QCOMPARE(keys.signer()->kid, *rotated);
    }

    // Rotation is an administrator's (settings:manage), refused and audited for others; by age it
    // happens once the active key is as old as the setting says, once.
    void rotationNeedsThePermissionOrTheAge_data() { TestDatabase::addBackendRows(); }
    void rotationNeedsThePermissionOrTheAge()
    {
        QFETCH(QString, backend);
        ServiceFixture f(QStringLiteral("RS256"), backend);
        KeyService &keys = f.services->keys();
        const QString first = keys.signer()->kid;
        Principal reader = Principal::gui();
        reader.permissions = {QStringLiteral("users:read")};
        const auto refused = keys.rotate(reader);
        QVERIFY(!refused);
        QCOMPARE(refused.error().status(), 403);
        QCOMPARE(keys.signer()->kid, first);

        QCOMPARE(f.services->settings().current().signingKeyRotationDays, 90); // the default
        QCOMPARE(*keys.rotateIfDue(), QString());
        f.clock.advance(91LL * 86'400'000);
        const auto due = keys.rotateIfDue();
        QVERIFY(due && !due->isEmpty());
        QCOMPARE(keys.signer()->kid, *due);
        QCOMPARE(*keys.rotateIfDue(), QString()); // the new one is young
        QVERIFY(keys.verificationKey(first));     // the old one still verifies

        QVERIFY(f.services->settings().update(Principal::system(),
                                              {{QStringLiteral("tokens.signing_key_rotation_days"), 0}}));
        f.clock.advance(400LL * 86'400'000);
        QCOMPARE(*keys.rotateIfDue(), QString()); // 0: only by hand
    }

    // Services started with another master key find an active key they cannot unseal: they refuse
    // to start rather than retire the key the right nodes sign with.
    void aWrongMasterKeyReplacesNoKey()
    {
        ServiceFixture f(QStringLiteral("EdDSA"));
        const QString kid = f.services->keys().signer()->kid;
        ServiceOptions o;
        o.jwtAlgorithm = QStringLiteral("EdDSA");
        Services wrong(f.db.database(), crypto::randomBytes(32), o, f.clock);
        const Status started = wrong.start();
        QVERIFY(!started);
        QVERIFY2(started.error().detail().contains(kid), qPrintable(started.error().detail()));
        QVERIFY(!wrong.keys().signer());
        // Nor when it is configured for another algorithm, which would otherwise make a key of its own.
        o.jwtAlgorithm = QStringLiteral("RS256");
        Services otherAlgorithm(f.db.database(), crypto::randomBytes(32), o, f.clock);
        QVERIFY(!otherAlgorithm.start());
        QSqlQuery q(f.db.database()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT kid, retired_at FROM signing_keys")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), kid);
        QCOMPARE(q.value(1).toLongLong(), 0);
        QVERIFY(!q.next());
        QCOMPARE(f.services->keys().signer()->kid, kid);
    }

    void privateHalvesAreSealed()
    {
        ServiceFixture f;
        const auto signer = f.services->keys().signer();
        QVERIFY(signer);
        const QByteArray pem = signer->key.privatePem();
        QSqlQuery q(f.db.database()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM signing_keys")));
        int rows = 0;
        while (q.next()) {
            ++rows;
            for (int i = 0; i < 10 && q.value(i).isValid(); ++i) {
                const QByteArray cell = q.value(i).toByteArray();
                QVERIFY(!cell.contains("PRIVATE KEY"));
                QVERIFY(!cell.contains(pem.mid(40, 40)));
            }
        }
        QCOMPARE(rows, 1);
    }
};

QTEST_GUILESS_MAIN(TstKeyService)
#include "tst_key_service.moc"
