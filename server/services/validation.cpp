#include "validation.h"

#include <QRegularExpression>

namespace keyward::validation {

namespace {
void add(QList<FieldError> &errors, const QString &field, const char *code, const QString &message)
{
    errors.append({field, QLatin1String(code), message});
}

bool hasControl(const QString &s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.category() == QChar::Other_Control; });
}
} // namespace

void username(const QString &value, QList<FieldError> &errors)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._-]{3,64}$"));
    if (!re.match(value).hasMatch())
        add(errors, QStringLiteral("username"), "invalid_format",
            QStringLiteral("3 to 64 characters: letters, digits, '.', '_' or '-'."));
}

void email(const QString &value, QList<FieldError> &errors, const QString &field)
{
    // Pragmatic RFC 5321 shape: local@domain, no spaces or controls, a dotted domain of valid labels.
    static const QRegularExpression label(QStringLiteral("^[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?$"),
                                          QRegularExpression::UseUnicodePropertiesOption);
    const qsizetype at = value.lastIndexOf(QLatin1Char('@'));
    bool ok = value.size() <= 254 && at > 0 && at <= 64 && !hasControl(value) && !value.contains(QLatin1Char(' '));
    if (ok) {
        const QString local = value.left(at);
        ok = !local.contains(QLatin1Char('@')) && !local.startsWith(QLatin1Char('.')) &&
             !local.endsWith(QLatin1Char('.')) && !local.contains(QLatin1String(".."));
        const QStringList labels = value.mid(at + 1).split(QLatin1Char('.'));
        ok = ok && labels.size() >= 2 &&
             std::all_of(labels.begin(), labels.end(), [](const QString &l) { return label.match(l).hasMatch(); });
    }
    if (!ok)
        add(errors, field, "invalid_format", QStringLiteral("Must be a valid email address."));
}

void displayName(const QString &value, QList<FieldError> &errors)
{
    if (value.size() > 200 || hasControl(value))
        add(errors, QStringLiteral("display_name"), "invalid_format",
            QStringLiteral("At most 200 characters, no control characters."));
}

void label(const QString &value, QList<FieldError> &errors, const QString &field)
{
    if (value.isEmpty() || value.size() > 100 || hasControl(value))
        add(errors, field, "invalid_format", QStringLiteral("1 to 100 characters, no control characters."));
}

std::optional<User::Status> status(const QString &value, QList<FieldError> &errors, const QString &field)
{
    const auto named = User::statusNamed(value);
    if (!named)
        add(errors, field, "invalid_value", QStringLiteral("Must be 'active' or 'disabled'."));
    return named;
}

void attributes(const QMap<QString, QString> &value, QList<FieldError> &errors)
{
    static const QRegularExpression key(QStringLiteral("^[A-Za-z0-9_.:-]{1,64}$"));
    if (value.size() > 50) {
        add(errors, QStringLiteral("attributes"), "too_many", QStringLiteral("At most 50 attributes."));
        return;
    }
    for (auto it = value.cbegin(); it != value.cend(); ++it) {
        if (!key.match(it.key()).hasMatch() || it.value().size() > 1024 || hasControl(it.value())) {
            add(errors, QStringLiteral("attributes"), "invalid_format",
                QStringLiteral("Keys: 1 to 64 of letters, digits, '_', '.', ':', '-'; values: at most 1024 "
                               "characters without control characters."));
            return;
        }
    }
}

void roleName(const QString &value, QList<FieldError> &errors)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9._-]{1,63}$"));
    if (!re.match(value).hasMatch())
        add(errors, QStringLiteral("name"), "invalid_format",
            QStringLiteral("2 to 64 characters: lower-case letters, digits, '.', '_' or '-'."));
}

} // namespace keyward::validation
