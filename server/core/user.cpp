#include "user.h"

namespace keyward {

QString User::statusName(Status status)
{
    return status == Status::Active ? QStringLiteral("active") : QStringLiteral("disabled");
}

std::optional<User::Status> User::statusNamed(const QString &name)
{
    for (const Status status : {Status::Active, Status::Disabled})
        if (name == statusName(status))
            return status;
    return std::nullopt;
}

} // namespace keyward
