#pragma once

#include <QSslConfiguration>
#include <QString>

#include <optional>

namespace keyward {

// The listener's TLS configuration from PEM files: the certificate chain (leaf first) and its
// private key (RSA or EC, unencrypted). TLS 1.2 or later, Qt's secure cipher defaults, HTTP/1.1 only.
std::optional<QSslConfiguration> loadTlsConfiguration(const QString &certFile, const QString &keyFile, QString *error);

} // namespace keyward
