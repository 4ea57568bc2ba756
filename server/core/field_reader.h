#pragma once

#include "api_error.h"

#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QStringList>

#include <optional>

namespace keyward {

// Reads a JSON request object field by field and collects every problem at once: wrong types,
// missing required fields and, in unknownFields(), fields that no one asked for (typos must not
// pass silently). Content rules (formats, lengths) belong to the services, which start from these.
class FieldReader {
public:
    enum Need { Optional, Required };

    explicit FieldReader(QJsonObject object);

    bool has(const QString &name);
    // Present with JSON null: lets PATCH requests clear a field.
    bool isNull(const QString &name);

    std::optional<QString> string(const QString &name, Need need = Optional);
    std::optional<bool> boolean(const QString &name, Need need = Optional);
    std::optional<qint64> integer(const QString &name, Need need = Optional);
    std::optional<QStringList> stringList(const QString &name, Need need = Optional);
    std::optional<QMap<QString, QString>> stringMap(const QString &name, Need need = Optional);
    std::optional<QJsonObject> object(const QString &name, Need need = Optional);

    // Adds `unknown_field` errors for every member not read so far and returns all errors.
    QList<FieldError> finish();

    // A JSON number that is a whole number a double represents exactly (|n| <= 2^53); nullopt for
    // anything else. Every JSON number that becomes an integer goes through here: casting one
    // outside the integers' range is undefined behaviour.
    static std::optional<qint64> wholeNumber(const QJsonValue &value);

private:
    std::optional<QJsonValue> take(const QString &name, Need need, const char *expected);
    void typeError(const QString &name, const char *expected);

    QJsonObject m_object;
    QSet<QString> m_read;
    QList<FieldError> m_errors;
};

} // namespace keyward
