#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace keyward::crypto {

// AES-256-GCM with the master key. `context` is bound as associated data, so a sealed value
// copied into another row (another context) no longer opens.
// Layout: 0x01 | 12-byte nonce | ciphertext | 16-byte tag.
class Sealer {
public:
    explicit Sealer(QByteArray key);
    ~Sealer();
    Sealer(const Sealer &) = delete;
    Sealer &operator=(const Sealer &) = delete;

    QByteArray seal(QByteArrayView plaintext, QByteArrayView context) const;
    std::optional<QByteArray> open(QByteArrayView sealed, QByteArrayView context) const;

private:
    QByteArray m_key;
};

} // namespace keyward::crypto
