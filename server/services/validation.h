#pragma once

#include "core/api_error.h"
#include "core/user.h"

#include <QMap>
#include <QString>

namespace keyward::validation {

// Each check appends to `errors` and leaves it alone when the value is fine, so a service can
// run every check and report all bad fields at once.
void username(const QString &value, QList<FieldError> &errors);
void email(const QString &value, QList<FieldError> &errors, const QString &field = QStringLiteral("email"));
void displayName(const QString &value, QList<FieldError> &errors);
// The status a name stands for; nullopt (and an error) when it names none.
std::optional<User::Status> status(const QString &value, QList<FieldError> &errors,
                                   const QString &field = QStringLiteral("status"));
void attributes(const QMap<QString, QString> &value, QList<FieldError> &errors);
void roleName(const QString &value, QList<FieldError> &errors);
// A name people give a thing they register (a client): 1 to 100 characters, no control characters.
void label(const QString &value, QList<FieldError> &errors, const QString &field = QStringLiteral("name"));

} // namespace keyward::validation
