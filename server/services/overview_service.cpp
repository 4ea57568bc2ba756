#include "overview_service.h"

#include "access_checks.h"
#include "core/clock.h"
#include "core/permissions.h"
#include "key_service.h"
#include "store/overview_repository.h"

namespace keyward {

OverviewService::OverviewService(Database &db, const Clock &clock, KeyService &keys)
    : m_db(db)
    , m_clock(clock)
    , m_keys(keys)
{
}

Result<Overview> OverviewService::overview(const Principal &actor)
{
    for (const QString &permission : {permission::UsersRead, permission::AuditRead})
        if (auto denied = missing(actor, permission))
            return *denied;
    auto users = OverviewRepository(m_db).read(m_clock.nowMs(), Days, FailingAddresses);
    if (!users)
        return users.error();
    Overview o{*users};
    if (auto signer = m_keys.signer())
        o.signingKeyCreatedAt = signer->createdAt;
    return o;
}

} // namespace keyward
