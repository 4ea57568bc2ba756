#include "webhook_signature.h"

#include "digest.h"

namespace keyward::crypto::webhook {

namespace {

const QString Prefix = QStringLiteral("whsec_");

} // namespace

QString newSecret()
{
    return Prefix + QString::fromLatin1(randomBytes(KeyBytes).toBase64());
}

std::optional<QByteArray> keyOf(const QString &secret)
{
    if (!secret.startsWith(Prefix))
        return std::nullopt;
    auto decoded =
        QByteArray::fromBase64Encoding(secret.mid(Prefix.size()).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    // The scheme's keys are 24 to 64 bytes.
    if (!decoded || decoded.decoded.size() < 24 || decoded.decoded.size() > 64)
        return std::nullopt;
    return decoded.decoded;
}

QByteArray signature(QByteArrayView key, QByteArrayView messageId, qint64 timestampSeconds, QByteArrayView body)
{
    QByteArray signedContent;
    signedContent.reserve(messageId.size() + body.size() + 24);
    signedContent.append(messageId).append('.').append(QByteArray::number(timestampSeconds)).append('.').append(body);
    return "v1," + hmacSha256(key, signedContent).toBase64();
}

} // namespace keyward::crypto::webhook
