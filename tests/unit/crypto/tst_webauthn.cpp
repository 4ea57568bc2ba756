// WebAuthn's bytes as a relying party reads them, against an authenticator made here: its CBOR
// written by a small encoder of the test's own (not libcbor, which Keyward reads with), its keys and
// certificates by OpenSSL. Every algorithm and attestation Keyward accepts verifies; a changed
// byte, a wrong key, a certificate that is not an authenticator's, a weak key and malformed or
// hostile CBOR are refused without a crash.
#include "crypto/digest.h"
#include "crypto/signing_key.h"
#include "crypto/webauthn.h"
#include "software_authenticator.h"

#include <QTest>

#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace keyward::crypto;
using namespace keyward::crypto::webauthn;

namespace {

using namespace keyward::test::cbor;
using keyward::test::SoftwareAuthenticator;

const QByteArray Aaguid = QByteArray::fromHex("6028b017b1d44c02b4b3afcdafc96bb2");

QByteArray authenticatorData(quint8 flags, quint32 counter, SoftwareAuthenticator *c = nullptr,
                             const QByteArray &credentialId = QByteArray(16, '\x07'))
{
    static SoftwareAuthenticator none;
    SoftwareAuthenticator &a = c ? *c : none;
    a.counter = counter;
    a.credentialId = credentialId;
    return a.authenticatorData(QStringLiteral("example.org"), flags, c != nullptr);
}

QByteArray attestationObject(const char *fmt, const QByteArray &statement, const QByteArray &authData)
{
    return map({{text("fmt"), text(fmt)}, {text("attStmt"), statement}, {text("authData"), bytes(authData)}});
}

// A certificate for packed attestation, `organisationalUnit` as given, signed by its own key.
QByteArray attestationCertificate(EVP_PKEY *key, const char *organisationalUnit, bool ca,
                                  const QByteArray &aaguidExtension = {})
{
    X509 *x = X509_new();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
    X509_gmtime_adj(X509_getm_notBefore(x), 0);
    X509_gmtime_adj(X509_getm_notAfter(x), 3600);
    X509_set_pubkey(x, key);
    X509_NAME *name = X509_get_subject_name(x);
    const auto add = [&](const char *field, const char *value) {
        X509_NAME_add_entry_by_txt(name, field, MBSTRING_ASC, reinterpret_cast<const unsigned char *>(value), -1, -1,
                                   0);
    };
    add("C", "SE");
    add("O", "Keyward Test Authenticators");
    add("OU", organisationalUnit);
    add("CN", "Keyward Test Batch 1");
    X509_set_issuer_name(x, name);
    X509_EXTENSION *bc =
        X509V3_EXT_conf_nid(nullptr, nullptr, NID_basic_constraints, ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
    X509_add_ext(x, bc, -1);
    X509_EXTENSION_free(bc);
    if (!aaguidExtension.isEmpty()) {
        ASN1_OCTET_STRING *inner = ASN1_OCTET_STRING_new();
        ASN1_OCTET_STRING_set(inner, reinterpret_cast<const unsigned char *>(aaguidExtension.constData()),
                              int(aaguidExtension.size()));
        unsigned char *der = nullptr;
        const int length = i2d_ASN1_OCTET_STRING(inner, &der);
        ASN1_OCTET_STRING *outer = ASN1_OCTET_STRING_new();
        ASN1_OCTET_STRING_set(outer, der, length);
        ASN1_OBJECT *oid = OBJ_txt2obj("1.3.6.1.4.1.45724.1.1.4", 1);
        X509_EXTENSION *ext = X509_EXTENSION_create_by_OBJ(nullptr, oid, 0, outer);
        X509_add_ext(x, ext, -1);
        X509_EXTENSION_free(ext);
        ASN1_OBJECT_free(oid);
        ASN1_OCTET_STRING_free(outer);
        ASN1_OCTET_STRING_free(inner);
        OPENSSL_free(der);
    }
    X509_sign(x, key, EVP_sha256());
    unsigned char *der = nullptr;
    const int length = i2d_X509(x, &der);
    QByteArray out(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    X509_free(x);
    return out;
}

QByteArray signWith(EVP_PKEY *key, const QByteArray &data)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t length = 0;
    EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key);
    EVP_DigestSign(ctx, nullptr, &length, reinterpret_cast<const unsigned char *>(data.constData()), data.size());
    QByteArray sig(qsizetype(length), '\0');
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(sig.data()), &length,
                   reinterpret_cast<const unsigned char *>(data.constData()), data.size());
    sig.resize(qsizetype(length));
    EVP_MD_CTX_free(ctx);
    return sig;
}

constexpr quint8 UserPresent = SoftwareAuthenticator::UserPresent, UserVerified = SoftwareAuthenticator::UserVerified;

} // namespace

class TstWebAuthn : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyAlgorithmRegistersAndSigns_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("ES256") << QStringLiteral("ES256");
        QTest::newRow("RS256") << QStringLiteral("RS256");
        QTest::newRow("EdDSA") << QStringLiteral("EdDSA");
    }
    void everyAlgorithmRegistersAndSigns()
    {
        QFETCH(QString, algorithm);
        SoftwareAuthenticator c(algorithm);
        const QByteArray clientDataHash = sha256(R"({"type":"webauthn.create","challenge":"abc"})");
        const QByteArray authData = authenticatorData(UserPresent | UserVerified, 0, &c);

        // none
        QString error;
        auto none = verifyAttestation(attestationObject("none", map({}), authData), clientDataHash, &error);
        QVERIFY2(none, qPrintable(error));
        QCOMPARE(none->type, QStringLiteral("none"));
        QCOMPARE(none->key.algorithm, c.algorithm());
        QCOMPARE(none->authData.credentialId, QByteArray(16, '\x07'));
        QCOMPARE(none->authData.aaguid, Aaguid);
        QVERIFY(none->authData.userVerified());

        // packed, self attestation
        const QByteArray selfSig = c.sign(authData + clientDataHash);
        auto self = verifyAttestation(
            attestationObject("packed", map({{text("alg"), integer(c.algorithm())}, {text("sig"), bytes(selfSig)}}),
                              authData),
            clientDataHash, &error);
        QVERIFY2(self, qPrintable(error));
        QCOMPARE(self->type, QStringLiteral("self"));
        // ... over other client data, or naming another algorithm, it fails.
        QVERIFY(!verifyAttestation(
            attestationObject("packed", map({{text("alg"), integer(c.algorithm())}, {text("sig"), bytes(selfSig)}}),
                              authData),
            sha256("other"), &error));
        QVERIFY(!verifyAttestation(
            attestationObject(
                "packed",
                map({{text("alg"), integer(c.algorithm() == ES256 ? EdDSA : ES256)}, {text("sig"), bytes(selfSig)}}),
                authData),
            clientDataHash, &error));

        // An assertion later: its signature verifies, a changed byte or signature does not.
        const QByteArray assertionData = authenticatorData(UserPresent | UserVerified, 7);
        const QByteArray getHash = sha256(R"({"type":"webauthn.get"})");
        const QByteArray signature = c.sign(assertionData + getHash);
        QVERIFY(verifyAssertion(none->key, assertionData, getHash, signature));
        QByteArray changed = assertionData;
        changed[32] = char(UserPresent); // UV cleared after signing
        QVERIFY(!verifyAssertion(none->key, changed, getHash, signature));
        QByteArray tampered = signature;
        tampered[tampered.size() - 2] = char(tampered[tampered.size() - 2] ^ 1);
        QVERIFY(!verifyAssertion(none->key, assertionData, getHash, tampered));
        const auto anotherKey = readCoseKey(SoftwareAuthenticator(algorithm).cose(), &error);
        QVERIFY(anotherKey);
        QVERIFY(!verifyAssertion(*anotherKey, assertionData, getHash, signature));
        auto parsed = parseAuthenticatorData(assertionData, &error);
        QVERIFY(parsed);
        QCOMPARE(parsed->signCount, 7u);
        QVERIFY(!parsed->hasCredential());
    }

    void packedWithACertificateIsAnAuthenticatorsOnly()
    {
        SoftwareAuthenticator c;
        const QByteArray clientDataHash = sha256("client data");
        const QByteArray authData = authenticatorData(UserPresent, 0, &c);
        EVP_PKEY *batch = EVP_EC_gen("P-256");
        const auto packed = [&](const QByteArray &certificate) {
            QString error;
            auto a = verifyAttestation(
                attestationObject("packed",
                                  map({{text("alg"), integer(ES256)},
                                       {text("sig"), bytes(signWith(batch, authData + clientDataHash))},
                                       {text("x5c"), array({bytes(certificate)})}}),
                                  authData),
                clientDataHash, &error);
            return a ? a->type : error;
        };
        QCOMPARE(packed(attestationCertificate(batch, "Authenticator Attestation", false)), QStringLiteral("basic"));
        QCOMPARE(packed(attestationCertificate(batch, "Authenticator Attestation", false, Aaguid)),
                 QStringLiteral("basic"));
        QVERIFY(packed(attestationCertificate(batch, "Authenticator Attestation", false, QByteArray(16, '\x01')))
                    .contains(QLatin1String("another authenticator model")));
        QVERIFY(packed(attestationCertificate(batch, "Web Servers", false)).contains(QLatin1String("subject")));
        QVERIFY(packed(attestationCertificate(batch, "Authenticator Attestation", true)).contains(QLatin1String("CA")));
        QVERIFY(packed(QByteArray("not a certificate")).contains(QLatin1String("X.509")));
        // Signed by another key than the certificate's.
        EVP_PKEY *other = EVP_EC_gen("P-256");
        QVERIFY(packed(attestationCertificate(other, "Authenticator Attestation", false))
                    .contains(QLatin1String("does not verify")));
        EVP_PKEY_free(other);
        EVP_PKEY_free(batch);
    }

    void malformedOrHostileBytesAreRefused()
    {
        SoftwareAuthenticator c;
        const QByteArray good = authenticatorData(UserPresent, 0, &c);
        QString error;
        QVERIFY(parseAuthenticatorData(good, &error));
        for (qsizetype cut : {0, 10, 36, 40, 54, 60, int(good.size()) - 1})
            QVERIFY2(!parseAuthenticatorData(good.left(cut), &error), qPrintable(QString::number(cut)));
        QVERIFY(!parseAuthenticatorData(QByteArray(good + 'x'), &error)); // trailing bytes
        QVERIFY(!parseAuthenticatorData(authenticatorData(UserPresent, 0, &c, QByteArray()), &error));

        // Statements: unknown formats, a 'none' that says something, duplicate or missing members.
        QVERIFY(!verifyAttestation(attestationObject("tpm", map({}), good), {}, &error));
        QVERIFY(!verifyAttestation(attestationObject("none", map({{text("alg"), integer(-7)}}), good), {}, &error));
        QVERIFY(!verifyAttestation(map({{text("fmt"), text("none")},
                                        {text("fmt"), text("none")},
                                        {text("attStmt"), map({})},
                                        {text("authData"), bytes(good)}}),
                                   {}, &error));
        QVERIFY(!verifyAttestation(map({{text("fmt"), text("none")}, {text("attStmt"), map({})}}), {}, &error));
        QVERIFY(!verifyAttestation(attestationObject("none", map({}), authenticatorData(UserPresent, 0)), {}, &error));

        // Keys: duplicate labels, the wrong curve, weak RSA, a small-order Ed25519 point.
        QVERIFY(!readCoseKey(map({{integer(1), integer(2)}, {integer(1), integer(2)}, {integer(3), integer(ES256)}}),
                             &error));
        QVERIFY(!readCoseKey(map({{integer(1), integer(2)},
                                  {integer(3), integer(ES256)},
                                  {integer(-1), integer(2)}, // P-384
                                  {integer(-2), bytes(QByteArray(32, 'a'))},
                                  {integer(-3), bytes(QByteArray(32, 'b'))}}),
                             &error));
        QVERIFY(!readCoseKey(map({{integer(1), integer(3)},
                                  {integer(3), integer(RS256)},
                                  {integer(-1), bytes(QByteArray::fromHex("c5") + QByteArray(127, '\x11'))},
                                  {integer(-2), bytes(QByteArray::fromHex("010001"))}}),
                             &error));
        QVERIFY(!readCoseKey(map({{integer(1), integer(1)},
                                  {integer(3), integer(EdDSA)},
                                  {integer(-1), integer(6)},
                                  {integer(-2), bytes(QByteArray::fromHex("01") + QByteArray(31, '\0'))}}),
                             &error));

        // Deep nesting, truncation, indefinite lengths and oversize: refused, no crash.
        QByteArray deep;
        for (int i = 0; i < 5000; ++i)
            deep += head(4, 1);
        deep += integer(1);
        QVERIFY(!verifyAttestation(deep, {}, &error));
        QVERIFY(!verifyAttestation(attestationObject("none", map({}), good).chopped(3), {}, &error));
        QVERIFY(!verifyAttestation(QByteArray::fromHex("bf63666d74646e6f6e65ff"), {}, &error)); // {_ "fmt": "none"}
        QVERIFY(!verifyAttestation(QByteArray(MaxCborBytes + 1, '\xa0'), {}, &error));
        QVERIFY(error.contains(QLatin1String("larger")));
    }
};

QTEST_GUILESS_MAIN(TstWebAuthn)
#include "tst_webauthn.moc"
