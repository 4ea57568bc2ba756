#include "field_reader.h"

#include <cmath>

#include <QJsonArray>

namespace keyward {

FieldReader::FieldReader(QJsonObject object)
    : m_object(std::move(object))
{
}

bool FieldReader::has(const QString &name)
{
    m_read.insert(name);
    return m_object.contains(name);
}

bool FieldReader::isNull(const QString &name)
{
    m_read.insert(name);
    return m_object.contains(name) && m_object.value(name).isNull();
}

void FieldReader::typeError(const QString &name, const char *expected)
{
    m_errors.append({name, QStringLiteral("invalid_type"), QStringLiteral("Must be %1.").arg(QLatin1String(expected))});
}

std::optional<QJsonValue> FieldReader::take(const QString &name, Need need, const char *expected)
{
    m_read.insert(name);
    const auto it = m_object.constFind(name);
    if (it == m_object.constEnd() || it->isNull()) {
        if (need == Required)
            m_errors.append({name, QStringLiteral("required"), QStringLiteral("This field is required.")});
        else if (it != m_object.constEnd())
            typeError(name, expected);
        return std::nullopt;
    }
    return *it;
}

std::optional<QString> FieldReader::string(const QString &name, Need need)
{
    const auto v = take(name, need, "a string");
    if (!v)
        return std::nullopt;
    if (!v->isString()) {
        typeError(name, "a string");
        return std::nullopt;
    }
    return v->toString();
}

std::optional<bool> FieldReader::boolean(const QString &name, Need need)
{
    const auto v = take(name, need, "a boolean");
    if (!v)
        return std::nullopt;
    if (!v->isBool()) {
        typeError(name, "a boolean");
        return std::nullopt;
    }
    return v->toBool();
}

std::optional<qint64> FieldReader::integer(const QString &name, Need need)
{
    const auto v = take(name, need, "an integer");
    if (!v)
        return std::nullopt;
    const auto n = wholeNumber(*v);
    if (!n)
        typeError(name, "an integer");
    return n;
}

std::optional<qint64> FieldReader::wholeNumber(const QJsonValue &value)
{
    // 2^53: beyond it doubles stop representing every integer. The range is checked before the
    // cast (UBSan caught one of 1e300 here).
    const double d = value.toDouble();
    if (!value.isDouble() || !(d <= 9007199254740992.0 && d >= -9007199254740992.0) || std::trunc(d) != d)
        return std::nullopt;
    return static_cast<qint64>(d);
}

std::optional<QStringList> FieldReader::stringList(const QString &name, Need need)
{
    const auto v = take(name, need, "an array of strings");
    if (!v)
        return std::nullopt;
    if (!v->isArray()) {
        typeError(name, "an array of strings");
        return std::nullopt;
    }
    QStringList out;
    for (const QJsonValue &item : v->toArray()) {
        if (!item.isString()) {
            typeError(name, "an array of strings");
            return std::nullopt;
        }
        out.append(item.toString());
    }
    return out;
}

std::optional<QJsonObject> FieldReader::object(const QString &name, Need need)
{
    const auto v = take(name, need, "an object");
    if (!v)
        return std::nullopt;
    if (!v->isObject()) {
        typeError(name, "an object");
        return std::nullopt;
    }
    return v->toObject();
}

std::optional<QMap<QString, QString>> FieldReader::stringMap(const QString &name, Need need)
{
    const auto v = take(name, need, "an object of strings");
    if (!v)
        return std::nullopt;
    if (!v->isObject()) {
        typeError(name, "an object of strings");
        return std::nullopt;
    }
    QMap<QString, QString> out;
    const QJsonObject obj = v->toObject();
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (!it->isString()) {
            typeError(name, "an object of strings");
            return std::nullopt;
        }
        out.insert(it.key(), it->toString());
    }
    return out;
}

QList<FieldError> FieldReader::finish()
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_read.contains(it.key()))
            m_errors.append(
                {it.key(), QStringLiteral("unknown_field"), QStringLiteral("This field is not recognised.")});
    }
    return m_errors;
}

} // namespace keyward
