#pragma once

#include "core/field_reader.h"
#include "core/result.h"
#include "core/session.h"
#include "http/router.h"
#include "services/api_key_service.h"
#include "services/user_service.h"

#include <QJsonArray>

#include <optional>

// Small pieces every route file uses: mapping results to responses, reading typed requests.
namespace keyward::routes {

inline HttpResponse problem(const RequestContext &ctx, const ApiError &error)
{
    return HttpResponse::problem(error, ctx.request);
}

// `toJson(value)` renders a successful result; errors become problem+json.
template <typename T, typename ToJson>
HttpResponse respond(const RequestContext &ctx, const Result<T> &result, ToJson toJson, int status = 200)
{
    if (!result)
        return problem(ctx, result.error());
    return HttpResponse::json(status, toJson(result.value()));
}

inline HttpResponse respondEmpty(const RequestContext &ctx, const Status &status)
{
    return status ? HttpResponse::noContent() : problem(ctx, status.error());
}

qint64 now(const RequestContext &ctx);
// Operational detail (metrics, health checks) is for holders of metrics:read and the allow-list.
bool mayReadOperations(const RequestContext &ctx);
HttpResponse userResponse(const RequestContext &ctx, const Result<User> &user, int status = 200);

// A FieldReader over the body; finish() it and pass its errors to the service.
inline FieldReader bodyReader(const RequestContext &ctx)
{
    return FieldReader(ctx.body.object());
}

// `result` rendered by `toJson`, with `versionOf(value)` as its ETag for a later If-Match.
template <typename T, typename ToJson, typename VersionOf>
HttpResponse respondVersioned(const RequestContext &ctx, const Result<T> &result, ToJson toJson, VersionOf versionOf,
                              int status = 200)
{
    HttpResponse r = respond(ctx, result, toJson, status);
    if (result)
        r.setHeader("ETag", QByteArray("\"") + QByteArray::number(versionOf(result.value())) + '"');
    return r;
}

// The version in If-Match ("3" or W/"3"), nullopt when absent; an unusable header is an error.
Result<std::optional<qint64>> ifMatchVersion(const RequestContext &ctx);

// ?limit= (1..200, default 50) and ?cursor=; query errors reported like body errors.
int limitParameter(const RequestContext &ctx, QList<FieldError> &errors);
std::optional<bool> boolParameter(const RequestContext &ctx, const QString &name, QList<FieldError> &errors);

// {"items": [...], "next_cursor": ..., "total": N}
QJsonObject page(const QJsonArray &items, const QString &nextCursor, qint64 total);

// Credential changes need a session and run on the hashing pool: they may check the current password.
inline RouteOptions credentialChange(RouteOptions::Body body,
                                     RouteOptions::Access access = RouteOptions::Access::Authenticated)
{
    return sessionOnly({access, body, RouteOptions::Execution::HashingPool});
}

// `current_password`, sent again to confirm a credential change.
inline std::optional<QString> currentPassword(FieldReader &reader)
{
    return reader.string(QStringLiteral("current_password"));
}

ApiKeyRequest readApiKeyRequest(FieldReader &reader);
QJsonObject apiKeyList(const QList<ApiKey> &keys);

} // namespace keyward::routes
