#include "crypto/digest.h"
#include "crypto/qr_code.h"
#include "crypto/totp.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace keyward::crypto;

class TstTotp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rfc6238AppendixB_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("code");
        QTest::newRow("59") << qint64(59) << QStringLiteral("94287082");
        QTest::newRow("1111111109") << qint64(1111111109) << QStringLiteral("07081804");
        QTest::newRow("1111111111") << qint64(1111111111) << QStringLiteral("14050471");
        QTest::newRow("1234567890") << qint64(1234567890) << QStringLiteral("89005924");
        QTest::newRow("2000000000") << qint64(2000000000) << QStringLiteral("69279037");
        QTest::newRow("20000000000") << qint64(20000000000) << QStringLiteral("65353130");
    }
    void rfc6238AppendixB()
    {
        QFETCH(qint64, time);
        QFETCH(QString, code);
        QCOMPARE(Totp::code("12345678901234567890", time, 8), code); // the SHA-1 seed of Appendix B
    }

    void base32Rfc4648()
    {
        const QList<QPair<QByteArray, QString>> vectors{{"", QString()},
                                                        {"f", QStringLiteral("MY")},
                                                        {"fo", QStringLiteral("MZXQ")},
                                                        {"foo", QStringLiteral("MZXW6")},
                                                        {"foob", QStringLiteral("MZXW6YQ")},
                                                        {"fooba", QStringLiteral("MZXW6YTB")},
                                                        {"foobar", QStringLiteral("MZXW6YTBOI")}};
        for (const auto &[raw, encoded] : vectors) {
            QCOMPARE(base32Encode(raw), encoded);
            QCOMPARE(base32Decode(encoded).value(), raw);
        }
        QCOMPARE(base32Decode(QStringLiteral("mzxw6ytboi======")).value(), QByteArray("foobar"));
        QVERIFY(!base32Decode(QStringLiteral("MZXW1")));
    }

    void agreesWithOathtool()
    {
        const QByteArray secret = randomBytes(20);
        for (const qint64 t : {qint64(0), qint64(1700000000), qint64(1790000015), qint64(4102444799)}) {
            QProcess p;
            p.start(QStringLiteral("oathtool"), {QStringLiteral("--totp"), QStringLiteral("-b"),
                                                 QStringLiteral("--now=@%1").arg(t), base32Encode(secret)});
            QVERIFY(p.waitForFinished(10000));
            QCOMPARE(QString::fromLatin1(p.readAllStandardOutput()).trimmed(), Totp::code(secret, t));
        }
    }

    void matchesWithinOneStepAndTellsWhich()
    {
        const QByteArray secret = randomBytes(20);
        const qint64 now = 1'790'000'000;
        QCOMPARE(Totp::match(secret, Totp::code(secret, now), now), std::optional<qint64>(now / 30));
        QCOMPARE(Totp::match(secret, Totp::code(secret, now - 30), now), std::optional<qint64>(now / 30 - 1));
        QCOMPARE(Totp::match(secret, Totp::code(secret, now + 30), now), std::optional<qint64>(now / 30 + 1));
        QVERIFY(!Totp::match(secret, Totp::code(secret, now - 90), now));
        QVERIFY(!Totp::match(secret, QStringLiteral("12345"), now));
        const QString uri = Totp::otpauthUri(QStringLiteral("Keyward"), QStringLiteral("ann@example.com"), secret);
        QVERIFY(
            uri.startsWith(QStringLiteral("otpauth://totp/Keyward:ann%40example.com?secret=") + base32Encode(secret)));
    }

    void qrCodeDecodesToTheUri()
    {
        const QString uri = QStringLiteral("otpauth://totp/Keyward:ann?secret=JBSWY3DPEHPK3PXP&issuer=Keyward");
        const QString svg = qrCodeSvg(uri);
        QVERIFY(svg.startsWith(QStringLiteral("<svg")));
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("qr.svg")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(svg.toUtf8());
        f.close();
        // Rendered by librsvg and read back by zbar: two independent implementations.
        QProcess render;
        render.start(QStringLiteral("rsvg-convert"), {QStringLiteral("-w"), QStringLiteral("400"), QStringLiteral("-o"),
                                                      dir.filePath(QStringLiteral("qr.png")), f.fileName()});
        QVERIFY(render.waitForFinished(20000) && render.exitCode() == 0);
        QProcess decode;
        decode.start(QStringLiteral("zbarimg"),
                     {QStringLiteral("--quiet"), QStringLiteral("--raw"), dir.filePath(QStringLiteral("qr.png"))});
        QVERIFY(decode.waitForFinished(20000));
        QCOMPARE(QString::fromUtf8(decode.readAllStandardOutput()).trimmed(), uri);
    }
};

QTEST_GUILESS_MAIN(TstTotp)
#include "tst_totp.moc"
