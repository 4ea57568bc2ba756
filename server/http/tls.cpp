#include "tls.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace keyward {

std::optional<QSslConfiguration> loadTlsConfiguration(const QString &certFile, const QString &keyFile, QString *error)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certFile, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = QStringLiteral("no PEM certificate in %1").arg(certFile);
        return std::nullopt;
    }
    QFile f(keyFile);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(keyFile, f.errorString());
        return std::nullopt;
    }
    const QByteArray pem = f.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm alg : {QSsl::Rsa, QSsl::Ec}) {
        key = QSslKey(pem, alg, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = QStringLiteral("no unencrypted RSA or EC private key in %1").arg(keyFile);
        return std::nullopt;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens, not certificates
    config.setAllowedNextProtocols({QSslConfiguration::NextProtocolHttp1_1});
    return config;
}

} // namespace keyward
