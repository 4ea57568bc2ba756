#include "sealer.h"

#include "digest.h"

#include <openssl/evp.h>

#include <memory>

namespace keyward::crypto {

namespace {
constexpr char Version = 0x01;
constexpr int NonceSize = 12;
constexpr int TagSize = 16;
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;
auto u8(const char *p)
{
    return reinterpret_cast<const unsigned char *>(p);
}
} // namespace

Sealer::Sealer(QByteArray key)
    : m_key(std::move(key))
{
    Q_ASSERT(m_key.size() == 32);
}

Sealer::~Sealer()
{
    wipe(m_key);
}

QByteArray Sealer::seal(QByteArrayView plaintext, QByteArrayView context) const
{
    const QByteArray nonce = randomBytes(NonceSize);
    QByteArray out;
    out.reserve(1 + NonceSize + plaintext.size() + TagSize);
    out.append(Version).append(nonce);
    QByteArray cipher(plaintext.size() + 16, Qt::Uninitialized);
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0, total = 0;
    QByteArray tag(TagSize, Qt::Uninitialized);
    const bool ok =
        ctx &&
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, u8(m_key.constData()), u8(nonce.constData())) &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, u8(context.data()), static_cast<int>(context.size())) &&
        EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(cipher.data()), &len, u8(plaintext.data()),
                          static_cast<int>(plaintext.size())) &&
        (total = len, EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(cipher.data()) + total, &len)) &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagSize, tag.data());
    if (!ok)
        std::abort();
    total += len;
    out.append(cipher.constData(), total).append(tag);
    return out;
}

std::optional<QByteArray> Sealer::open(QByteArrayView sealed, QByteArrayView context) const
{
    if (sealed.size() < 1 + NonceSize + TagSize || sealed.at(0) != Version)
        return std::nullopt;
    const QByteArrayView nonce = sealed.sliced(1, NonceSize);
    const QByteArrayView cipher = sealed.sliced(1 + NonceSize, sealed.size() - 1 - NonceSize - TagSize);
    QByteArray tag = sealed.last(TagSize).toByteArray();
    QByteArray plain(cipher.size() + 16, Qt::Uninitialized);
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0, total = 0;
    const bool ok =
        ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, u8(m_key.constData()), u8(nonce.data())) &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, u8(context.data()), static_cast<int>(context.size())) &&
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &len, u8(cipher.data()),
                          static_cast<int>(cipher.size())) &&
        (total = len, EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagSize, tag.data())) &&
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()) + total, &len) > 0;
    if (!ok) {
        wipe(plain);
        return std::nullopt;
    }
    plain.truncate(total + len);
    return plain;
}

} // namespace keyward::crypto
