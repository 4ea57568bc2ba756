#include "user_cursor.h"

#include "core/field_reader.h"
#include "crypto/digest.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace keyward {

QString UserCursor::encode() const
{
    QJsonObject o{
        {QStringLiteral("s"), sort}, {QStringLiteral("k"), QJsonValue::fromVariant(key)}, {QStringLiteral("i"), id}};
    if (before)
        o.insert(QStringLiteral("b"), true);
    return QString::fromLatin1(crypto::base64Url(QJsonDocument(o).toJson(QJsonDocument::Compact)));
}

std::optional<UserCursor> UserCursor::decode(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(crypto::fromBase64Url(text.toLatin1()));
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const QJsonValue k = o.value(QStringLiteral("k"));
    // Keys are text or whole milliseconds, read back as integers (PostgreSQL compares a bigint
    // index only with integers).
    const auto millis = FieldReader::wholeNumber(k);
    if (!o.value(QStringLiteral("s")).isString() || !o.value(QStringLiteral("i")).isString() ||
        !(k.isString() || millis))
        return std::nullopt;
    return UserCursor{o.value(QStringLiteral("s")).toString(), millis ? QVariant(*millis) : QVariant(k.toString()),
                      o.value(QStringLiteral("i")).toString(), o.value(QStringLiteral("b")).toBool()};
}

} // namespace keyward
