#include "crypto/digest.h"
#include "crypto/master_key.h"
#include "crypto/sealer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace keyward::crypto;

class TstSealer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sealsAndOpens()
    {
        Sealer s(randomBytes(32));
        const QByteArray sealed = s.seal("private key bytes", "signing_key:a");
        QVERIFY(!sealed.contains("private key bytes"));
        QCOMPARE(s.open(sealed, "signing_key:a"), std::optional<QByteArray>("private key bytes"));
        QVERIFY(s.seal("x", "c") != s.seal("x", "c")); // fresh nonce
    }

    void refusesWrongContextKeyOrTampering()
    {
        Sealer s(randomBytes(32));
        const QByteArray sealed = s.seal("secret", "row:1");
        QVERIFY(!s.open(sealed, "row:2"));
        QVERIFY(!Sealer(randomBytes(32)).open(sealed, "row:1"));
        for (int i = 0; i < sealed.size(); ++i) {
            QByteArray bad = sealed;
            bad[i] = static_cast<char>(bad[i] ^ 0x01);
            QVERIFY(!s.open(bad, "row:1"));
        }
        QVERIFY(!s.open(sealed.left(10), "row:1"));
    }

    void masterKeyFileIsCreatedPrivateAndReused()
    {
        QTemporaryDir dir;
        QString error;
        const auto first = loadMasterKey({}, dir.path(), false, true, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->bytes.size(), 32);
        QCOMPARE(QFile(first->location).permissions() & 0x0077, QFileDevice::Permissions());
        const auto second = loadMasterKey({}, dir.path(), false, true, &error);
        QCOMPARE(second->bytes, first->bytes);

        const QString explicitFile = dir.filePath(QStringLiteral("given.key"));
        QFile f(explicitFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a key");
        f.close();
        QVERIFY(!loadMasterKey(explicitFile, dir.path(), false, true, &error));
        QVERIFY(error.contains(QStringLiteral("32 bytes")));
    }

    // An existing database with no key here: refused with where the key belongs, nothing written.
    void noMasterKeyIsMadeWhenNoneMayBe()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!loadMasterKey({}, dir.path(), false, false, &error));
        QVERIFY2(error.contains(dir.filePath(QStringLiteral("master.key"))), qPrintable(error));
        QVERIFY(error.contains(QStringLiteral("--master-key-file")));
        QVERIFY(QDir(dir.path()).isEmpty());
        QVERIFY(loadMasterKey({}, dir.path(), false, true, &error));
        QVERIFY(loadMasterKey({}, dir.path(), false, false, &error)); // the one there is read
    }

    void constantTimeEquality()
    {
        QVERIFY(constantTimeEquals("abc", "abc"));
        QVERIFY(!constantTimeEquals("abc", "abd"));
        QVERIFY(!constantTimeEquals("abc", "abcd"));
        const QByteArray binary("\x00\xff\x10", 3);
        QCOMPARE(fromBase64Url(base64Url(binary)), binary);
        QVERIFY(fromBase64Url("a+b/").isNull());
    }
};

QTEST_GUILESS_MAIN(TstSealer)
#include "tst_sealer.moc"
