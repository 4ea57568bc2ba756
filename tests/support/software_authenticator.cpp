#include "software_authenticator.h"

#include "crypto/digest.h"
#include "crypto/webauthn.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/ecdsa.h>

namespace keyward::test {

namespace cbor {

QByteArray head(int major, quint64 value)
{
    const char m = char(major << 5);
    if (value < 24)
        return QByteArray(1, char(m | char(value)));
    const int width = value <= 0xff ? 1 : value <= 0xffff ? 2 : value <= 0xffffffffULL ? 4 : 8;
    QByteArray out(1, char(m | char(width == 1 ? 24 : width == 2 ? 25 : width == 4 ? 26 : 27)));
    for (int i = width - 1; i >= 0; --i)
        out.append(char((value >> (8 * i)) & 0xff));
    return out;
}
QByteArray integer(qint64 v)
{
    return v >= 0 ? head(0, quint64(v)) : head(1, quint64(-1 - v));
}
QByteArray bytes(const QByteArray &b)
{
    return head(2, quint64(b.size())) + b;
}
QByteArray text(const char *t)
{
    return head(3, qstrlen(t)) + t;
}
QByteArray map(const QList<QPair<QByteArray, QByteArray>> &pairs)
{
    QByteArray out = head(5, quint64(pairs.size()));
    for (const auto &[k, v] : pairs)
        out += k + v;
    return out;
}
QByteArray array(const QList<QByteArray> &items)
{
    QByteArray out = head(4, quint64(items.size()));
    for (const QByteArray &i : items)
        out += i;
    return out;
}

} // namespace cbor

namespace {

QByteArray jwkBytes(const QJsonObject &jwk, const char *name)
{
    return crypto::fromBase64Url(jwk.value(QLatin1String(name)).toString().toLatin1());
}

QString b64(const QByteArray &b)
{
    return QString::fromLatin1(crypto::base64Url(b));
}

QByteArray clientData(const char *type, const QJsonObject &options, const QString &origin)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QString::fromLatin1(type)},
                                     {QStringLiteral("challenge"), options.value(QStringLiteral("challenge"))},
                                     {QStringLiteral("origin"), origin},
                                     {QStringLiteral("crossOrigin"), false}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

SoftwareAuthenticator::SoftwareAuthenticator(const QString &jwsAlgorithm)
    : credentialId(crypto::randomBytes(16))
    , m_key(*crypto::SigningKey::generate(jwsAlgorithm))
{
    using namespace cbor;
    const QJsonObject jwk = m_key.publicJwk(QStringLiteral("k"));
    if (jwsAlgorithm == QLatin1String("ES256")) {
        m_alg = crypto::webauthn::ES256;
        m_cose = map({{integer(1), integer(2)},
                      {integer(3), integer(m_alg)},
                      {integer(-1), integer(1)},
                      {integer(-2), bytes(jwkBytes(jwk, "x"))},
                      {integer(-3), bytes(jwkBytes(jwk, "y"))}});
    } else if (jwsAlgorithm == QLatin1String("EdDSA")) {
        m_alg = crypto::webauthn::EdDSA;
        m_cose = map({{integer(1), integer(1)},
                      {integer(3), integer(m_alg)},
                      {integer(-1), integer(6)},
                      {integer(-2), bytes(jwkBytes(jwk, "x"))}});
    } else {
        m_alg = crypto::webauthn::RS256;
        m_cose = map({{integer(1), integer(3)},
                      {integer(3), integer(m_alg)},
                      {integer(-1), bytes(jwkBytes(jwk, "n"))},
                      {integer(-2), bytes(jwkBytes(jwk, "e"))}});
    }
}

QByteArray SoftwareAuthenticator::sign(const QByteArray &data) const
{
    const QByteArray sig = m_key.sign(data);
    if (m_alg != crypto::webauthn::ES256)
        return sig;
    ECDSA_SIG *ecdsa = ECDSA_SIG_new();
    ECDSA_SIG_set0(ecdsa, BN_bin2bn(reinterpret_cast<const unsigned char *>(sig.constData()), 32, nullptr),
                   BN_bin2bn(reinterpret_cast<const unsigned char *>(sig.constData()) + 32, 32, nullptr));
    unsigned char *der = nullptr;
    const int length = i2d_ECDSA_SIG(ecdsa, &der);
    QByteArray out(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    ECDSA_SIG_free(ecdsa);
    return out;
}

QByteArray SoftwareAuthenticator::authenticatorData(const QString &rpId, quint8 flags, bool withCredential) const
{
    QByteArray d = crypto::sha256(rpId.toUtf8());
    d.append(char(withCredential ? flags | AttestedData : flags));
    for (int i = 3; i >= 0; --i)
        d.append(char((counter >> (8 * i)) & 0xff));
    if (withCredential) {
        d += QByteArray::fromHex("6028b017b1d44c02b4b3afcdafc96bb2"); // an AAGUID
        d.append(char(credentialId.size() >> 8)).append(char(credentialId.size() & 0xff));
        d += credentialId + m_cose;
    }
    return d;
}

QJsonObject SoftwareAuthenticator::registration(const QJsonObject &options, const QString &origin, bool packed,
                                                quint8 flags, const QString &rpIdOverride)
{
    using namespace cbor;
    userHandle = crypto::fromBase64Url(
        options.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString().toLatin1());
    const QString rpId = rpIdOverride.isEmpty()
                             ? options.value(QStringLiteral("rp")).toObject().value(QStringLiteral("id")).toString()
                             : rpIdOverride;
    const QByteArray client = clientData("webauthn.create", options, origin);
    const QByteArray authData = authenticatorData(rpId, flags, true);
    const QByteArray statement =
        packed ? map({{text("alg"), integer(m_alg)}, {text("sig"), bytes(sign(authData + crypto::sha256(client)))}})
               : map({});
    const QByteArray object = map({{text("fmt"), text(packed ? "packed" : "none")},
                                   {text("attStmt"), statement},
                                   {text("authData"), bytes(authData)}});
    return QJsonObject{
        {QStringLiteral("id"), b64(credentialId)},
        {QStringLiteral("rawId"), b64(credentialId)},
        {QStringLiteral("type"), QStringLiteral("public-key")},
        {QStringLiteral("response"),
         QJsonObject{{QStringLiteral("clientDataJSON"), b64(client)},
                     {QStringLiteral("attestationObject"), b64(object)},
                     {QStringLiteral("transports"), QJsonArray{QStringLiteral("internal")}}}},
        {QStringLiteral("clientExtensionResults"), QJsonObject()},
    };
}

QJsonObject SoftwareAuthenticator::assertion(const QJsonObject &options, const QString &origin, quint8 flags,
                                             const QString &rpId)
{
    ++counter;
    const QByteArray client = clientData("webauthn.get", options, origin);
    const QByteArray authData =
        authenticatorData(rpId.isEmpty() ? options.value(QStringLiteral("rpId")).toString() : rpId, flags, false);
    return QJsonObject{
        {QStringLiteral("id"), b64(credentialId)},
        {QStringLiteral("rawId"), b64(credentialId)},
        {QStringLiteral("type"), QStringLiteral("public-key")},
        {QStringLiteral("response"),
         QJsonObject{{QStringLiteral("clientDataJSON"), b64(client)},
                     {QStringLiteral("authenticatorData"), b64(authData)},
                     {QStringLiteral("signature"), b64(sign(authData + crypto::sha256(client)))},
                     {QStringLiteral("userHandle"), b64(userHandle)}}},
        {QStringLiteral("clientExtensionResults"), QJsonObject()},
    };
}

} // namespace keyward::test
