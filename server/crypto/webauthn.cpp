#include "webauthn.h"

#include "digest.h"
#include "signing_key.h"

#include <QVarLengthArray>

#include <cbor.h>

#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <variant>

namespace keyward::crypto::webauthn {

namespace {

constexpr int MaxDepth = 8; // attestation object > attStmt > x5c > certificate is as deep as it gets
constexpr qsizetype RpIdHashBytes = 32;
constexpr qsizetype AaguidBytes = 16;
constexpr qsizetype MaxCredentialIdBytes = 1023; // WebAuthn L2 §6.5.1

struct CborFree {
    void operator()(cbor_item_t *item) const { cbor_decref(&item); }
};
using Cbor = std::unique_ptr<cbor_item_t, CborFree>;

bool fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

// The length of the well-formed CBOR item at the start of `bytes`, checked before libcbor reads it:
// libcbor allocates for the count an array or map declares, so a few bytes declaring billions would
// be an allocation of gigabytes. Here every declared length must fit in the bytes that follow, the
// nesting is at most MaxDepth deep, and indefinite lengths (never in WebAuthn's CTAP2 canonical
// CBOR) are refused. Iterative: hostile nesting cannot exhaust the stack.
std::optional<qsizetype> wellFormedLength(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const quint8 *>(bytes.data());
    const qsizetype end = bytes.size();
    qsizetype at = 0;
    QVarLengthArray<quint64, MaxDepth + 1> pending{1}; // items still to read at each open level
    while (!pending.isEmpty()) {
        if (pending.last() == 0) {
            pending.removeLast();
            continue;
        }
        --pending.last();
        if (at >= end)
            return std::nullopt;
        const int major = p[at] >> 5, info = p[at] & 0x1f;
        ++at;
        quint64 value = info;
        if (info >= 24) {
            if (info > 27)
                return std::nullopt; // reserved, or an indefinite length
            const int width = 1 << (info - 24);
            if (end - at < width)
                return std::nullopt;
            value = 0;
            for (int i = 0; i < width; ++i)
                value = value << 8 | p[at++];
        }
        const quint64 left = quint64(end - at);
        switch (major) {
        case 2:
        case 3:
            if (value > left)
                return std::nullopt;
            at += qsizetype(value);
            break;
        case 4:
        case 5: {
            const quint64 items = major == 5 ? value * 2 : value;
            if (value > left || items > left || pending.size() > MaxDepth)
                return std::nullopt; // each item takes a byte at least
            pending.append(items);
            break;
        }
        case 6:
            if (pending.size() > MaxDepth)
                return std::nullopt;
            pending.append(1);
            break;
        default: // 0, 1 integers; 7 simple values and floats, their bytes already read
            break;
        }
    }
    return at;
}

// One CBOR item from the start of `bytes`; `read` says how many bytes it took.
Cbor load(QByteArrayView bytes, size_t *read, QString *error)
{
    if (bytes.size() > MaxCborBytes) {
        fail(error, QStringLiteral("The CBOR is larger than %1 bytes.").arg(MaxCborBytes));
        return nullptr;
    }
    const auto length = wellFormedLength(bytes);
    if (!length) {
        fail(error, QStringLiteral("Malformed CBOR, indefinite lengths or nesting deeper than %1.").arg(MaxDepth));
        return nullptr;
    }
    cbor_load_result result{};
    Cbor item(cbor_load(reinterpret_cast<cbor_data>(bytes.data()), static_cast<size_t>(*length), &result));
    if (!item || result.error.code != CBOR_ERR_NONE || result.read != static_cast<size_t>(*length)) {
        fail(error, QStringLiteral("Malformed CBOR."));
        return nullptr;
    }
    *read = result.read;
    return item;
}

// A whole buffer as one CBOR item, nothing after it.
Cbor loadWhole(QByteArrayView bytes, QString *error)
{
    size_t read = 0;
    Cbor item = load(bytes, &read, error);
    if (item && read != static_cast<size_t>(bytes.size())) {
        fail(error, QStringLiteral("Bytes follow the CBOR item."));
        return nullptr;
    }
    return item;
}

std::optional<qint64> integerOf(const cbor_item_t *item)
{
    if (!cbor_isa_uint(item) && !cbor_isa_negint(item))
        return std::nullopt;
    const uint64_t v = cbor_get_int(item);
    if (v > uint64_t(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    return cbor_isa_uint(item) ? qint64(v) : -1 - qint64(v);
}

std::optional<QByteArray> bytesOf(const cbor_item_t *item)
{
    if (!cbor_isa_bytestring(item) || !cbor_bytestring_is_definite(item))
        return std::nullopt;
    return QByteArray(reinterpret_cast<const char *>(cbor_bytestring_handle(item)),
                      static_cast<qsizetype>(cbor_bytestring_length(item)));
}

std::optional<QString> textOf(const cbor_item_t *item)
{
    if (!cbor_isa_string(item) || !cbor_string_is_definite(item))
        return std::nullopt;
    return QString::fromUtf8(reinterpret_cast<const char *>(cbor_string_handle(item)),
                             static_cast<qsizetype>(cbor_string_length(item)));
}

// The value under an integer key (COSE) or a text key (attestation objects) of a definite map;
// null when absent. A key given twice makes the map unusable (`duplicate`).
const cbor_item_t *member(const cbor_item_t *map, const std::variant<qint64, QString> &key, bool *duplicate)
{
    const cbor_item_t *found = nullptr;
    cbor_pair *pairs = cbor_map_handle(map);
    for (size_t i = 0; i < cbor_map_size(map); ++i) {
        const bool same = std::holds_alternative<qint64>(key) ? integerOf(pairs[i].key) == std::get<qint64>(key)
                                                              : textOf(pairs[i].key) == std::get<QString>(key);
        if (!same)
            continue;
        if (found)
            *duplicate = true;
        found = pairs[i].value;
    }
    return found;
}

bool isMap(const cbor_item_t *item)
{
    return item && cbor_isa_map(item) && cbor_map_is_definite(item);
}

quint32 bigEndian32(QByteArrayView b, qsizetype at)
{
    return quint32(quint8(b[at])) << 24 | quint32(quint8(b[at + 1])) << 16 | quint32(quint8(b[at + 2])) << 8 |
           quint32(quint8(b[at + 3]));
}

const EVP_MD *digestFor(int algorithm)
{
    return algorithm == EdDSA ? nullptr : EVP_sha256();
}

// A signature by an X.509 certificate's key, with the COSE algorithm the statement names.
bool verifyWithCertificate(X509 *certificate, int algorithm, QByteArrayView data, QByteArrayView signature)
{
    EVP_PKEY *pkey = X509_get0_pubkey(certificate);
    if (!pkey)
        return false;
    const int type = EVP_PKEY_get_base_id(pkey);
    char curve[32] = {};
    const bool p256 = type == EVP_PKEY_EC && EVP_PKEY_get_group_name(pkey, curve, sizeof curve, nullptr) == 1 &&
                      qstrcmp(curve, "prime256v1") == 0;
    const bool matches = (algorithm == ES256 && p256) ||
                         (algorithm == RS256 && type == EVP_PKEY_RSA && EVP_PKEY_get_bits(pkey) >= 2048) ||
                         (algorithm == EdDSA && type == EVP_PKEY_ED25519);
    if (!matches)
        return false;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    const bool ok =
        ctx && EVP_DigestVerifyInit(ctx, nullptr, digestFor(algorithm), nullptr, pkey) > 0 &&
        EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(signature.data()),
                         static_cast<size_t>(signature.size()), reinterpret_cast<const unsigned char *>(data.data()),
                         static_cast<size_t>(data.size())) == 1;
    EVP_MD_CTX_free(ctx);
    return ok;
}

QString subjectEntry(X509 *certificate, int nid)
{
    X509_NAME *subject = X509_get_subject_name(certificate);
    const int at = X509_NAME_get_index_by_NID(subject, nid, -1);
    if (at < 0)
        return {};
    unsigned char *utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, at)));
    const QString text = length >= 0 ? QString::fromUtf8(reinterpret_cast<const char *>(utf8), length) : QString();
    OPENSSL_free(utf8);
    return text;
}

// WebAuthn L2 §8.2.1: what a packed attestation certificate must be.
bool certificateFitsPacked(X509 *certificate, const QByteArray &aaguid, QString *error)
{
    if (X509_get_version(certificate) != 2) // X509v3
        return fail(error, QStringLiteral("The attestation certificate is not X.509 version 3."));
    if (subjectEntry(certificate, NID_countryName).size() != 2 ||
        subjectEntry(certificate, NID_organizationName).isEmpty() ||
        subjectEntry(certificate, NID_organizationalUnitName) != QLatin1String("Authenticator Attestation") ||
        subjectEntry(certificate, NID_commonName).isEmpty())
        return fail(error, QStringLiteral("The attestation certificate's subject is not an authenticator's."));
    if (X509_get_extension_flags(certificate) & EXFLAG_INVALID)
        return fail(error, QStringLiteral("The attestation certificate's extensions do not parse."));
    if (X509_get_extension_flags(certificate) & EXFLAG_CA)
        return fail(error, QStringLiteral("The attestation certificate is a CA certificate."));
    // id-fido-gen-ce-aaguid: when present, the authenticator model it names is the one that attested.
    ASN1_OBJECT *oid = OBJ_txt2obj("1.3.6.1.4.1.45724.1.1.4", 1);
    const int at = X509_get_ext_by_OBJ(certificate, oid, -1);
    ASN1_OBJECT_free(oid);
    if (at < 0)
        return true;
    X509_EXTENSION *extension = X509_get_ext(certificate, at);
    if (X509_EXTENSION_get_critical(extension))
        return fail(error, QStringLiteral("The attestation certificate's AAGUID extension is critical."));
    const ASN1_OCTET_STRING *outer = X509_EXTENSION_get_data(extension);
    const unsigned char *p = ASN1_STRING_get0_data(outer);
    const unsigned char *end = p + ASN1_STRING_length(outer);
    ASN1_OCTET_STRING *inner = d2i_ASN1_OCTET_STRING(nullptr, &p, ASN1_STRING_length(outer));
    const bool same = inner && p == end && ASN1_STRING_length(inner) == AaguidBytes &&
                      QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(inner)), AaguidBytes) == aaguid;
    ASN1_OCTET_STRING_free(inner);
    return same || fail(error, QStringLiteral("The attestation certificate names another authenticator model."));
}

} // namespace

std::optional<AuthenticatorData> parseAuthenticatorData(QByteArrayView bytes, QString *error)
{
    constexpr qsizetype Fixed = RpIdHashBytes + 1 + 4;
    if (bytes.size() < Fixed) {
        fail(error, QStringLiteral("The authenticator data is too short."));
        return std::nullopt;
    }
    AuthenticatorData d;
    d.rpIdHash = bytes.first(RpIdHashBytes).toByteArray();
    d.flags = quint8(bytes[RpIdHashBytes]);
    d.signCount = bigEndian32(bytes, RpIdHashBytes + 1);
    qsizetype at = Fixed;
    if (d.hasCredential()) {
        if (bytes.size() < at + AaguidBytes + 2) {
            fail(error, QStringLiteral("The attested credential data is cut short."));
            return std::nullopt;
        }
        d.aaguid = bytes.sliced(at, AaguidBytes).toByteArray();
        at += AaguidBytes;
        const qsizetype idLength = quint8(bytes[at]) << 8 | quint8(bytes[at + 1]);
        at += 2;
        if (idLength == 0 || idLength > MaxCredentialIdBytes || bytes.size() < at + idLength) {
            fail(error, QStringLiteral("The credential id is missing, too long or cut short."));
            return std::nullopt;
        }
        d.credentialId = bytes.sliced(at, idLength).toByteArray();
        at += idLength;
        size_t read = 0;
        if (!load(bytes.sliced(at), &read, error))
            return std::nullopt;
        d.credentialKey = bytes.sliced(at, static_cast<qsizetype>(read)).toByteArray();
        at += static_cast<qsizetype>(read);
    }
    if (d.flags & 0x80) { // extension data: one CBOR map, read for its length only
        size_t read = 0;
        Cbor extensions = load(bytes.sliced(at), &read, error);
        if (!extensions)
            return std::nullopt;
        if (!isMap(extensions.get())) {
            fail(error, QStringLiteral("The extension data is not a map."));
            return std::nullopt;
        }
        at += static_cast<qsizetype>(read);
    }
    if (at != bytes.size()) {
        fail(error, QStringLiteral("Bytes follow the authenticator data."));
        return std::nullopt;
    }
    return d;
}

std::optional<CredentialKey> readCoseKey(QByteArrayView cose, QString *error)
{
    Cbor key = loadWhole(cose, error);
    if (!key)
        return std::nullopt;
    if (!isMap(key.get())) {
        fail(error, QStringLiteral("The credential key is not a COSE_Key map."));
        return std::nullopt;
    }
    bool duplicate = false;
    const auto integer = [&](qint64 label) {
        const cbor_item_t *v = member(key.get(), label, &duplicate);
        return v ? integerOf(v) : std::nullopt;
    };
    const auto bytes = [&](qint64 label) {
        const cbor_item_t *v = member(key.get(), label, &duplicate);
        return v ? bytesOf(v) : std::nullopt;
    };
    const auto kty = integer(1), alg = integer(3);
    CredentialKey out;
    out.algorithm = alg ? int(*alg) : 0;
    if (kty == 2 && alg == ES256 && integer(-1) == 1) { // EC2, P-256
        const auto x = bytes(-2), y = bytes(-3);
        if (x && y && x->size() == 32 && y->size() == 32)
            out.jwk = {{QStringLiteral("kty"), QStringLiteral("EC")},
                       {QStringLiteral("crv"), QStringLiteral("P-256")},
                       {QStringLiteral("x"), QString::fromLatin1(base64Url(*x))},
                       {QStringLiteral("y"), QString::fromLatin1(base64Url(*y))}};
    } else if (kty == 3 && alg == RS256) {
        const auto n = bytes(-1), e = bytes(-2);
        if (n && e && !n->isEmpty() && !e->isEmpty())
            out.jwk = {{QStringLiteral("kty"), QStringLiteral("RSA")},
                       {QStringLiteral("n"), QString::fromLatin1(base64Url(*n))},
                       {QStringLiteral("e"), QString::fromLatin1(base64Url(*e))}};
    } else if (kty == 1 && alg == EdDSA && integer(-1) == 6) { // OKP, Ed25519
        const auto x = bytes(-2);
        if (x && x->size() == 32)
            out.jwk = {{QStringLiteral("kty"), QStringLiteral("OKP")},
                       {QStringLiteral("crv"), QStringLiteral("Ed25519")},
                       {QStringLiteral("x"), QString::fromLatin1(base64Url(*x))}};
    }
    if (duplicate || out.jwk.isEmpty()) {
        fail(error, QStringLiteral("The credential key is not an ES256 (P-256), RS256 or EdDSA (Ed25519) COSE key."));
        return std::nullopt;
    }
    if (const QString weak = SigningKey::weakPublicJwk(out.jwk); !weak.isEmpty()) {
        fail(error, weak);
        return std::nullopt;
    }
    return out;
}

bool verifyAssertion(const CredentialKey &key, QByteArrayView authenticatorData, QByteArrayView clientDataHash,
                     QByteArrayView signature)
{
    const auto verifier = SigningKey::fromJwk(key.jwk);
    if (!verifier)
        return false;
    const QByteArray signedData = authenticatorData.toByteArray() + clientDataHash.toByteArray();
    const QByteArray sig =
        key.algorithm == ES256 ? SigningKey::ecdsaDerToJose(signature) : signature.toByteArray(); // DER in WebAuthn
    return !sig.isEmpty() && verifier->verify(signedData, sig);
}

std::optional<Attestation> verifyAttestation(QByteArrayView attestationObject, QByteArrayView clientDataHash,
                                             QString *error)
{
    Cbor object = loadWhole(attestationObject, error);
    if (!object)
        return std::nullopt;
    bool duplicate = false;
    const cbor_item_t *fmtItem =
        isMap(object.get()) ? member(object.get(), QStringLiteral("fmt"), &duplicate) : nullptr;
    const cbor_item_t *statement = fmtItem ? member(object.get(), QStringLiteral("attStmt"), &duplicate) : nullptr;
    const cbor_item_t *authDataItem = fmtItem ? member(object.get(), QStringLiteral("authData"), &duplicate) : nullptr;
    const auto format = fmtItem ? textOf(fmtItem) : std::nullopt;
    const auto authDataBytes = authDataItem ? bytesOf(authDataItem) : std::nullopt;
    if (duplicate || !format || !isMap(statement) || !authDataBytes) {
        fail(error, QStringLiteral("The attestation object is not {fmt, attStmt, authData}."));
        return std::nullopt;
    }
    Attestation a;
    a.format = *format;
    auto authData = parseAuthenticatorData(*authDataBytes, error);
    if (!authData)
        return std::nullopt;
    if (!authData->hasCredential()) {
        fail(error, QStringLiteral("The authenticator data holds no credential."));
        return std::nullopt;
    }
    a.authData = *authData;
    auto key = readCoseKey(a.authData.credentialKey, error);
    if (!key)
        return std::nullopt;
    a.key = *key;

    if (a.format == QLatin1String("none")) {
        if (cbor_map_size(statement) != 0) {
            fail(error, QStringLiteral("A 'none' attestation has an empty statement."));
            return std::nullopt;
        }
        a.type = QStringLiteral("none");
        return a;
    }
    if (a.format != QLatin1String("packed")) {
        fail(error, QStringLiteral("Attestation format '%1' is not supported: none or packed.").arg(a.format.left(40)));
        return std::nullopt;
    }
    const cbor_item_t *algItem = member(statement, QStringLiteral("alg"), &duplicate);
    const cbor_item_t *sigItem = member(statement, QStringLiteral("sig"), &duplicate);
    const cbor_item_t *x5c = member(statement, QStringLiteral("x5c"), &duplicate);
    const auto alg = algItem ? integerOf(algItem) : std::nullopt;
    const auto sig = sigItem ? bytesOf(sigItem) : std::nullopt;
    if (duplicate || !alg || !sig || member(statement, QStringLiteral("ecdaaKeyId"), &duplicate)) {
        fail(error, QStringLiteral("A packed statement is {alg, sig[, x5c]}."));
        return std::nullopt;
    }
    const int algorithm = int(alg.value_or(0));
    const QByteArray signedData = *authDataBytes + clientDataHash.toByteArray();
    if (!x5c) { // self attestation: signed with the credential's own key
        if (algorithm != a.key.algorithm || !verifyAssertion(a.key, *authDataBytes, clientDataHash, *sig)) {
            fail(error, QStringLiteral("The self attestation's signature does not verify."));
            return std::nullopt;
        }
        a.type = QStringLiteral("self");
        return a;
    }
    if (!cbor_isa_array(x5c) || !cbor_array_is_definite(x5c) || cbor_array_size(x5c) == 0) {
        fail(error, QStringLiteral("x5c is a list of certificates."));
        return std::nullopt;
    }
    const auto der = bytesOf(cbor_array_handle(x5c)[0]);
    const auto *p = der ? reinterpret_cast<const unsigned char *>(der->constData()) : nullptr;
    std::unique_ptr<X509, decltype(&X509_free)> certificate(
        der ? d2i_X509(nullptr, &p, static_cast<long>(der->size())) : nullptr, X509_free);
    if (!certificate || p != reinterpret_cast<const unsigned char *>(der->constData()) + der->size()) {
        fail(error, QStringLiteral("The attestation certificate is not DER X.509."));
        return std::nullopt;
    }
    if (!certificateFitsPacked(certificate.get(), a.authData.aaguid, error))
        return std::nullopt;
    if (!verifyWithCertificate(certificate.get(), algorithm, signedData, *sig)) {
        fail(error, QStringLiteral("The attestation signature does not verify with its certificate."));
        return std::nullopt;
    }
    a.type = QStringLiteral("basic");
    return a;
}

} // namespace keyward::crypto::webauthn
