// The digest primitives against their standards' vectors: SHA-256 (FIPS 180-4), HMAC-SHA256
// (RFC 4231), HKDF-SHA256 (RFC 5869), strict base64url (RFC 4648 section 5), and the CSPRNG.
#include "crypto/digest.h"

#include <QSet>
#include <QTest>

using namespace keyward::crypto;

class TstDigest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sha256Vectors()
    {
        QCOMPARE(sha256("abc").toHex(), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(sha256("").toHex(), QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    void hmacRfc4231()
    {
        // Test case 2: key "Jefe".
        QCOMPARE(hmacSha256("Jefe", "what do ya want for nothing?").toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        // Test case 6: a key longer than the block size is hashed first.
        QCOMPARE(hmacSha256(QByteArray(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First").toHex(),
                 QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
    }

    void hkdfRfc5869()
    {
        // Test case 3: no salt, no info (Keyward's HKDF takes no salt, as in this case).
        const QByteArray okm = hkdfSha256(QByteArray(22, '\x0b'), QByteArray(), 42);
        QCOMPARE(okm.toHex(),
                 QByteArray("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"));
        // Different purposes, different keys.
        QVERIFY(hkdfSha256("master", "audit") != hkdfSha256("master", "sessions"));
    }

    void base64UrlIsStrict()
    {
        QCOMPARE(base64Url(QByteArray("\xfb\xff", 2)), QByteArray("-_8"));
        QCOMPARE(fromBase64Url("-_8"), QByteArray("\xfb\xff", 2));
        for (const char *bad : {"+/8", "-_8=", "a b", "a\n"})
            QVERIFY2(fromBase64Url(bad).isNull(), bad);
    }

    void constantTimeEqualsCompares()
    {
        QVERIFY(constantTimeEquals("secret", "secret"));
        QVERIFY(!constantTimeEquals("secret", "secreT"));
        QVERIFY(!constantTimeEquals("secret", "secret!"));
        QVERIFY(!constantTimeEquals("", "x"));
        QVERIFY(constantTimeEquals("", ""));
    }

    void randomBytesAreFreshAndWipeClears()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 100; ++i)
            seen.insert(randomBytes(16));
        QCOMPARE(seen.size(), 100);
        QCOMPARE(randomBytes(32).size(), 32);
        const QString token = randomToken(32);
        QCOMPARE(token.size(), 43); // 256 bits, unpadded base64url
        QCOMPARE(fromBase64Url(token.toLatin1()).size(), 32);
        QByteArray secret("hunter2");
        wipe(secret);
        QVERIFY(!secret.contains("hunter2"));
    }
};

QTEST_GUILESS_MAIN(TstDigest)
#include "tst_digest.moc"
