#include "user_cursor.h"

#include "crypto/digest.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

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
    if (!o.value(QStringLiteral("s")).isString() || !o.value(QStringLiteral("i")).isString() ||
        !(k.isString() || k.isDouble()))
        return std::nullopt;
    // Keys are text or whole milliseconds, read back as integers (PostgreSQL compares a bigint
    // index only with integers); a number that is not one would not even convert safely.
    if (k.isDouble() && (std::trunc(k.toDouble()) != k.toDouble() || std::fabs(k.toDouble()) > 9.0e15))
        return std::nullopt;
    return UserCursor{o.value(QStringLiteral("s")).toString(),
                      k.isDouble() ? QVariant(qint64(k.toDouble())) : QVariant(k.toString()),
                      o.value(QStringLiteral("i")).toString(), o.value(QStringLiteral("b")).toBool()};
}

} // namespace keyward
