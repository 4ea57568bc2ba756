#include "json_body.h"

namespace keyward {

Result<QJsonDocument> parseJsonBody(const QByteArray &body, int maxDepth)
{
    if (body.trimmed().isEmpty())
        return ApiError::malformedJson(QStringLiteral("A JSON body is required."));
    int depth = 0;
    bool inString = false, escaped = false;
    for (const char c : body) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return ApiError::malformedJson(QStringLiteral("JSON nested deeper than %1 levels.").arg(maxDepth));
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    QJsonParseError err{};
    QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError)
        return ApiError::malformedJson(
            QStringLiteral("Invalid JSON at offset %1: %2.").arg(err.offset).arg(err.errorString()));
    return doc;
}

bool isJsonContentType(QByteArrayView contentType)
{
    QByteArrayView type = contentType;
    if (const qsizetype semi = type.indexOf(';'); semi >= 0)
        type = type.first(semi);
    const QByteArray t = type.trimmed().toByteArray().toLower();
    return t == "application/json" || (t.startsWith("application/") && t.endsWith("+json"));
}

} // namespace keyward
