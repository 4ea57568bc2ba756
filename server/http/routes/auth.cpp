#include "route_helpers.h"
#include "routes.h"
#include "services/resource_json.h"
#include "services/services.h"
#include "services/user_json.h"

namespace keyward::routes {

namespace {

HttpResponse tokens(const RequestContext &ctx, const Result<IssuedTokens> &result)
{
    const qint64 t = now(ctx);
    return respond(ctx, result, [t](const IssuedTokens &tokens) { return tokensJson(tokens, t); });
}

} // namespace

void registerAuth(Router &router)
{
    const RouteOptions hashed{RouteOptions::Access::Public, RouteOptions::Body::JsonObject,
                              RouteOptions::Execution::HashingPool, RouteOptions::Limit::Auth};

    router.add("POST", QStringLiteral("/api/v1/auth/register"), hashed, [](RequestContext &ctx) {
        FieldReader r = bodyReader(ctx);
        return userResponse(ctx, ctx.services.users().registerSelf(ctx.principal, readCreateUserRequest(r, false)),
                            201);
    });

    router.add("POST", QStringLiteral("/api/v1/auth/login"), hashed, [](RequestContext &ctx) {
        FieldReader r = bodyReader(ctx);
        const QString login = r.string(QStringLiteral("login"), FieldReader::Required).value_or(QString());
        const QString password = r.string(QStringLiteral("password"), FieldReader::Required).value_or(QString());
        if (const auto errors = r.finish(); !errors.isEmpty())
            return problem(ctx, ApiError::validation(errors));
        return tokens(ctx, ctx.services.auth().login(ctx.principal, login, password));
    });

    router.add("POST", QStringLiteral("/api/v1/auth/mfa"),
               {RouteOptions::Access::Public, RouteOptions::Body::JsonObject, RouteOptions::Execution::Inline,
                RouteOptions::Limit::Auth},
               [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   const QString token =
                       r.string(QStringLiteral("mfa_token"), FieldReader::Required).value_or(QString());
                   const QString code = r.string(QStringLiteral("code"), FieldReader::Required).value_or(QString());
                   if (const auto errors = r.finish(); !errors.isEmpty())
                       return problem(ctx, ApiError::validation(errors));
                   return tokens(ctx, ctx.services.auth().completeMfa(ctx.principal, token, code));
               });

    router.add("POST", QStringLiteral("/api/v1/auth/refresh"),
               {RouteOptions::Access::Public, RouteOptions::Body::JsonObject, RouteOptions::Execution::Inline,
                RouteOptions::Limit::Auth},
               [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   const QString token =
                       r.string(QStringLiteral("refresh_token"), FieldReader::Required).value_or(QString());
                   if (const auto errors = r.finish(); !errors.isEmpty())
                       return problem(ctx, ApiError::validation(errors));
                   return tokens(ctx, ctx.services.auth().refresh(ctx.principal, token));
               });

    const RouteOptions recovery{RouteOptions::Access::Public, RouteOptions::Body::JsonObject,
                                RouteOptions::Execution::Inline, RouteOptions::Limit::Auth};

    router.add("POST", QStringLiteral("/api/v1/auth/password-reset"), recovery, [](RequestContext &ctx) {
        FieldReader r = bodyReader(ctx);
        const QString email = r.string(QStringLiteral("email"), FieldReader::Required).value_or(QString());
        if (const auto errors = r.finish(); !errors.isEmpty())
            return problem(ctx, ApiError::validation(errors));
        ctx.services.users().requestPasswordReset(ctx.principal, email);
        HttpResponse accepted = HttpResponse::noContent();
        accepted.status = 202; // always: whether the address exists is nobody's business
        return accepted;
    });

    router.add("POST", QStringLiteral("/api/v1/auth/password-reset/confirm"),
               {RouteOptions::Access::Public, RouteOptions::Body::JsonObject, RouteOptions::Execution::HashingPool,
                RouteOptions::Limit::Auth},
               [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   const QString token = r.string(QStringLiteral("token"), FieldReader::Required).value_or(QString());
                   const QString password =
                       r.string(QStringLiteral("new_password"), FieldReader::Required).value_or(QString());
                   if (const auto errors = r.finish(); !errors.isEmpty())
                       return problem(ctx, ApiError::validation(errors));
                   return respondEmpty(ctx, ctx.services.users().confirmPasswordReset(ctx.principal, token, password));
               });

    router.add("POST", QStringLiteral("/api/v1/auth/verify-email"), recovery, [](RequestContext &ctx) {
        FieldReader r = bodyReader(ctx);
        const QString token = r.string(QStringLiteral("token"), FieldReader::Required).value_or(QString());
        if (const auto errors = r.finish(); !errors.isEmpty())
            return problem(ctx, ApiError::validation(errors));
        return respondEmpty(ctx, ctx.services.users().verifyEmail(ctx.principal, token));
    });

    router.add("POST", QStringLiteral("/api/v1/auth/logout"),
               sessionOnly({RouteOptions::Access::PasswordChangeAllowed}),
               [](RequestContext &ctx) { return respondEmpty(ctx, ctx.services.auth().logout(ctx.principal)); });

    router.add("POST", QStringLiteral("/api/v1/auth/logout-all"),
               sessionOnly({RouteOptions::Access::PasswordChangeAllowed, RouteOptions::Body::OptionalJsonObject,
                            RouteOptions::Execution::HashingPool}),
               [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   const auto current = currentPassword(r);
                   if (const auto errors = r.finish(); !errors.isEmpty())
                       return problem(ctx, ApiError::validation(errors));
                   return respondEmpty(ctx, ctx.services.auth().logoutAll(ctx.principal, current));
               });
}

} // namespace keyward::routes
