// TOTP enrolment QR codes: an SVG with one path of dark modules and a quiet zone, the same for the
// same text, and nothing for text that does not fit.
#include "crypto/qr_code.h"

#include <QRegularExpression>
#include <QTest>

using namespace keyward::crypto;

class TstQrCode : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void svgOfOnePath()
    {
        const QString uri = QStringLiteral("otpauth://totp/Keyward:ada?secret=JBSWY3DPEHPK3PXP&issuer=Keyward");
        const QString svg = qrCodeSvg(uri);
        QVERIFY(svg.startsWith(QLatin1String("<svg")) || svg.startsWith(QLatin1String("<?xml")));
        QCOMPARE(svg.count(QLatin1String("<path")), 1);
        QCOMPARE(qrCodeSvg(uri), svg); // deterministic
        QVERIFY(qrCodeSvg(uri + QStringLiteral("x")) != svg);
        // The view box is square: modules plus a four-module quiet zone on each side.
        const auto box = QRegularExpression(QStringLiteral(R"re(viewBox="0 0 (\d+) (\d+)")re")).match(svg);
        QVERIFY(box.hasMatch());
        QCOMPARE(box.captured(1), box.captured(2));
        const int size = box.captured(1).toInt();
        QVERIFY(size >= 21 + 8 && (size - 8 - 21) % 4 == 0); // QR versions grow by four modules
        QVERIFY(!svg.contains(QLatin1String("<script")));
    }

    void tooLongIsEmpty() { QVERIFY(qrCodeSvg(QString(8000, QLatin1Char('a'))).isEmpty()); }
};

QTEST_GUILESS_MAIN(TstQrCode)
#include "tst_qr_code.moc"
