#include "digest.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <cstdlib>
#include <memory>

namespace keyward::crypto {

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        std::abort(); // no entropy: continuing would mint guessable secrets
    return out;
}

QString randomToken(int bytes)
{
    return QString::fromLatin1(base64Url(randomBytes(bytes)));
}

namespace {

// Fetched once: OpenSSL 3 looks EVP_sha256() up in its provider tables, under a lock, on every
// use, which costs more than hashing an access token (the digest of every authenticated request).
const EVP_MD *sha256Algorithm()
{
    static EVP_MD *const algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return algorithm;
}

} // namespace

QByteArray sha256(QByteArrayView data)
{
    thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                                       &EVP_MD_CTX_free);
    QByteArray out(32, Qt::Uninitialized);
    if (!context || EVP_DigestInit_ex2(context.get(), sha256Algorithm(), nullptr) != 1 ||
        EVP_DigestUpdate(context.get(), data.data(), static_cast<size_t>(data.size())) != 1 ||
        EVP_DigestFinal_ex(context.get(), reinterpret_cast<unsigned char *>(out.data()), nullptr) != 1)
        std::abort();
    return out;
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 32;
    if (!HMAC(sha256Algorithm(), key.data(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char *>(data.data()), static_cast<size_t>(data.size()),
              reinterpret_cast<unsigned char *>(out.data()), &len))
        std::abort();
    return out;
}

QByteArray hkdfSha256(QByteArrayView key, QByteArrayView info, int length)
{
    QByteArray out(length, Qt::Uninitialized);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr);
    size_t outLen = static_cast<size_t>(length);
    const bool ok = ctx && EVP_PKEY_derive_init(ctx) > 0 && EVP_PKEY_CTX_set_hkdf_md(ctx, EVP_sha256()) > 0 &&
                    EVP_PKEY_CTX_set1_hkdf_key(ctx, reinterpret_cast<const unsigned char *>(key.data()),
                                               static_cast<int>(key.size())) > 0 &&
                    EVP_PKEY_CTX_add1_hkdf_info(ctx, reinterpret_cast<const unsigned char *>(info.data()),
                                                static_cast<int>(info.size())) > 0 &&
                    EVP_PKEY_derive(ctx, reinterpret_cast<unsigned char *>(out.data()), &outLen) > 0;
    EVP_PKEY_CTX_free(ctx);
    if (!ok)
        std::abort();
    return out;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0;
}

QByteArray base64Url(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray fromBase64Url(QByteArrayView text)
{
    auto r = QByteArray::fromBase64Encoding(text.toByteArray(),
                                            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!r || text.contains('='))
        return {};
    if (r.decoded.isNull())
        return QByteArray("");
    return r.decoded;
}

void wipe(QByteArray &secret)
{
    if (!secret.isEmpty())
        OPENSSL_cleanse(secret.data(), static_cast<size_t>(secret.size()));
    secret.clear();
}

void releaseThread()
{
    OPENSSL_thread_stop();
}

} // namespace keyward::crypto
