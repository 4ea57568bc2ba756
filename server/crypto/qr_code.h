#pragma once

#include <QString>

namespace keyward::crypto {

// A QR code (libqrencode, error correction M) as a self-contained SVG: one path of dark modules
// with a four-module quiet zone, black on white, scalable without blur. Empty when `text` does not fit.
QString qrCodeSvg(const QString &text);

} // namespace keyward::crypto
