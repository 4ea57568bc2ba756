// Import documents in every format (Keyward, Keycloak, Kratos, Zitadel, Auth0, CSV, or detected),
// read into users to create.
#include "services/user_transfer.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const auto format = keyward::importFormatNamed(
        QStringList{QStringLiteral("auto"), QStringLiteral("keyward"), QStringLiteral("keycloak"),
                    QStringLiteral("kratos"), QStringLiteral("zitadel"), QStringLiteral("auth0"), QStringLiteral("csv")}
            .at(data[0] % 7));
    const QByteArray document(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size) - 1);
    (void)keyward::ImportPlan::read(document, *format, {QStringLiteral("admin"), QStringLiteral("user")});
    return 0;
}
