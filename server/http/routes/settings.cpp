#include "route_helpers.h"
#include "routes.h"
#include "services/services.h"

#include <QSet>

namespace keyward::routes {

namespace {

// The service names settings by dotted key; the API nests them in groups: {"lockout": {"threshold": 5}}.
QJsonObject nested(const SettingValues &values)
{
    QJsonObject out;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QString group = it.key().section(QLatin1Char('.'), 0, 0);
        QJsonObject g = out.value(group).toObject();
        g.insert(it.key().section(QLatin1Char('.'), 1), QJsonValue::fromVariant(*it));
        out.insert(group, g);
    }
    return out;
}

// {"a": {"b": 1}} -> {"a.b": 1}; a value where a group is expected keeps its own name, for the
// service to refuse as unknown, and null stays null (back to the default).
void flatten(const QJsonObject &object, const QString &prefix, const QSet<QString> &settings, SettingValues &out)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it->isObject() && !settings.contains(key))
            flatten(it->toObject(), key, settings, out);
        else
            out.insert(key, it->isNull() ? QVariant() : it->toVariant());
    }
}

} // namespace

void registerSettings(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/settings"), admin(),
               [](RequestContext &ctx) { return respond(ctx, ctx.services.settings().get(ctx.principal), nested); });
    router.add("PATCH", QStringLiteral("/api/v1/settings"),
               admin({RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject}), [](RequestContext &ctx) {
                   static const QSet<QString> settings = [] {
                       QSet<QString> keys;
                       for (const SettingInfo &s : SettingsService::catalogue())
                           keys.insert(s.key);
                       return keys;
                   }();
                   SettingValues changes;
                   flatten(ctx.body.object(), {}, settings, changes);
                   return respond(ctx, ctx.services.settings().update(ctx.principal, changes), nested);
               });

    router.add("POST", QStringLiteral("/api/v1/keys/rotate"), admin(), [](RequestContext &ctx) {
        KeyService &keys = ctx.services.keys();
        return respond(
            ctx, keys.rotate(ctx.principal),
            [&keys](const QString &kid) {
                return QJsonObject{{QStringLiteral("kid"), kid}, {QStringLiteral("algorithm"), keys.algorithm()}};
            },
            201);
    });
}

} // namespace keyward::routes
