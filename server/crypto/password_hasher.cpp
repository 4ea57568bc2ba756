#include "password_hasher.h"

#include "digest.h"

#include <QStringList>

#include <argon2.h>
#include <crypt.h>
#include <openssl/evp.h>

#include <memory>

namespace keyward::crypto {

namespace {

// NIST SP 800-63B asks verifiers to normalise Unicode, so "é" typed two ways is one password.
QByteArray normalised(const QString &password)
{
    return password.normalized(QString::NormalizationForm_KC).toUtf8();
}

constexpr quint32 SaltBytes = 16;
constexpr quint32 HashBytes = 32;

bool verifyArgon2(const QByteArray &password, const QByteArray &encoded)
{
    argon2_type type = Argon2_id;
    if (encoded.startsWith("$argon2i$"))
        type = Argon2_i;
    else if (encoded.startsWith("$argon2d$"))
        type = Argon2_d;
    return argon2_verify(encoded.constData(), password.constData(), static_cast<size_t>(password.size()), type) ==
           ARGON2_OK;
}

bool verifyCrypt(const QByteArray &password, const QByteArray &encoded)
{
    auto data = std::make_unique<crypt_data>();
    const char *out = crypt_r(password.constData(), encoded.constData(), data.get());
    // crypt_r signals failure with a string starting with '*'; never a match.
    const bool ok = out && out[0] != '*' && constantTimeEquals(QByteArrayView(out), encoded);
    OPENSSL_cleanse(data.get(), sizeof(crypt_data));
    return ok;
}

QByteArray decodeBase64(QByteArray text)
{
    text.replace('.', '+'); // passlib's "adapted" base64
    auto r = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    return r ? r.decoded : QByteArray();
}

// $pbkdf2-sha256$i=27500$salt$hash
bool verifyPbkdf2(const QByteArray &password, const QByteArray &encoded)
{
    const QList<QByteArray> parts = encoded.split('$');
    if (parts.size() != 5)
        return false;
    const EVP_MD *md = parts[1] == "pbkdf2-sha256"   ? EVP_sha256()
                       : parts[1] == "pbkdf2-sha512" ? EVP_sha512()
                       : parts[1] == "pbkdf2-sha1"   ? EVP_sha1()
                                                     : nullptr;
    bool ok = false;
    const int iterations = parts[2].startsWith("i=") ? parts[2].mid(2).toInt(&ok) : parts[2].toInt(&ok);
    const QByteArray salt = decodeBase64(parts[3]);
    const QByteArray expected = decodeBase64(parts[4]);
    if (!md || !ok || iterations < 1 || iterations > 10'000'000 || salt.isEmpty() || expected.isEmpty())
        return false;
    QByteArray derived(expected.size(), Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(password.constData(), static_cast<int>(password.size()),
                          reinterpret_cast<const unsigned char *>(salt.constData()), static_cast<int>(salt.size()),
                          iterations, md, static_cast<int>(derived.size()),
                          reinterpret_cast<unsigned char *>(derived.data())) != 1)
        return false;
    return constantTimeEquals(derived, expected);
}

// $scrypt$ln=15,r=8,p=1$salt$hash (the PHC form passlib writes)
bool verifyScrypt(const QByteArray &password, const QByteArray &encoded)
{
    const QList<QByteArray> parts = encoded.split('$');
    if (parts.size() != 5)
        return false;
    quint64 ln = 0, r = 0, p = 0;
    for (const QByteArray &kv : parts[2].split(',')) {
        const QList<QByteArray> pair = kv.split('=');
        if (pair.size() != 2)
            return false;
        const quint64 v = pair[1].toULongLong();
        if (pair[0] == "ln")
            ln = v;
        else if (pair[0] == "r")
            r = v;
        else if (pair[0] == "p")
            p = v;
    }
    const QByteArray salt = decodeBase64(parts[3]);
    const QByteArray expected = decodeBase64(parts[4]);
    if (ln < 1 || ln > 24 || r < 1 || r > 64 || p < 1 || p > 64 || expected.isEmpty())
        return false;
    QByteArray derived(expected.size(), Qt::Uninitialized);
    if (EVP_PBE_scrypt(password.constData(), static_cast<size_t>(password.size()),
                       reinterpret_cast<const unsigned char *>(salt.constData()), static_cast<size_t>(salt.size()),
                       quint64(1) << ln, r, p, 1024ULL * 1024 * 1024, reinterpret_cast<unsigned char *>(derived.data()),
                       static_cast<size_t>(derived.size())) != 1)
        return false;
    return constantTimeEquals(derived, expected);
}

} // namespace

PasswordHasher::PasswordHasher(Argon2Params params)
    : m_params(params)
{
    m_dummyHash = hash(randomToken(24));
}

QString PasswordHasher::hash(const QString &password) const
{
    QByteArray pwd = normalised(password);
    const QByteArray salt = randomBytes(SaltBytes);
    const size_t len = argon2_encodedlen(m_params.iterations, m_params.memoryKiB, m_params.parallelism, SaltBytes,
                                         HashBytes, Argon2_id);
    QByteArray encoded(static_cast<qsizetype>(len), Qt::Uninitialized);
    const int rc = argon2id_hash_encoded(m_params.iterations, m_params.memoryKiB, m_params.parallelism, pwd.constData(),
                                         static_cast<size_t>(pwd.size()), salt.constData(), SaltBytes, HashBytes,
                                         encoded.data(), len);
    wipe(pwd);
    if (rc != ARGON2_OK)
        qFatal("argon2id failed: %s", argon2_error_message(rc));
    return QString::fromLatin1(encoded.constData());
}

bool PasswordHasher::verify(const QString &password, const QString &encodedText) const
{
    const QByteArray encoded = encodedText.toLatin1();
    QByteArray pwd = normalised(password);
    bool ok = false;
    if (encoded.startsWith("$argon2")) {
        ok = verifyArgon2(pwd, encoded);
        // Hashes imported from systems that did not normalise were made from the raw bytes.
        if (!ok && pwd != password.toUtf8())
            ok = verifyArgon2(password.toUtf8(), encoded);
    } else {
        QByteArray raw = password.toUtf8();
        if (encoded.startsWith("$2a$") || encoded.startsWith("$2b$") || encoded.startsWith("$2y$") ||
            encoded.startsWith("$7$"))
            ok = verifyCrypt(raw, encoded);
        else if (encoded.startsWith("$pbkdf2-"))
            ok = verifyPbkdf2(raw, encoded);
        else if (encoded.startsWith("$scrypt$"))
            ok = verifyScrypt(raw, encoded);
        wipe(raw);
    }
    wipe(pwd);
    return ok;
}

bool PasswordHasher::needsRehash(const QString &encoded) const
{
    const QString current = QStringLiteral("$argon2id$v=19$m=%1,t=%2,p=%3$")
                                .arg(m_params.memoryKiB)
                                .arg(m_params.iterations)
                                .arg(m_params.parallelism);
    return !encoded.startsWith(current);
}

void PasswordHasher::verifyNothing(const QString &password) const
{
    (void)verify(password, m_dummyHash);
}

bool PasswordHasher::isKnownFormat(const QString &encoded)
{
    static const char *const prefixes[] = {
        "$argon2i$", "$argon2d$",     "$argon2id$",      "$2a$",           "$2b$", "$2y$", "$7$",
        "$scrypt$",  "$pbkdf2-sha1$", "$pbkdf2-sha256$", "$pbkdf2-sha512$"};
    for (const char *prefix : prefixes)
        if (encoded.startsWith(QLatin1String(prefix)))
            return true;
    return false;
}

QString PasswordHasher::encodePbkdf2(const QString &digest, int iterations, const QByteArray &salt,
                                     const QByteArray &key)
{
    return QStringLiteral("$pbkdf2-%1$i=%2$%3$%4")
        .arg(digest)
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64(QByteArray::OmitTrailingEquals)),
             QString::fromLatin1(key.toBase64(QByteArray::OmitTrailingEquals)));
}

} // namespace keyward::crypto
