// A passkey's bytes as a browser relays them: an attestation object (CBOR, with its authenticator
// data, COSE key and statement) and authenticator data on their own. Whatever comes, it is refused
// or read, never a crash, and no signature verifies by chance.
#include "crypto/webauthn.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace keyward::crypto::webauthn;
    const QByteArrayView input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QString error;
    const QByteArray clientDataHash(32, '\x5a');
    if (auto attestation = verifyAttestation(input, clientDataHash, &error);
        attestation && attestation->type != QLatin1String("none"))
        std::abort(); // a self or certified signature over fixed client data: forged by chance
    (void)parseAuthenticatorData(input, &error);
    (void)readCoseKey(input, &error);
    return 0;
}
