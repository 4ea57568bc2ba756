// Import documents: a Keyward user array or a Keycloak realm export, read into users to create.
#include "services/user_transfer.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const auto format = data[0] % 3 == 0   ? keyward::ImportFormat::Keyward
                        : data[0] % 3 == 1 ? keyward::ImportFormat::Keycloak
                                           : keyward::ImportFormat::Auto;
    const QByteArray document(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size) - 1);
    (void)keyward::ImportPlan::read(document, format, {QStringLiteral("admin"), QStringLiteral("user")});
    return 0;
}
