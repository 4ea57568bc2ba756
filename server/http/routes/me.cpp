#include "route_helpers.h"
#include "routes.h"
#include "services/resource_json.h"
#include "services/services.h"
#include "services/user_json.h"

namespace keyward::routes {

void registerMe(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/me"), {RouteOptions::Access::PasswordChangeAllowed},
               [](RequestContext &ctx) {
                   const auto me = ctx.services.users().meJson(ctx.principal, now(ctx));
                   if (!me)
                       return problem(ctx, me.error());
                   HttpResponse r = HttpResponse::json(200, me->first);
                   r.setHeader("ETag", me->second);
                   return r;
               });

    router.add("PATCH", QStringLiteral("/api/v1/me"), credentialChange(RouteOptions::Body::JsonObject),
               [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   const auto current = currentPassword(r);
                   const UserPatch patch = readUserPatch(r, false);
                   return userResponse(ctx, ctx.services.users().updateMe(ctx.principal, patch, current));
               });

    router.add("POST", QStringLiteral("/api/v1/me/password"),
               credentialChange(RouteOptions::Body::JsonObject, RouteOptions::Access::PasswordChangeAllowed),
               [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   const auto current = currentPassword(r);
                   const QString next =
                       r.string(QStringLiteral("new_password"), FieldReader::Required).value_or(QString());
                   if (const auto errors = r.finish(); !errors.isEmpty())
                       return problem(ctx, ApiError::validation(errors));
                   return respondEmpty(ctx, ctx.services.users().changeMyPassword(ctx.principal, current, next));
               });

    router.add("POST", QStringLiteral("/api/v1/me/mfa/totp"), credentialChange(RouteOptions::Body::OptionalJsonObject),
               [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   const auto current = currentPassword(r);
                   if (const auto errors = r.finish(); !errors.isEmpty())
                       return problem(ctx, ApiError::validation(errors));
                   return respond(ctx, ctx.services.mfa().enroll(ctx.principal, current),
                                  [](const MfaService::Enrollment &e) {
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

    router.add("DELETE", QStringLiteral("/api/v1/me/mfa/totp"),
               credentialChange(RouteOptions::Body::OptionalJsonObject), [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   auto current = currentPassword(r);
                   // `password` is this route's older name for it.
                   if (const auto legacy = r.string(QStringLiteral("password")); legacy && !current)
                       current = legacy;
                   if (const auto errors = r.finish(); !errors.isEmpty())
                       return problem(ctx, ApiError::validation(errors));
                   return respondEmpty(ctx, ctx.services.mfa().disable(ctx.principal, current));
               });

    router.add("GET", QStringLiteral("/api/v1/me/api-keys"), sessionOnly(), [](RequestContext &ctx) {
        return respond(ctx, ctx.services.apiKeys().listPersonal(ctx.principal), apiKeyList);
    });

    router.add("POST", QStringLiteral("/api/v1/me/api-keys"), credentialChange(RouteOptions::Body::JsonObject),
               [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   auto created = ctx.services.apiKeys().createPersonal(ctx.principal, readApiKeyRequest(r));
                   return respond(ctx, created, createdApiKeyJson, 201);
               });

    router.add("DELETE", QStringLiteral("/api/v1/me/api-keys/{id}"), sessionOnly(), [](RequestContext &ctx) {
        return respondEmpty(ctx, ctx.services.apiKeys().revokePersonal(ctx.principal, ctx.param(QStringLiteral("id"))));
    });

    router.add("GET", QStringLiteral("/api/v1/me/sessions"), sessionOnly(), [](RequestContext &ctx) {
        return respond(ctx, ctx.services.sessions().listMine(ctx.principal), [&](const QList<Session> &sessions) {
            QJsonArray items;
            for (const Session &s : sessions)
                items.append(sessionJson(s, ctx.principal));
            return page(items, {}, items.size());
        });
    });

    router.add("DELETE", QStringLiteral("/api/v1/me/sessions/{id}"),
               credentialChange(RouteOptions::Body::OptionalJsonObject), [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   const auto current = currentPassword(r);
                   if (const auto errors = r.finish(); !errors.isEmpty())
                       return problem(ctx, ApiError::validation(errors));
                   return respondEmpty(ctx, ctx.services.sessions().revokeMine(
                                                ctx.principal, ctx.param(QStringLiteral("id")), current));
               });
}

} // namespace keyward::routes
