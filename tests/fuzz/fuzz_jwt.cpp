// Bearer tokens as presented: decoded, then checked against a real key of each algorithm.
#include "crypto/digest.h"
#include "crypto/jwt.h"
#include "crypto/signing_key.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const auto keys = [] {
        QList<keyward::crypto::SigningKey> list;
        for (const char *alg : {"RS256", "ES256", "EdDSA"})
            list << *keyward::crypto::SigningKey::generate(QString::fromLatin1(alg));
        return list;
    }();
    const auto jwt =
        keyward::crypto::decodeJwt(QByteArrayView(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)));
    if (!jwt)
        return 0;
    for (const auto &key : keys)
        if (keyward::crypto::verifyJwtSignature(*jwt, key))
            std::abort(); // nobody forges a signature by chance
    return 0;
}
