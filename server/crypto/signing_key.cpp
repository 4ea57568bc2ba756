#include "signing_key.h"

#include "digest.h"

#include <QJsonArray>

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

namespace keyward::crypto {

struct SigningKey::Key {
    EVP_PKEY *pkey = nullptr;
    bool isPrivate = false;
    ~Key() { EVP_PKEY_free(pkey); }
};

namespace {

const QString RS256 = QStringLiteral("RS256");
const QString EdDSA = QStringLiteral("EdDSA");
const QString ES256 = QStringLiteral("ES256");
constexpr int Es256Half = 32;

QString algorithmOf(EVP_PKEY *pkey)
{
    if (EVP_PKEY_is_a(pkey, "RSA"))
        return RS256;
    if (EVP_PKEY_is_a(pkey, "ED25519"))
        return EdDSA;
    if (EVP_PKEY_is_a(pkey, "EC")) {
        char group[64] = {};
        size_t len = 0;
        if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len) &&
            (qstrcmp(group, "prime256v1") == 0 || qstrcmp(group, "P-256") == 0))
            return ES256;
    }
    return {};
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    QByteArray out(data, static_cast<qsizetype>(len));
    BIO_free(bio);
    return out;
}

QByteArray bnParam(EVP_PKEY *pkey, const char *name, int padTo = 0)
{
    BIGNUM *bn = nullptr;
    if (!EVP_PKEY_get_bn_param(pkey, name, &bn))
        return {};
    const int len = padTo ? padTo : BN_num_bytes(bn);
    QByteArray out(len, Qt::Uninitialized);
    BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(out.data()), len);
    BN_clear_free(bn);
    return out;
}

QByteArray jwkBytes(const QJsonObject &jwk, const char *name)
{
    return fromBase64Url(jwk.value(QLatin1String(name)).toString().toLatin1());
}

// EVP_PKEY_fromdata over a list of named big numbers (RSA components, EC private scalar).
EVP_PKEY *keyFromParams(const char *type, const QList<QPair<const char *, QByteArray>> &bns,
                        const char *group = nullptr, const QByteArray &ecPoint = {})
{
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    QList<BIGNUM *> owned;
    bool hasPrivate = false;
    for (const auto &[name, bytes] : bns) {
        if (bytes.isEmpty())
            continue;
        BIGNUM *bn = BN_bin2bn(reinterpret_cast<const unsigned char *>(bytes.constData()),
                               static_cast<int>(bytes.size()), nullptr);
        owned.append(bn);
        OSSL_PARAM_BLD_push_BN(bld, name, bn);
        if (qstrcmp(name, OSSL_PKEY_PARAM_RSA_N) != 0 && qstrcmp(name, OSSL_PKEY_PARAM_RSA_E) != 0)
            hasPrivate = true;
    }
    if (group)
        OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, group, 0);
    if (!ecPoint.isEmpty())
        OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, ecPoint.constData(),
                                         static_cast<size_t>(ecPoint.size()));
    OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
    EVP_PKEY *pkey = nullptr;
    if (!(ctx && params && EVP_PKEY_fromdata_init(ctx) > 0 &&
          EVP_PKEY_fromdata(ctx, &pkey, hasPrivate ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params) > 0))
        pkey = nullptr;
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    for (BIGNUM *bn : owned)
        BN_clear_free(bn);
    return pkey;
}

// DER ECDSA-Sig-Value <-> JOSE r||s (RFC 7518 section 3.4).
QByteArray derToJose(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size()));
    // Nothing after the signature, and each half fits: BN_bn2binpad refuses a larger one silently.
    if (sig && (p != reinterpret_cast<const unsigned char *>(der.constData()) + der.size() ||
                BN_num_bytes(ECDSA_SIG_get0_r(sig)) > Es256Half || BN_num_bytes(ECDSA_SIG_get0_s(sig)) > Es256Half)) {
        ECDSA_SIG_free(sig);
        sig = nullptr;
    }
    if (!sig)
        return {};
    QByteArray out(2 * Es256Half, Qt::Uninitialized);
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char *>(out.data()), Es256Half);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char *>(out.data()) + Es256Half, Es256Half);
    ECDSA_SIG_free(sig);
    return out;
}

QByteArray joseToDer(QByteArrayView jose)
{
    if (jose.size() != 2 * Es256Half)
        return {};
    ECDSA_SIG *sig = ECDSA_SIG_new();
    BIGNUM *r = BN_bin2bn(reinterpret_cast<const unsigned char *>(jose.data()), Es256Half, nullptr);
    BIGNUM *s = BN_bin2bn(reinterpret_cast<const unsigned char *>(jose.data()) + Es256Half, Es256Half, nullptr);
    ECDSA_SIG_set0(sig, r, s);
    unsigned char *der = nullptr;
    const int len = i2d_ECDSA_SIG(sig, &der);
    QByteArray out = len > 0 ? QByteArray(reinterpret_cast<const char *>(der), len) : QByteArray();
    OPENSSL_free(der);
    ECDSA_SIG_free(sig);
    return out;
}

const EVP_MD *digestFor(const QString &algorithm)
{
    return algorithm == EdDSA ? nullptr : EVP_sha256(); // Ed25519 hashes internally
}

} // namespace

SigningKey::SigningKey(std::shared_ptr<const Key> key, QString algorithm)
    : m_key(std::move(key))
    , m_algorithm(std::move(algorithm))
{
}

bool SigningKey::isSupported(const QString &algorithm)
{
    return algorithm == RS256 || algorithm == EdDSA || algorithm == ES256;
}

std::optional<SigningKey> SigningKey::generate(const QString &algorithm)
{
    EVP_PKEY *pkey = nullptr;
    if (algorithm == RS256)
        pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048});
    else if (algorithm == EdDSA)
        pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    else if (algorithm == ES256)
        pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    if (!pkey)
        return std::nullopt;
    auto key = std::make_shared<Key>();
    key->pkey = pkey;
    key->isPrivate = true;
    return SigningKey(std::move(key), algorithm);
}

std::optional<SigningKey> SigningKey::fromPem(const QString &algorithm, QByteArrayView pem)
{
    BIO *bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    EVP_PKEY *pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    bool isPrivate = pkey != nullptr;
    if (!pkey) {
        BIO_free(bio);
        bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
        pkey = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
    }
    BIO_free(bio);
    if (!pkey)
        return std::nullopt;
    if (algorithmOf(pkey) != algorithm) {
        EVP_PKEY_free(pkey);
        return std::nullopt;
    }
    auto key = std::make_shared<Key>();
    key->pkey = pkey;
    key->isPrivate = isPrivate;
    return SigningKey(std::move(key), algorithm);
}

QString SigningKey::weakPublicJwk(const QJsonObject &jwk)
{
    const QJsonValue use = jwk.value(QStringLiteral("use"));
    const QJsonValue ops = jwk.value(QStringLiteral("key_ops"));
    if ((!use.isUndefined() && use.toString() != QLatin1String("sig")) ||
        (!ops.isUndefined() && !ops.toArray().contains(QStringLiteral("verify"))))
        return QStringLiteral("A key is declared for something else than verifying signatures.");
    const QString kty = jwk.value(QStringLiteral("kty")).toString();
    const auto key = fromJwk(jwk);
    if (!key)
        return QStringLiteral("A key is not a usable RS256, ES256 (P-256) or EdDSA (Ed25519) public key.");
    EVP_PKEY *pkey = key->m_key->pkey;
    if (kty == QLatin1String("RSA")) {
        QByteArray e = jwkBytes(jwk, "e");
        while (e.startsWith('\0'))
            e.remove(0, 1);
        quint64 exponent = 0;
        for (const char byte : e)
            exponent = (exponent << 8) | static_cast<quint8>(byte);
        // Above 4096 bits a key is no safer, only slower: the public key check below (Miller-Rabin on
        // the modulus) would take seconds for a 16384-bit one.
        if (EVP_PKEY_get_bits(pkey) < 2048 || EVP_PKEY_get_bits(pkey) > 4096)
            return QStringLiteral("An RSA key has 2048 to 4096 bits.");
        if (e.size() > 8 || exponent < 65537 || exponent % 2 == 0)
            return QStringLiteral("An RSA key's exponent is odd and at least 65537.");
    }
    // OpenSSL's own check of a public key: for RSA SP 800-56B's (an odd, composite modulus with no
    // small factor), for EC that the point lies on the curve.
    EVP_PKEY_CTX *check = EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr);
    const bool sound = check && EVP_PKEY_public_check(check) == 1;
    EVP_PKEY_CTX_free(check);
    if (!sound)
        return QStringLiteral("A key fails OpenSSL's public key check.");
    if (kty == QLatin1String("OKP")) {
        // The points of order 1, 2, 4 and 8 (and their non-canonical encodings), compared without
        // the sign bit, as libsodium rejects them.
        static const QList<QByteArray> smallOrder{
            QByteArray::fromHex("0000000000000000000000000000000000000000000000000000000000000000"),
            QByteArray::fromHex("0100000000000000000000000000000000000000000000000000000000000000"),
            QByteArray::fromHex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
            QByteArray::fromHex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
            QByteArray::fromHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
            QByteArray::fromHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
            QByteArray::fromHex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        };
        QByteArray x = jwkBytes(jwk, "x");
        if (x.size() == 32)
            x[31] = static_cast<char>(x[31] & 0x7f);
        if (smallOrder.contains(x))
            return QStringLiteral("An Ed25519 key is a point of small order, which verifies forged signatures.");
    }
    return {};
}

std::optional<SigningKey> SigningKey::fromJwk(const QJsonObject &jwk)
{
    const QString kty = jwk.value(QStringLiteral("kty")).toString();
    const QString crv = jwk.value(QStringLiteral("crv")).toString();
    EVP_PKEY *pkey = nullptr;
    QString algorithm;
    const QByteArray d = jwkBytes(jwk, "d");
    if (kty == QLatin1String("RSA")) {
        algorithm = RS256;
        pkey = keyFromParams("RSA", {{OSSL_PKEY_PARAM_RSA_N, jwkBytes(jwk, "n")},
                                     {OSSL_PKEY_PARAM_RSA_E, jwkBytes(jwk, "e")},
                                     {OSSL_PKEY_PARAM_RSA_D, d},
                                     {OSSL_PKEY_PARAM_RSA_FACTOR1, jwkBytes(jwk, "p")},
                                     {OSSL_PKEY_PARAM_RSA_FACTOR2, jwkBytes(jwk, "q")},
                                     {OSSL_PKEY_PARAM_RSA_EXPONENT1, jwkBytes(jwk, "dp")},
                                     {OSSL_PKEY_PARAM_RSA_EXPONENT2, jwkBytes(jwk, "dq")},
                                     {OSSL_PKEY_PARAM_RSA_COEFFICIENT1, jwkBytes(jwk, "qi")}});
    } else if (kty == QLatin1String("OKP") && crv == QLatin1String("Ed25519")) {
        algorithm = EdDSA;
        const QByteArray x = jwkBytes(jwk, "x");
        const QByteArray &raw = d.isEmpty() ? x : d;
        if (raw.size() == 32) {
            const auto *bytes = reinterpret_cast<const unsigned char *>(raw.constData());
            pkey = d.isEmpty() ? EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes, 32)
                               : EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes, 32);
        }
    } else if (kty == QLatin1String("EC") && crv == QLatin1String("P-256")) {
        algorithm = ES256;
        const QByteArray x = jwkBytes(jwk, "x"), y = jwkBytes(jwk, "y");
        if (x.size() == Es256Half && y.size() == Es256Half)
            pkey = keyFromParams("EC", {{OSSL_PKEY_PARAM_PRIV_KEY, d}}, "prime256v1", QByteArray(1, 0x04) + x + y);
    }
    if (!pkey)
        return std::nullopt;
    auto key = std::make_shared<Key>();
    key->pkey = pkey;
    key->isPrivate = !d.isEmpty();
    return SigningKey(std::move(key), algorithm);
}

bool SigningKey::hasPrivateKey() const
{
    return m_key->isPrivate;
}

QByteArray SigningKey::privatePem() const
{
    if (!m_key->isPrivate)
        return {};
    BIO *bio = BIO_new(BIO_s_secmem());
    PEM_write_bio_PrivateKey(bio, m_key->pkey, nullptr, nullptr, 0, nullptr, nullptr);
    return bioContents(bio);
}

QByteArray SigningKey::publicPem() const
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, m_key->pkey);
    return bioContents(bio);
}

QJsonObject SigningKey::publicJwk(const QString &kid) const
{
    QJsonObject jwk{{QStringLiteral("kid"), kid},
                    {QStringLiteral("alg"), m_algorithm},
                    {QStringLiteral("use"), QStringLiteral("sig")}};
    const auto b64 = [](const QByteArray &b) { return QString::fromLatin1(base64Url(b)); };
    if (m_algorithm == RS256) {
        jwk.insert(QStringLiteral("kty"), QStringLiteral("RSA"));
        jwk.insert(QStringLiteral("n"), b64(bnParam(m_key->pkey, OSSL_PKEY_PARAM_RSA_N)));
        jwk.insert(QStringLiteral("e"), b64(bnParam(m_key->pkey, OSSL_PKEY_PARAM_RSA_E)));
    } else if (m_algorithm == EdDSA) {
        QByteArray raw(32, Qt::Uninitialized);
        size_t len = 32;
        EVP_PKEY_get_raw_public_key(m_key->pkey, reinterpret_cast<unsigned char *>(raw.data()), &len);
        jwk.insert(QStringLiteral("kty"), QStringLiteral("OKP"));
        jwk.insert(QStringLiteral("crv"), QStringLiteral("Ed25519"));
        jwk.insert(QStringLiteral("x"), b64(raw));
    } else {
        jwk.insert(QStringLiteral("kty"), QStringLiteral("EC"));
        jwk.insert(QStringLiteral("crv"), QStringLiteral("P-256"));
        jwk.insert(QStringLiteral("x"), b64(bnParam(m_key->pkey, OSSL_PKEY_PARAM_EC_PUB_X, Es256Half)));
        jwk.insert(QStringLiteral("y"), b64(bnParam(m_key->pkey, OSSL_PKEY_PARAM_EC_PUB_Y, Es256Half)));
    }
    return jwk;
}

QByteArray SigningKey::sign(QByteArrayView data) const
{
    if (!m_key->isPrivate)
        return {};
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t len = 0;
    QByteArray sig;
    if (EVP_DigestSignInit(ctx, nullptr, digestFor(m_algorithm), nullptr, m_key->pkey) > 0 &&
        EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char *>(data.data()),
                       static_cast<size_t>(data.size())) > 0) {
        sig.resize(static_cast<qsizetype>(len));
        if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(sig.data()), &len,
                           reinterpret_cast<const unsigned char *>(data.data()), static_cast<size_t>(data.size())) > 0)
            sig.resize(static_cast<qsizetype>(len));
        else
            sig.clear();
    }
    EVP_MD_CTX_free(ctx);
    return m_algorithm == ES256 && !sig.isEmpty() ? derToJose(sig) : sig;
}

QByteArray SigningKey::ecdsaDerToJose(QByteArrayView der)
{
    return derToJose(der.toByteArray());
}

bool SigningKey::verify(QByteArrayView data, QByteArrayView signature) const
{
    const QByteArray sig = m_algorithm == ES256 ? joseToDer(signature) : signature.toByteArray();
    if (sig.isEmpty())
        return false;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    const bool ok =
        EVP_DigestVerifyInit(ctx, nullptr, digestFor(m_algorithm), nullptr, m_key->pkey) > 0 &&
        EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(sig.constData()), static_cast<size_t>(sig.size()),
                         reinterpret_cast<const unsigned char *>(data.data()), static_cast<size_t>(data.size())) == 1;
    EVP_MD_CTX_free(ctx);
    return ok;
}

} // namespace keyward::crypto
