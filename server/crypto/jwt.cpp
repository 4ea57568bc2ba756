#include "jwt.h"

#include "digest.h"

#include <QJsonDocument>

namespace keyward::crypto {

QByteArray signJwt(const QJsonObject &claims, const SigningKey &key, const QString &kid, const QString &type)
{
    const QJsonObject header{
        {QStringLiteral("alg"), key.algorithm()}, {QStringLiteral("typ"), type}, {QStringLiteral("kid"), kid}};
    QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact));
    input += '.';
    input += base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signature = key.sign(input);
    if (signature.isEmpty())
        return {};
    return input + '.' + base64Url(signature);
}

std::optional<DecodedJwt> decodeJwt(QByteArrayView token)
{
    // Access tokens are a few hundred bytes; a huge one is an attack on the parser.
    if (token.size() > 16384)
        return std::nullopt;
    const qsizetype first = token.indexOf('.');
    const qsizetype last = token.lastIndexOf('.');
    if (first <= 0 || last == first || token.sliced(first + 1, last - first - 1).contains('.'))
        return std::nullopt;
    const QByteArray headerBytes = fromBase64Url(token.first(first));
    const QByteArray claimBytes = fromBase64Url(token.sliced(first + 1, last - first - 1));
    DecodedJwt jwt;
    jwt.signature = fromBase64Url(token.sliced(last + 1));
    if (headerBytes.isEmpty() || claimBytes.isEmpty() || jwt.signature.isNull())
        return std::nullopt;
    QJsonParseError err{};
    const QJsonDocument header = QJsonDocument::fromJson(headerBytes, &err);
    if (err.error != QJsonParseError::NoError || !header.isObject())
        return std::nullopt;
    const QJsonDocument claims = QJsonDocument::fromJson(claimBytes, &err);
    if (err.error != QJsonParseError::NoError || !claims.isObject())
        return std::nullopt;
    jwt.header = header.object();
    jwt.claims = claims.object();
    jwt.signingInput = token.first(last).toByteArray();
    return jwt;
}

bool verifyJwtSignature(const DecodedJwt &jwt, const SigningKey &key)
{
    if (jwt.header.value(QStringLiteral("alg")).toString() != key.algorithm())
        return false;
    // RFC 7515 4.1.11: a token that demands extensions we do not implement must be rejected.
    if (jwt.header.contains(QStringLiteral("crit")))
        return false;
    return key.verify(jwt.signingInput, jwt.signature);
}

} // namespace keyward::crypto
