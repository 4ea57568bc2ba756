#include "crypto/password_hasher.h"

#include <QTest>

using namespace keyward::crypto;

class TstPasswordHasher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void argon2ReferenceVectors_data()
    {
        QTest::addColumn<QString>("encoded");
        // phc-winner-argon2 src/test.c: password "password", salt "somesalt".
        QTest::newRow("argon2id m=64MiB")
            << QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");
        QTest::newRow("argon2id m=256KiB")
            << QStringLiteral("$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4");
    }
    void argon2ReferenceVectors()
    {
        QFETCH(QString, encoded);
        PasswordHasher h;
        QVERIFY(h.verify(QStringLiteral("password"), encoded));
        QVERIFY(!h.verify(QStringLiteral("passwore"), encoded));
        QVERIFY(h.needsRehash(encoded));
    }

    void hashesWithConfiguredParameters()
    {
        PasswordHasher h({256, 1, 1});
        const QString encoded = h.hash(QStringLiteral("correct horse"));
        QVERIFY(encoded.startsWith(QStringLiteral("$argon2id$v=19$m=256,t=1,p=1$")));
        QVERIFY(h.verify(QStringLiteral("correct horse"), encoded));
        QVERIFY(!h.verify(QStringLiteral("correct horsE"), encoded));
        QVERIFY(!h.needsRehash(encoded));
        QVERIFY(PasswordHasher({512, 1, 1}).needsRehash(encoded));
        QVERIFY(h.hash(QStringLiteral("correct horse")) != encoded); // fresh salt each time
    }

    void unicodeIsNormalised()
    {
        PasswordHasher h({256, 1, 1});
        // "é" precomposed and decomposed are one password (NFKC).
        const QString encoded = h.hash(QStringLiteral("caf\u00e9 au lait"));
        QVERIFY(h.verify(QStringLiteral("cafe\u0301 au lait"), encoded));
    }

    void legacyFormats_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("encoded");
        // crypt_blowfish / OpenBSD bcrypt test vector.
        QTest::newRow("bcrypt") << QStringLiteral("U*U")
                                << QStringLiteral("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW");
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64).
        QTest::newRow("pbkdf2-sha256") << QStringLiteral("passwd")
                                       << PasswordHasher::encodePbkdf2(
                                              QStringLiteral("sha256"), 1, "salt",
                                              QByteArray::fromHex(
                                                  "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                                                  "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"));
        // RFC 7914 section 12: scrypt("password", "NaCl", N=1024, r=8, p=16, 64).
        QTest::newRow("scrypt")
            << QStringLiteral("password")
            << QStringLiteral("$scrypt$ln=10,r=8,p=16$") +
                   QString::fromLatin1(QByteArray("NaCl").toBase64(QByteArray::OmitTrailingEquals)) + QLatin1Char('$') +
                   QString::fromLatin1(
                       QByteArray::fromHex("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                                           "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")
                           .toBase64(QByteArray::OmitTrailingEquals));
    }
    void legacyFormats()
    {
        QFETCH(QString, password);
        QFETCH(QString, encoded);
        PasswordHasher h({256, 1, 1});
        QVERIFY(h.verify(password, encoded));
        QVERIFY(!h.verify(password + QLatin1Char('x'), encoded));
        QVERIFY(h.needsRehash(encoded));
    }

    void garbageNeverVerifies()
    {
        PasswordHasher h({256, 1, 1});
        for (const char *s : {"", "*", "$argon2id$nonsense", "$2b$99$xyz", "$pbkdf2-sha256$i=0$AA$AA",
                              "$pbkdf2-md5$i=1$AA$AA", "$scrypt$ln=99,r=8,p=1$AA$AA", "plaintext"})
            QVERIFY2(!h.verify(QStringLiteral("anything"), QLatin1String(s)), s);
        h.verifyNothing(QStringLiteral("whatever")); // must not crash, returns nothing
    }
};

QTEST_GUILESS_MAIN(TstPasswordHasher)
#include "tst_password_hasher.moc"
