#include "core/clock.h"
#include "route_helpers.h"
#include "routes.h"
#include "services/resource_json.h"
#include "services/services.h"
#include "services/user_json.h"
#include "services/user_transfer.h"
#include "services/validation.h"

#include <memory>

namespace keyward::routes {

namespace {

// A search or role filter counts its matches up to here: beyond, the answer says "at least".
constexpr qint64 CountedMatches = 1'000;

UserFilter readFilter(const RequestContext &ctx, QList<FieldError> &errors)
{
    UserFilter f;
    f.q = ctx.request.queryValue(QStringLiteral("q"));
    if (const QString status = ctx.request.queryValue(QStringLiteral("status")); !status.isEmpty())
        f.status = validation::status(status, f.parseErrors);
    f.role = ctx.request.queryValue(QStringLiteral("role"));
    f.includeDeleted = boolParameter(ctx, QStringLiteral("include_deleted"), errors).value_or(false);
    const QString sort = ctx.request.queryValue(QStringLiteral("sort"));
    if (!sort.isEmpty())
        f.sort = sort;
    f.limit = limitParameter(ctx, errors);
    if (const QString since = ctx.request.queryValue(QStringLiteral("inactive_since")); !since.isEmpty()) {
        f.inactiveSince = parseTime(since);
        if (f.inactiveSince < 0)
            errors.append({QStringLiteral("inactive_since"), QStringLiteral("invalid_format"),
                           QStringLiteral("Must be an RFC 3339 time, e.g. 2026-01-01T00:00:00Z.")});
    }
    f.cursor = ctx.request.queryValue(QStringLiteral("cursor"));
    return f;
}

QString id(const RequestContext &ctx)
{
    return ctx.param(QStringLiteral("id"));
}

} // namespace

void registerUsers(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/users"), admin(), [](RequestContext &ctx) {
        QList<FieldError> errors;
        UserFilter filter = readFilter(ctx, errors);
        if (!errors.isEmpty())
            return problem(ctx, ApiError::validation(errors));
        filter.countUpTo = CountedMatches;
        return respond(ctx, ctx.services.users().listJson(ctx.principal, filter, now(ctx)),
                       [](const QByteArray &page) { return page; });
    });

    router.add(
        "POST", QStringLiteral("/api/v1/users/import"),
        admin({RouteOptions::Access::Authenticated, RouteOptions::Body::JsonAny, RouteOptions::Execution::HashingPool}),
        [](RequestContext &ctx) {
            QList<FieldError> errors;
            const bool dryRun = boolParameter(ctx, QStringLiteral("dry_run"), errors).value_or(false);
            const QString name = ctx.request.queryValue(QStringLiteral("format"));
            // A JSON body: CSV files are imported with the command line or the console, and a body
            // that `auto` would read as CSV is refused like `format=csv`.
            auto format = importFormatNamed(name.isEmpty() ? QStringLiteral("auto") : name);
            if (format == ImportFormat::Auto)
                format = ImportPlan::detect(ctx.request.body);
            if (!format || *format == ImportFormat::Csv)
                errors.append({QStringLiteral("format"), QStringLiteral("invalid_value"),
                               QStringLiteral("One of auto, keyward, keycloak, kratos, zitadel, auth0 (CSV files: "
                                              "the command line or the console).")});
            if (!errors.isEmpty())
                return problem(ctx, ApiError::validation(errors));
            return respond(ctx,
                           importUsers(ctx.services.users(), ctx.services.roles(), ctx.principal, ctx.request.body,
                                       *format, dryRun),
                           importReportJson);
        });

    // Streamed a page at a time as the client reads, so a million users never sit in memory.
    router.add("GET", QStringLiteral("/api/v1/users/export"), admin(), [](RequestContext &ctx) {
        const QString name = ctx.request.queryValue(QStringLiteral("format"));
        const auto format = exportFormatNamed(name.isEmpty() ? QStringLiteral("json") : name);
        if (!format)
            return problem(ctx, ApiError::validation(QStringLiteral("format"), QStringLiteral("invalid_value"),
                                                     QStringLiteral("One of json, csv.")));
        auto exporter = std::make_shared<UserExporter>(ctx.services.users(), ctx.principal, *format);
        auto response = HttpResponse::chunked([exporter] { return exporter->nextPart(); });
        if (!response)
            return problem(ctx, response.error());
        const bool csv = *format == ExportFormat::Csv;
        response->setHeader("Content-Type", csv ? "text/csv; charset=utf-8" : "application/json");
        response->setHeader("Content-Disposition", csv ? "attachment; filename=\"keyward-users.csv\""
                                                       : "attachment; filename=\"keyward-users.json\"");
        return std::move(response).value();
    });

    router.add("POST", QStringLiteral("/api/v1/users"),
               admin({RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject,
                      RouteOptions::Execution::HashingPool}),
               [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   auto user = ctx.services.users().create(ctx.principal, readCreateUserRequest(r, true));
                   HttpResponse response = userResponse(ctx, user, 201);
                   if (user)
                       response.setHeader("Location", QByteArray("/api/v1/users/") + user->id.toLatin1());
                   return response;
               });

    router.add("GET", QStringLiteral("/api/v1/users/{id}"), admin(),
               [](RequestContext &ctx) { return userResponse(ctx, ctx.services.users().get(ctx.principal, id(ctx))); });

    router.add("PATCH", QStringLiteral("/api/v1/users/{id}"),
               admin({RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject}), [](RequestContext &ctx) {
                   const auto ifMatch = ifMatchVersion(ctx);
                   if (!ifMatch)
                       return problem(ctx, ifMatch.error());
                   FieldReader r = bodyReader(ctx);
                   return userResponse(
                       ctx, ctx.services.users().update(ctx.principal, id(ctx), readUserPatch(r, true), *ifMatch));
               });

    router.add("DELETE", QStringLiteral("/api/v1/users/{id}"), admin(), [](RequestContext &ctx) {
        QList<FieldError> errors;
        const bool purge = boolParameter(ctx, QStringLiteral("purge"), errors).value_or(false);
        if (!errors.isEmpty())
            return problem(ctx, ApiError::validation(errors));
        return respondEmpty(ctx, ctx.services.users().remove(ctx.principal, id(ctx), purge));
    });

    router.add("POST", QStringLiteral("/api/v1/users/{id}/restore"), admin(), [](RequestContext &ctx) {
        return userResponse(ctx, ctx.services.users().restore(ctx.principal, id(ctx)));
    });

    router.add("POST", QStringLiteral("/api/v1/users/{id}/password"),
               admin({RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject,
                      RouteOptions::Execution::HashingPool}),
               [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   const QString password =
                       r.string(QStringLiteral("new_password"), FieldReader::Required).value_or(QString());
                   const bool requireChange = r.boolean(QStringLiteral("require_password_change")).value_or(false);
                   if (const auto errors = r.finish(); !errors.isEmpty())
                       return problem(ctx, ApiError::validation(errors));
                   return respondEmpty(
                       ctx, ctx.services.users().setPassword(ctx.principal, id(ctx), password, requireChange));
               });

    router.add("POST", QStringLiteral("/api/v1/users/{id}/unlock"), admin(), [](RequestContext &ctx) {
        return respondEmpty(ctx, ctx.services.users().unlock(ctx.principal, id(ctx)));
    });

    router.add("DELETE", QStringLiteral("/api/v1/users/{id}/mfa"), admin(),
               [](RequestContext &ctx) { return respondEmpty(ctx, ctx.services.mfa().reset(ctx.principal, id(ctx))); });

    router.add("GET", QStringLiteral("/api/v1/users/{id}/sessions"), admin(), [](RequestContext &ctx) {
        return respond(ctx, ctx.services.sessions().listOfUser(ctx.principal, id(ctx)),
                       [&](const QList<Session> &list) {
                           QJsonArray items;
                           for (const Session &s : list)
                               items.append(sessionJson(s, ctx.principal));
                           return page(items, {}, items.size());
                       });
    });

    router.add("DELETE", QStringLiteral("/api/v1/users/{id}/sessions"), admin(), [](RequestContext &ctx) {
        const auto revoked = ctx.services.sessions().revokeAll(ctx.principal, id(ctx));
        return revoked ? HttpResponse::noContent() : problem(ctx, revoked.error());
    });

    router.add("DELETE", QStringLiteral("/api/v1/users/{id}/sessions/{sid}"), admin(), [](RequestContext &ctx) {
        return respondEmpty(ctx,
                            ctx.services.sessions().revoke(ctx.principal, id(ctx), ctx.param(QStringLiteral("sid"))));
    });
}

} // namespace keyward::routes
