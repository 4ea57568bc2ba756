#pragma once

#include "core/api_error.h"

#include <QStringList>

namespace keyward {

// How hard a password is to guess, 0 (trivial) to 4 (strong), with advice for a person.
struct PasswordStrength {
    int score = 0;
    QString warning;
    QStringList suggestions;
};

// A candidate password weighed: how strong it is, and what the policy has against it.
struct PasswordAssessment {
    PasswordStrength strength;
    QList<FieldError> problems; // empty: the policy accepts it

    bool acceptable() const { return problems.isEmpty(); }
};

// The rules a new password must meet (NIST SP 800-63B): a length range, not one of the common
// passwords bundled in resources/passwords (case-insensitive), not the user's own identifiers.
// No composition rules. Every rejection is a FieldError on `field` with a reason code.
class PasswordPolicy {
public:
    int minLength = 8;
    int maxLength = 256;
    bool blocklist = true;

    void check(const QString &password, const QStringList &userIdentifiers, QList<FieldError> &errors,
               const QString &field = QStringLiteral("password")) const;

    static PasswordStrength strength(const QString &password, const QStringList &userIdentifiers = {});
    // Frequency rank in the bundled list (0 = most common), -1 when not in it.
    static int commonRank(const QString &password);
};

} // namespace keyward
