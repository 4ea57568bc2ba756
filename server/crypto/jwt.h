#pragma once

#include "signing_key.h"

#include <QJsonObject>

#include <optional>

namespace keyward::crypto {

// A JWS in compact serialisation, split and decoded but not yet trusted.
struct DecodedJwt {
    QJsonObject header;
    QJsonObject claims;
    QByteArray signingInput; // base64url(header) '.' base64url(payload)
    QByteArray signature;
};

// `type` is the header's typ: JWT, or at+jwt for an OAuth access token (RFC 9068).
QByteArray signJwt(const QJsonObject &claims, const SigningKey &key, const QString &kid,
                   const QString &type = QStringLiteral("JWT"));
// Structural decoding only; nullopt for anything that is not three base64url JSON parts.
std::optional<DecodedJwt> decodeJwt(QByteArrayView token);
// True only when the header's alg is exactly the key's algorithm (so `none`, HS256-with-a-public-key
// and algorithm swaps fail) and the signature verifies.
bool verifyJwtSignature(const DecodedJwt &jwt, const SigningKey &key);

} // namespace keyward::crypto
