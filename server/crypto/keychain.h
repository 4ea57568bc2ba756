#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace keyward::crypto {

// The system keychain (the Secret Service on Linux, e.g. gnome-keyring) through QtKeychain.
// Blocks until the keychain answers; needs a QCoreApplication.
class Keychain {
public:
    enum class Outcome { Found, NotFound, Unavailable };
    static Outcome read(const QString &service, const QString &key, QByteArray *data, QString *error);
    static bool write(const QString &service, const QString &key, const QByteArray &data, QString *error);
};

} // namespace keyward::crypto
