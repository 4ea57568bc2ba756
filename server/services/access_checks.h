#pragma once

// The checks every service asks before it acts: the permission, the credential, the target.

#include "core/principal.h"
#include "core/result.h"

#include <optional>

namespace keyward {

// The caller lacks `permission`: a 403 the caller can act on.
inline std::optional<ApiError> missing(const Principal &actor, const QString &permission)
{
    if (actor.can(permission))
        return std::nullopt;
    return ApiError::forbidden(QStringLiteral("This needs the '%1' permission.").arg(permission));
}

// Self-service needs a signed-in session: a key acting for its owner must not manage the account it
// stands for (its sessions, keys and credentials).
inline Status requireSession(const Principal &actor)
{
    return actor.viaApiKey() ? Status(ApiError::sessionRequired()) : success();
}

// One's own credentials and recovery channels (password, second factor, email, lockout, sessions)
// change through self-service, which asks for the current password; through the admin API a stolen
// session or a key of one's own would need nothing.
inline Status notOnOneself(const Principal &actor, const QString &targetId)
{
    return actor.isUser() && actor.id == targetId ? Status(ApiError::selfServiceRequired()) : success();
}

} // namespace keyward
