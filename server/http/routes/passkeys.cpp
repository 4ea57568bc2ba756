#include "route_helpers.h"
#include "routes.h"
#include "services/resource_json.h"
#include "services/services.h"

namespace keyward::routes {

namespace {

// {"credential": {...the browser's PublicKeyCredential JSON...}} and what else the route reads.
QJsonObject credentialOf(FieldReader &r)
{
    return r.object(QStringLiteral("credential"), FieldReader::Required).value_or(QJsonObject());
}

QJsonObject passkeyPage(const QList<Passkey> &passkeys)
{
    QJsonArray items;
    for (const Passkey &p : passkeys)
        items.append(passkeyJson(p));
    return page(items, {}, items.size());
}

} // namespace

void registerPasskeys(Router &router)
{
    const QString mine = QStringLiteral("/api/v1/me/webauthn");

    router.add("POST", mine + QStringLiteral("/register/options"),
               credentialChange(RouteOptions::Body::OptionalJsonObject), [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   const auto current = currentPassword(r);
                   if (const auto errors = r.finish(); !errors.isEmpty())
                       return problem(ctx, ApiError::validation(errors));
                   return respond(ctx, ctx.services.passkeys().registrationOptions(ctx.principal, current),
                                  [](const QJsonObject &o) { return o; });
               });

    router.add("POST", mine + QStringLiteral("/register/verify"),
               // On the hashing pool: checking an RSA key handed in costs milliseconds.
               sessionOnly({RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject,
                            RouteOptions::Execution::HashingPool}),
               [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   const QJsonObject credential = credentialOf(r);
                   const QString name = r.string(QStringLiteral("name")).value_or(QString());
                   return respond(ctx,
                                  ctx.services.passkeys().registerPasskey(ctx.principal, credential, name, r.finish()),
                                  passkeyJson, 201);
               });

    router.add("GET", mine + QStringLiteral("/credentials"), sessionOnly(), [](RequestContext &ctx) {
        return respond(ctx, ctx.services.passkeys().listOwn(ctx.principal), passkeyPage);
    });

    router.add(
        "PATCH", mine + QStringLiteral("/credentials/{id}"),
        sessionOnly({RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject}), [](RequestContext &ctx) {
            FieldReader r = bodyReader(ctx);
            const QString name = r.string(QStringLiteral("name"), FieldReader::Required).value_or(QString());
            return respond(
                ctx, ctx.services.passkeys().rename(ctx.principal, ctx.param(QStringLiteral("id")), name, r.finish()),
                passkeyJson);
        });

    router.add("DELETE", mine + QStringLiteral("/credentials/{id}"),
               credentialChange(RouteOptions::Body::OptionalJsonObject), [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   const auto current = currentPassword(r);
                   if (const auto errors = r.finish(); !errors.isEmpty())
                       return problem(ctx, ApiError::validation(errors));
                   return respondEmpty(
                       ctx, ctx.services.passkeys().remove(ctx.principal, ctx.param(QStringLiteral("id")), current));
               });

    router.add("PUT", mine + QStringLiteral("/sign-in"), credentialChange(RouteOptions::Body::JsonObject),
               [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   const auto current = currentPassword(r);
                   const QString mode = r.string(QStringLiteral("mode"), FieldReader::Required).value_or(QString());
                   return respond(ctx, ctx.services.passkeys().setSignInMode(ctx.principal, mode, current, r.finish()),
                                  [](const QString &m) {
                                      return QJsonObject{{QStringLiteral("mode"), m}};
                                  });
               });

    const QString theirs = QStringLiteral("/api/v1/users/{id}/webauthn/credentials");
    router.add("GET", theirs, admin(), [](RequestContext &ctx) {
        return respond(ctx, ctx.services.passkeys().listOfUser(ctx.principal, ctx.param(QStringLiteral("id"))),
                       passkeyPage);
    });

    router.add("DELETE", theirs + QStringLiteral("/{pid}"), admin(), [](RequestContext &ctx) {
        return respondEmpty(ctx, ctx.services.passkeys().removeOfUser(ctx.principal, ctx.param(QStringLiteral("id")),
                                                                      ctx.param(QStringLiteral("pid"))));
    });

    const RouteOptions signIn{RouteOptions::Access::Public, RouteOptions::Body::OptionalJsonObject,
                              RouteOptions::Execution::Inline, RouteOptions::Limit::Auth};
    router.add("POST", QStringLiteral("/api/v1/auth/webauthn/options"), signIn, [](RequestContext &ctx) {
        FieldReader r = bodyReader(ctx);
        if (const auto errors = r.finish(); !errors.isEmpty())
            return problem(ctx, ApiError::validation(errors));
        return respond(ctx, ctx.services.passkeys().signInOptions(ctx.principal),
                       [](const QJsonObject &o) { return o; });
    });

    const RouteOptions answer{RouteOptions::Access::Public, RouteOptions::Body::JsonObject,
                              RouteOptions::Execution::Inline, RouteOptions::Limit::Auth};
    router.add("POST", QStringLiteral("/api/v1/auth/webauthn/verify"), answer, [](RequestContext &ctx) {
        FieldReader r = bodyReader(ctx);
        const QJsonObject credential = credentialOf(r);
        if (const auto errors = r.finish(); !errors.isEmpty())
            return problem(ctx, ApiError::validation(errors));
        const qint64 t = now(ctx);
        return respond(ctx, ctx.services.passkeys().signIn(ctx.principal, credential),
                       [t](const IssuedTokens &tokens) { return tokensJson(tokens, t); });
    });

    // The second step of a password login: a passkey instead of a code (see /api/v1/auth/mfa).
    router.add("POST", QStringLiteral("/api/v1/auth/mfa/webauthn/options"), answer, [](RequestContext &ctx) {
        FieldReader r = bodyReader(ctx);
        const QString token = r.string(QStringLiteral("mfa_token"), FieldReader::Required).value_or(QString());
        if (const auto errors = r.finish(); !errors.isEmpty())
            return problem(ctx, ApiError::validation(errors));
        return respond(ctx, ctx.services.passkeys().secondFactorOptions(token), [](const QJsonObject &o) { return o; });
    });

    router.add("POST", QStringLiteral("/api/v1/auth/mfa/webauthn/verify"), answer, [](RequestContext &ctx) {
        FieldReader r = bodyReader(ctx);
        const QString token = r.string(QStringLiteral("mfa_token"), FieldReader::Required).value_or(QString());
        const QJsonObject credential = credentialOf(r);
        if (const auto errors = r.finish(); !errors.isEmpty())
            return problem(ctx, ApiError::validation(errors));
        const qint64 t = now(ctx);
        return respond(ctx, ctx.services.passkeys().completeSecondFactor(ctx.principal, token, credential),
                       [t](const IssuedTokens &tokens) { return tokensJson(tokens, t); });
    });
}

} // namespace keyward::routes
