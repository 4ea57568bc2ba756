#include "route_helpers.h"
#include "routes.h"
#include "services/resource_json.h"
#include "services/services.h"

namespace keyward::routes {

void registerRoles(Router &router)
{

    router.add("GET", QStringLiteral("/api/v1/roles"), admin(), [](RequestContext &ctx) {
        return respond(ctx, ctx.services.roles().list(ctx.principal), [](const QList<Role> &roles) {
            QJsonArray items;
            for (const Role &r : roles)
                items.append(roleJson(r));
            return page(items, {}, items.size());
        });
    });

    router.add("GET", QStringLiteral("/api/v1/roles/{name}"), admin(), [](RequestContext &ctx) {
        return respond(ctx, ctx.services.roles().get(ctx.principal, ctx.param(QStringLiteral("name"))), roleJson);
    });

    router.add("POST", QStringLiteral("/api/v1/roles"),
               admin({RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject}), [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   RoleInput input;
                   input.name = r.string(QStringLiteral("name"), FieldReader::Required).value_or(QString());
                   input.description = r.string(QStringLiteral("description")).value_or(QString());
                   input.permissions = r.stringList(QStringLiteral("permissions")).value_or(QStringList());
                   input.parseErrors = r.finish();
                   auto role = ctx.services.roles().create(ctx.principal, input);
                   HttpResponse response = respond(ctx, role, roleJson, 201);
                   if (role)
                       response.setHeader("Location", QByteArray("/api/v1/roles/") + role->name.toUtf8());
                   return response;
               });

    router.add("PATCH", QStringLiteral("/api/v1/roles/{name}"),
               admin({RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject}), [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   RolePatch patch;
                   patch.description = r.string(QStringLiteral("description"));
                   patch.permissions = r.stringList(QStringLiteral("permissions"));
                   patch.parseErrors = r.finish();
                   return respond(ctx,
                                  ctx.services.roles().update(ctx.principal, ctx.param(QStringLiteral("name")), patch),
                                  roleJson);
               });

    router.add("DELETE", QStringLiteral("/api/v1/roles/{name}"), admin(), [](RequestContext &ctx) {
        return respondEmpty(ctx, ctx.services.roles().remove(ctx.principal, ctx.param(QStringLiteral("name"))));
    });
}

} // namespace keyward::routes
