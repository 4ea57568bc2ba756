#pragma once

#include "core/api_error.h"

namespace keyward {

// The rules a new password must meet (NIST SP 800-63B: length, not the user's own identifiers;
// no composition rules). Every rejection is a FieldError on `field` with a reason code.
class PasswordPolicy {
public:
    int minLength = 8;
    int maxLength = 256;

    void check(const QString &password, const QStringList &userIdentifiers, QList<FieldError> &errors,
               const QString &field = QStringLiteral("password")) const;
};

} // namespace keyward
