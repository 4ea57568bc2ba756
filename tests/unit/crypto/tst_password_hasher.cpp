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
        // The same vector in the form Ory Kratos, Zitadel and Auth0 write, with the key length.
        QTest::newRow("pbkdf2-sha256 with l=")
            << QStringLiteral("passwd")
            << QStringLiteral("$pbkdf2-sha256$i=1,l=64$c2FsdA$") +
                   QString::fromLatin1(
                       QByteArray::fromHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                                           "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
                           .toBase64(QByteArray::OmitTrailingEquals));
        // RFC 7914 section 12: scrypt("pleaseletmein", "SodiumChloride", N=16384, r=8, p=1, 64).
        QTest::newRow("scrypt")
            << QStringLiteral("pleaseletmein")
            << QStringLiteral("$scrypt$ln=14,r=8,p=1$") +
                   QString::fromLatin1(QByteArray("SodiumChloride").toBase64(QByteArray::OmitTrailingEquals)) +
                   QLatin1Char('$') +
                   QString::fromLatin1(
                       QByteArray::fromHex("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                                           "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887")
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

    // Hashes asking more work than a login may take are refused before any work is done: at import
    // (refusalOf) and at verify (never a match, whatever the password).
    void costIsCapped_data()
    {
        QTest::addColumn<QString>("encoded");
        QTest::addColumn<QString>("reason");
        const QString salt = QStringLiteral("c29tZXNhbHQ"), key = QString(43, QLatin1Char('A'));
        QTest::newRow("bcrypt 31") << QStringLiteral("$2b$31$") + QString(53, QLatin1Char('C'))
                                   << QStringLiteral("cost 31");
        QTest::newRow("bcrypt 15") << QStringLiteral("$2y$15$") + QString(53, QLatin1Char('C'))
                                   << QStringLiteral("cost 15");
        QTest::newRow("pbkdf2 iterations")
            << QStringLiteral("$pbkdf2-sha256$i=2000001$") + salt + QLatin1Char('$') + key << QStringLiteral("2000001");
        QTest::newRow("pbkdf2 output") << QStringLiteral("$pbkdf2-sha512$i=1000$") + salt + QLatin1Char('$') +
                                              QString::fromLatin1(QByteArray(65, 'x').toBase64())
                                       << QStringLiteral("64 bytes");
        QTest::newRow("scrypt memory") << QStringLiteral("$scrypt$ln=18,r=8,p=1$") + salt + QLatin1Char('$') + key
                                       << QStringLiteral("256 MiB");
        QTest::newRow("scrypt p") << QStringLiteral("$scrypt$ln=10,r=8,p=16$") + salt + QLatin1Char('$') + key
                                  << QStringLiteral("parallelism 16");
        // crypt(3) "$7$": N = 2^18 (digit 'G'), r = 8 ('6....'), p = 1 ('/....'): 256 MiB.
        QTest::newRow("$7$ memory") << QStringLiteral("$7$G6..../....saltsalt$") + key << QStringLiteral("MiB");
        QTest::newRow("argon2 memory") << QStringLiteral("$argon2id$v=19$m=262145,t=1,p=1$") + salt + QLatin1Char('$') +
                                              key
                                       << QStringLiteral("m=262145");
        QTest::newRow("argon2 time") << QStringLiteral("$argon2id$v=19$m=1024,t=11,p=1$") + salt + QLatin1Char('$') +
                                            key
                                     << QStringLiteral("t=11");
        QTest::newRow("argon2 lanes") << QStringLiteral("$argon2i$v=19$m=1024,t=1,p=9$") + salt + QLatin1Char('$') + key
                                      << QStringLiteral("p=9");
    }
    void costIsCapped()
    {
        QFETCH(QString, encoded);
        QFETCH(QString, reason);
        const QString refusal = PasswordHasher::refusalOf(encoded);
        QVERIFY2(refusal.contains(reason), qPrintable(refusal));
        // Were it run, bcrypt 31 alone would take hours: the test would time out, not pass.
        QVERIFY(!PasswordHasher({256, 1, 1}).verify(QStringLiteral("anything"), encoded));
    }

    void acceptableHashesAreNotRefused()
    {
        // libxcrypt's scrypt vector: "pleaseletmein", N = 2^14, r = 8, p = 1 (16 MiB).
        QVERIFY(
            PasswordHasher({256, 1, 1})
                .verify(QStringLiteral("pleaseletmein"),
                        QStringLiteral("$7$C6..../....SodiumChloride$kBGj9fHznVYFQMEn/qDCfrDevf9YDtcDdKvEqHJLV8D")));
        QCOMPARE(PasswordHasher::refusalOf(PasswordHasher({256, 1, 1}).hash(QStringLiteral("x"))), QString());
        QCOMPARE(PasswordHasher::refusalOf(QStringLiteral("$2b$14$") + QString(53, QLatin1Char('C'))), QString());
        QCOMPARE(PasswordHasher::refusalOf(QStringLiteral("$argon2id$v=19$m=262144,t=10,p=8$c29tZXNhbHQ$") +
                                           QString(43, QLatin1Char('A'))),
                 QString());
        QCOMPARE(PasswordHasher::refusalOf(
                     QStringLiteral("$7$C6..../....SodiumChloride$kBGj9fHznVYFQMEn/qDCfrDevf9YDtcDdKvEqHJLV8D")),
                 QString());
    }

    void garbageNeverVerifies()
    {
        PasswordHasher h({256, 1, 1});
        for (const char *s : {"", "*", "$argon2id$nonsense", "$2b$99$xyz", "$pbkdf2-sha256$i=0$AA$AA",
                              "$pbkdf2-md5$i=1$AA$AA", "$scrypt$ln=99,r=8,p=1$AA$AA", "plaintext",
                              "$pbkdf2-sha256$i=1,l=32$c2FsdA$VazEbTNYXnUpZdK44DqlxxE3TXY9lR6nBzoyRt6zmsk",
                              "$pbkdf2-sha256$i=1,x=5$c2FsdA$AA"})
            QVERIFY2(!h.verify(QStringLiteral("anything"), QLatin1String(s)), s);
        h.verifyNothing(QStringLiteral("whatever")); // must not crash, returns nothing
    }
};

QTEST_GUILESS_MAIN(TstPasswordHasher)
#include "tst_password_hasher.moc"
