#include "password_policy.h"

#include <QStringList>

namespace keyward {

void PasswordPolicy::check(const QString &password, const QStringList &userIdentifiers, QList<FieldError> &errors,
                           const QString &field) const
{
    // Length in characters as a person counts them (code points), not UTF-16 units.
    const qsizetype length = password.toUcs4().size();
    if (length < minLength) {
        errors.append(
            {field, QStringLiteral("too_short"), QStringLiteral("Use at least %1 characters.").arg(minLength)});
        return;
    }
    if (length > maxLength) {
        errors.append({field, QStringLiteral("too_long"), QStringLiteral("Use at most %1 characters.").arg(maxLength)});
        return;
    }
    const QString folded = password.toCaseFolded();
    for (const QString &id : userIdentifiers) {
        if (!id.isEmpty() && folded == id.toCaseFolded()) {
            errors.append({field, QStringLiteral("matches_identity"),
                           QStringLiteral("The password must not be your username or email address.")});
            return;
        }
    }
}

} // namespace keyward
