#include "route_helpers.h"

#include "core/clock.h"
#include "core/permissions.h"
#include "services/resource_json.h"
#include "services/services.h"
#include "services/user_json.h"
#include "services/validation.h"

namespace keyward::routes {

qint64 now(const RequestContext &ctx)
{
    return ctx.services.clock().nowMs();
}

bool mayReadOperations(const RequestContext &ctx)
{
    return ctx.principal.can(permission::MetricsRead) ||
           RuntimeSettings::inSubnets(ctx.request.client, ctx.services.settings().current().metricsAllowList);
}

HttpResponse userResponse(const RequestContext &ctx, const Result<User> &user, int status)
{
    if (!user)
        return problem(ctx, user.error());
    HttpResponse r = HttpResponse::json(status, userJsonBytes(*user, now(ctx)));
    r.setHeader("ETag", user->etag().toLatin1());
    return r;
}

Result<std::optional<qint64>> ifMatchVersion(const RequestContext &ctx)
{
    QByteArray value = ctx.request.header("if-match").trimmed();
    if (value.isEmpty())
        return std::optional<qint64>();
    if (value.startsWith("W/"))
        value = value.mid(2);
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    bool ok = false;
    const qint64 version = value.toLongLong(&ok);
    if (!ok)
        return ApiError::preconditionFailed(QStringLiteral("If-Match must be an ETag this server issued."));
    return std::optional<qint64>(version);
}

int limitParameter(const RequestContext &ctx, QList<FieldError> &errors)
{
    const QString text = ctx.request.queryValue(QStringLiteral("limit"));
    if (text.isEmpty())
        return 50;
    bool ok = false;
    const int limit = text.toInt(&ok);
    if (!ok || limit < 1 || limit > 200) {
        errors.append({QStringLiteral("limit"), QStringLiteral("out_of_range"), QStringLiteral("Must be 1 to 200.")});
        return 50;
    }
    return limit;
}

std::optional<bool> boolParameter(const RequestContext &ctx, const QString &name, QList<FieldError> &errors)
{
    if (!ctx.request.query.hasQueryItem(name))
        return std::nullopt;
    const QString v = ctx.request.queryValue(name);
    if (v == QLatin1String("true") || v == QLatin1String("1"))
        return true;
    if (v == QLatin1String("false") || v == QLatin1String("0"))
        return false;
    errors.append({name, QStringLiteral("invalid_type"), QStringLiteral("Must be true or false.")});
    return std::nullopt;
}

namespace {

QJsonValue cursorValue(const QString &cursor)
{
    return cursor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(cursor);
}

} // namespace

QJsonObject page(const QJsonArray &items, const QString &nextCursor, qint64 total)
{
    return QJsonObject{{QStringLiteral("items"), items},
                       {QStringLiteral("next_cursor"), cursorValue(nextCursor)},
                       {QStringLiteral("total"), total}};
}

ApiKeyRequest readApiKeyRequest(FieldReader &reader)
{
    ApiKeyRequest r;
    r.name = reader.string(QStringLiteral("name"), FieldReader::Required).value_or(QString());
    r.scopes = reader.stringList(QStringLiteral("scopes")).value_or(QStringList());
    r.currentPassword = currentPassword(reader);
    if (const auto expires = reader.string(QStringLiteral("expires_at"))) {
        r.expiresAt = parseTime(*expires);
        if (r.expiresAt < 0)
            r.parseErrors.append({QStringLiteral("expires_at"), QStringLiteral("invalid_format"),
                                  QStringLiteral("Must be an RFC 3339 time, e.g. 2027-01-02T03:04:05Z.")});
    }
    r.parseErrors += reader.finish();
    return r;
}

QJsonObject apiKeyList(const QList<ApiKey> &keys)
{
    QJsonArray items;
    for (const ApiKey &k : keys)
        items.append(apiKeyJson(k));
    return page(items, {}, items.size());
}

} // namespace keyward::routes
