#include "qr_code.h"

#include <qrencode.h>

namespace keyward::crypto {

QString qrCodeSvg(const QString &text)
{
    QRcode *qr = QRcode_encodeString(text.toUtf8().constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!qr)
        return {};
    const int size = qr->width;
    const int quiet = 4;
    const int total = size + 2 * quiet;
    QString path;
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            if (qr->data[y * size + x] & 1)
                path += QStringLiteral("M%1 %2h1v1h-1z").arg(x + quiet).arg(y + quiet);
        }
    }
    QRcode_free(qr);
    return QStringLiteral(
               "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %1 %1\" shape-rendering=\"crispEdges\">"
               "<rect width=\"%1\" height=\"%1\" fill=\"#fff\"/><path fill=\"#000\" d=\"%2\"/></svg>")
        .arg(total)
        .arg(path);
}

} // namespace keyward::crypto
