// Stored password hashes as imports bring them: PHC and modular-crypt strings of every form Keyward
// reads, with their cost parameters.
#include "crypto/password_hasher.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)keyward::crypto::PasswordHasher::refusalOf(
        QString::fromLatin1(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)));
    return 0;
}
