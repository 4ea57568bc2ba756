#include "tls.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslCipher>
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
    // Mozilla's "intermediate" profile without finite-field DH: TLS 1.3, and on TLS 1.2 only ECDHE
    // key exchange with AEAD ciphers. No CBC suite (LUCKY13), no static RSA key exchange.
    QList<QSslCipher> ciphers;
    for (const char *name :
         {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
          "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
          "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305"})
        if (const QSslCipher cipher(QString::fromLatin1(name)); !cipher.isNull())
            ciphers << cipher;
    config.setCiphers(ciphers);
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens, not certificates
    config.setAllowedNextProtocols({QSslConfiguration::NextProtocolHttp1_1});
    return config;
}

} // namespace keyward
