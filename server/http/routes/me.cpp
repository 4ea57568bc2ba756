#include "route_helpers.h"
#include "routes.h"
#include "services/services.h"

namespace keyward::routes {

void registerMe(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/me"), {RouteOptions::Access::PasswordChangeAllowed},
               [](RequestContext &ctx) { return userResponse(ctx, ctx.services.users().me(ctx.principal)); });

    router.add("PATCH", QStringLiteral("/api/v1/me"),
               {RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject}, [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   return userResponse(ctx, ctx.services.users().updateMe(ctx.principal, readUserPatch(r, false)));
               });

    router.add("POST", QStringLiteral("/api/v1/me/password"),
               sessionOnly({RouteOptions::Access::PasswordChangeAllowed, RouteOptions::Body::JsonObject,
                            RouteOptions::Execution::HashingPool}),
               [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   const QString current =
                       r.string(QStringLiteral("current_password"), FieldReader::Required).value_or(QString());
                   const QString next =
                       r.string(QStringLiteral("new_password"), FieldReader::Required).value_or(QString());
                   if (const auto errors = r.finish(); !errors.isEmpty())
                       return problem(ctx, ApiError::validation(errors));
                   return respondEmpty(ctx, ctx.services.users().changeMyPassword(ctx.principal, current, next));
               });

    router.add("POST", QStringLiteral("/api/v1/me/mfa/totp"), sessionOnly(), [](RequestContext &ctx) {
        return respond(ctx, ctx.services.mfa().enroll(ctx.principal), [](const MfaService::Enrollment &e) {
            return QJsonObject{{QStringLiteral("secret"), e.secret},
                               {QStringLiteral("otpauth_uri"), e.otpauthUri},
                               {QStringLiteral("qr_svg"), e.qrSvg}};
        });
    });

    router.add("POST", QStringLiteral("/api/v1/me/mfa/totp/confirm"),
               sessionOnly({RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject}),
               [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   const QString code = r.string(QStringLiteral("code"), FieldReader::Required).value_or(QString());
                   if (const auto errors = r.finish(); !errors.isEmpty())
                       return problem(ctx, ApiError::validation(errors));
                   return respond(ctx, ctx.services.mfa().confirm(ctx.principal, code), [](const QStringList &codes) {
                       return QJsonObject{{QStringLiteral("recovery_codes"), QJsonArray::fromStringList(codes)}};
                   });
               });

    router.add(
        "DELETE", QStringLiteral("/api/v1/me/mfa/totp"),
        {RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject, RouteOptions::Execution::HashingPool},
        [](RequestContext &ctx) {
            FieldReader r = bodyReader(ctx);
            const QString password = r.string(QStringLiteral("password"), FieldReader::Required).value_or(QString());
            if (const auto errors = r.finish(); !errors.isEmpty())
                return problem(ctx, ApiError::validation(errors));
            return respondEmpty(ctx, ctx.services.mfa().disable(ctx.principal, password));
        });

    router.add("GET", QStringLiteral("/api/v1/me/api-keys"), sessionOnly(), [](RequestContext &ctx) {
        return respond(ctx, ctx.services.apiKeys().listPersonal(ctx.principal), apiKeyList);
    });

    router.add("POST", QStringLiteral("/api/v1/me/api-keys"),
               sessionOnly({RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject}),
               [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   auto created = ctx.services.apiKeys().createPersonal(ctx.principal, readApiKeyRequest(r));
                   return respond(
                       ctx, created, [](const CreatedApiKey &k) { return k.toJson(); }, 201);
               });

    router.add("DELETE", QStringLiteral("/api/v1/me/api-keys/{id}"), sessionOnly(), [](RequestContext &ctx) {
        return respondEmpty(ctx, ctx.services.apiKeys().revokePersonal(ctx.principal, ctx.param(QStringLiteral("id"))));
    });

    router.add("GET", QStringLiteral("/api/v1/me/sessions"), {}, [](RequestContext &ctx) {
        return respond(ctx, ctx.services.sessions().listMine(ctx.principal), [&](const QList<Session> &sessions) {
            QJsonArray items;
            for (const Session &s : sessions)
                items.append(ctx.services.sessions().toJson(s, ctx.principal));
            return page(items, {}, items.size());
        });
    });

    router.add("DELETE", QStringLiteral("/api/v1/me/sessions/{id}"), {}, [](RequestContext &ctx) {
        return respondEmpty(ctx, ctx.services.sessions().revokeMine(ctx.principal, ctx.param(QStringLiteral("id"))));
    });
}

} // namespace keyward::routes
