#include "api_contract.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <cmath>

namespace keyward::test {

namespace {

// Keywords that only annotate; everything else must be understood by validate().
const QSet<QString> Annotations{QStringLiteral("description"), QStringLiteral("examples"), QStringLiteral("default"),
                                QStringLiteral("writeOnly"),   QStringLiteral("readOnly"), QStringLiteral("title")};

bool hasType(const QJsonValue &v, const QString &type)
{
    if (type == QLatin1String("null"))
        return v.isNull();
    if (type == QLatin1String("boolean"))
        return v.isBool();
    if (type == QLatin1String("string"))
        return v.isString();
    if (type == QLatin1String("object"))
        return v.isObject();
    if (type == QLatin1String("array"))
        return v.isArray();
    if (type == QLatin1String("number"))
        return v.isDouble();
    if (type == QLatin1String("integer"))
        return v.isDouble() && std::trunc(v.toDouble()) == v.toDouble();
    return false;
}

bool hasFormat(const QString &s, const QString &format)
{
    if (format == QLatin1String("date-time")) {
        static const QRegularExpression rfc3339(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)$"));
        return rfc3339.match(s).hasMatch();
    }
    if (format == QLatin1String("uuid"))
        return !QUuid::fromString(s).isNull();
    if (format == QLatin1String("email"))
        return s.contains(QLatin1Char('@'));
    if (format == QLatin1String("uri"))
        return s.contains(QLatin1Char(':'));
    return false;
}

QString mediaType(const QByteArray &contentType)
{
    return QString::fromLatin1(contentType.split(';').first().trimmed()).toLower();
}

// "/api/v1/users/{id}" against "/api/v1/users/0190..." segment by segment.
bool matchesTemplate(const QString &pattern, const QString &path)
{
    const QStringList want = pattern.split(QLatin1Char('/'));
    const QStringList have = path.split(QLatin1Char('/'));
    if (want.size() != have.size())
        return false;
    for (qsizetype i = 0; i < want.size(); ++i)
        if (!want[i].startsWith(QLatin1Char('{')) && want[i] != have[i])
            return false;
    return true;
}

} // namespace

const ApiContract &ApiContract::instance()
{
    static const ApiContract contract;
    return contract;
}

ApiContract::ApiContract()
{
    QFile file(QStringLiteral(KEYWARD_SOURCE_DIR "/resources/openapi.json"));
    if (file.open(QIODevice::ReadOnly))
        m_doc = QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject ApiContract::resolve(QJsonObject object) const
{
    for (int hops = 0; object.contains(QStringLiteral("$ref")) && hops < 10; ++hops) {
        QJsonValue node = m_doc;
        for (const QString &part : object.value(QStringLiteral("$ref")).toString().mid(2).split(QLatin1Char('/')))
            node = node.toObject().value(QString(part).replace(QStringLiteral("~1"), QStringLiteral("/")));
        object = node.toObject();
    }
    return object;
}

QStringList ApiContract::check(const QByteArray &method, const QString &pathAndQuery, int status,
                               const QByteArray &contentType, const QByteArray &body) const
{
    if (m_doc.isEmpty())
        return {QStringLiteral("resources/openapi.json could not be read")};
    const QString path = pathAndQuery.section(QLatin1Char('?'), 0, 0);
    const QString verb = QString::fromLatin1(method).toLower();
    const QJsonObject paths = m_doc.value(QStringLiteral("paths")).toObject();
    // Literal paths win over templates, as in the router.
    QJsonObject operation = paths.value(path).toObject().value(verb).toObject();
    for (auto it = paths.begin(); operation.isEmpty() && it != paths.end(); ++it)
        if (it.key().contains(QLatin1Char('{')) && matchesTemplate(it.key(), path))
            operation = it.value().toObject().value(verb).toObject();
    if (operation.isEmpty())
        return {};

    const QString where = QString::fromLatin1(method) + QLatin1Char(' ') + path + QLatin1String(" -> ") +
                          QString::number(status) + QLatin1Char(' ');
    const QJsonObject responses = operation.value(QStringLiteral("responses")).toObject();
    QString documentedAs = QString::number(status);
    if (!responses.contains(documentedAs)) {
        if (status < 400)
            return {where + QStringLiteral("is not a documented response")};
        documentedAs = status < 500 && responses.contains(QStringLiteral("4XX")) ? QStringLiteral("4XX")
                                                                                 : QStringLiteral("default");
    }
    const QJsonObject response = resolve(responses.value(documentedAs).toObject());
    const QJsonObject content = response.value(QStringLiteral("content")).toObject();
    if (content.isEmpty())
        return body.isEmpty() ? QStringList() : QStringList{where + QStringLiteral("has a body, documented without")};
    if (status == 304)
        return {};

    QJsonObject media;
    for (auto it = content.begin(); it != content.end(); ++it)
        if (mediaType(it.key().toLatin1()) == mediaType(contentType))
            media = it.value().toObject();
    if (media.isEmpty())
        return {where + QStringLiteral("has Content-Type %1, documented: %2")
                            .arg(QString::fromLatin1(contentType), content.keys().join(QStringLiteral(", ")))};
    if (!mediaType(contentType).endsWith(QLatin1String("json")))
        return {};
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return {where + QStringLiteral("is not JSON: ") + error.errorString()};
    const QJsonValue value = json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object());
    return validate(value, media.value(QStringLiteral("schema")).toObject(), where + QStringLiteral("body"));
}

QStringList ApiContract::validate(const QJsonValue &value, const QJsonObject &schemaOrRef, const QString &where) const
{
    const QJsonObject schema = resolve(schemaOrRef);
    QStringList out;
    const auto fail = [&](const QString &what) { out << where + QStringLiteral(": ") + what; };
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        const QString keyword = it.key();
        const QJsonValue arg = it.value();
        if (Annotations.contains(keyword))
            continue;
        if (keyword == QLatin1String("type")) {
            const QJsonArray types = arg.isArray() ? arg.toArray() : QJsonArray{arg};
            if (std::none_of(types.begin(), types.end(),
                             [&](const QJsonValue &t) { return hasType(value, t.toString()); }))
                fail(QStringLiteral("not of type %1")
                         .arg(QString::fromUtf8(QJsonDocument(types).toJson(QJsonDocument::Compact))));
        } else if (keyword == QLatin1String("enum")) {
            if (!arg.toArray().contains(value))
                fail(QStringLiteral("'%1' is not one of the documented values").arg(value.toVariant().toString()));
        } else if (keyword == QLatin1String("const")) {
            if (value != arg)
                fail(QStringLiteral("is not %1").arg(arg.toVariant().toString()));
        } else if (keyword == QLatin1String("format")) {
            if (value.isString() && !hasFormat(value.toString(), arg.toString()))
                fail(QStringLiteral("'%1' is not a %2").arg(value.toString(), arg.toString()));
        } else if (keyword == QLatin1String("pattern")) {
            if (value.isString() && !QRegularExpression(arg.toString()).match(value.toString()).hasMatch())
                fail(QStringLiteral("'%1' does not match %2").arg(value.toString(), arg.toString()));
        } else if (keyword == QLatin1String("minLength") || keyword == QLatin1String("maxLength")) {
            const qsizetype n = value.toString().size();
            if (value.isString() && (keyword.startsWith(QLatin1String("min")) ? n < arg.toInt() : n > arg.toInt()))
                fail(keyword + QStringLiteral(" %1 broken").arg(arg.toInt()));
        } else if (keyword == QLatin1String("minimum") || keyword == QLatin1String("maximum")) {
            const double n = value.toDouble();
            if (value.isDouble() && (keyword == QLatin1String("minimum") ? n < arg.toDouble() : n > arg.toDouble()))
                fail(keyword + QStringLiteral(" %1 broken by %2").arg(arg.toDouble()).arg(n));
        } else if (keyword == QLatin1String("minItems") || keyword == QLatin1String("maxItems")) {
            const qsizetype n = value.toArray().size();
            if (value.isArray() && (keyword == QLatin1String("minItems") ? n < arg.toInt() : n > arg.toInt()))
                fail(keyword + QStringLiteral(" %1 broken by %2 items").arg(arg.toInt()).arg(n));
        } else if (keyword == QLatin1String("items")) {
            const QJsonArray items = value.toArray();
            for (qsizetype i = 0; i < items.size(); ++i)
                out += validate(items[i], arg.toObject(), where + QStringLiteral("[%1]").arg(i));
        } else if (keyword == QLatin1String("required")) {
            for (const QJsonValue &name : arg.toArray())
                if (value.isObject() && !value.toObject().contains(name.toString()))
                    fail(QStringLiteral("lacks required '%1'").arg(name.toString()));
        } else if (keyword == QLatin1String("properties")) {
            const QJsonObject props = arg.toObject();
            const QJsonObject object = value.toObject();
            for (auto p = props.begin(); p != props.end(); ++p)
                if (object.contains(p.key()))
                    out += validate(object.value(p.key()), p.value().toObject(), where + QLatin1Char('.') + p.key());
        } else if (keyword == QLatin1String("additionalProperties")) {
            const QJsonObject props = schema.value(QStringLiteral("properties")).toObject();
            const QJsonObject object = value.toObject();
            for (auto p = object.begin(); p != object.end(); ++p) {
                if (props.contains(p.key()))
                    continue;
                if (arg.isBool() && !arg.toBool())
                    fail(QStringLiteral("undocumented member '%1'").arg(p.key()));
                else if (arg.isObject())
                    out += validate(p.value(), arg.toObject(), where + QLatin1Char('.') + p.key());
            }
        } else if (keyword == QLatin1String("propertyNames")) {
            const QJsonObject object = value.toObject();
            for (auto p = object.begin(); p != object.end(); ++p)
                out += validate(p.key(), arg.toObject(), where + QStringLiteral(" key '%1'").arg(p.key()));
        } else if (keyword == QLatin1String("allOf")) {
            // Each part may describe only some members: check them without the parts' closedness.
            for (const QJsonValue &part : arg.toArray()) {
                QJsonObject open = resolve(part.toObject());
                open.remove(QStringLiteral("additionalProperties"));
                out += validate(value, open, where);
            }
        } else {
            fail(QStringLiteral("the checker does not know the keyword '%1'").arg(keyword));
        }
    }
    return out;
}

} // namespace keyward::test
