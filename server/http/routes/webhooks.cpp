#include "route_helpers.h"
#include "routes.h"
#include "services/resource_json.h"
#include "services/services.h"

namespace keyward::routes {

namespace {

WebhookInput readWebhookInput(FieldReader &r)
{
    WebhookInput in;
    in.url = r.string(QStringLiteral("url"));
    in.description = r.string(QStringLiteral("description"));
    in.events = r.stringList(QStringLiteral("events"));
    in.enabled = r.boolean(QStringLiteral("enabled"));
    in.parseErrors = r.finish();
    return in;
}

qint64 versionOf(const Webhook &webhook)
{
    return webhook.version;
}

HttpResponse issuedResponse(const RequestContext &ctx, const Result<IssuedWebhookSecret> &issued, int status)
{
    return respondVersioned(
        ctx, issued, issuedWebhookSecretJson, [](const IssuedWebhookSecret &i) { return i.webhook.version; }, status);
}

// A delivery's id in the path: a positive number, else no such delivery.
qint64 deliveryId(const RequestContext &ctx)
{
    bool ok = false;
    const qint64 id = ctx.param(QStringLiteral("delivery")).toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

} // namespace

void registerWebhooks(Router &router)
{
    const QString collection = QStringLiteral("/api/v1/webhooks");
    const QString one = collection + QStringLiteral("/{id}");

    router.add("GET", collection, admin(), [](RequestContext &ctx) {
        return respond(ctx, ctx.services.webhooks().list(ctx.principal), [](const QList<Webhook> &webhooks) {
            QJsonArray items;
            for (const Webhook &w : webhooks)
                items.append(webhookJson(w));
            return page(items, {}, items.size());
        });
    });

    router.add("POST", collection, admin({RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject}),
               [collection](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   auto made = ctx.services.webhooks().create(ctx.principal, readWebhookInput(r));
                   HttpResponse response = issuedResponse(ctx, made, 201);
                   if (made)
                       response.setHeader("Location", (collection + QLatin1Char('/') + made->webhook.id).toUtf8());
                   return response;
               });

    router.add("GET", one, admin(), [](RequestContext &ctx) {
        return respondVersioned(ctx, ctx.services.webhooks().get(ctx.principal, ctx.param(QStringLiteral("id"))),
                                webhookJson, versionOf);
    });

    router.add("PATCH", one, admin({RouteOptions::Access::Authenticated, RouteOptions::Body::JsonObject}),
               [](RequestContext &ctx) {
                   const auto ifMatch = ifMatchVersion(ctx);
                   if (!ifMatch)
                       return problem(ctx, ifMatch.error());
                   FieldReader r = bodyReader(ctx);
                   return respondVersioned(ctx,
                                           ctx.services.webhooks().update(ctx.principal,
                                                                          ctx.param(QStringLiteral("id")),
                                                                          readWebhookInput(r), *ifMatch),
                                           webhookJson, versionOf);
               });

    router.add("DELETE", one, admin(), [](RequestContext &ctx) {
        return respondEmpty(ctx, ctx.services.webhooks().remove(ctx.principal, ctx.param(QStringLiteral("id"))));
    });

    router.add("POST", one + QStringLiteral("/secret"), admin(), [](RequestContext &ctx) {
        return issuedResponse(ctx, ctx.services.webhooks().renewSecret(ctx.principal, ctx.param(QStringLiteral("id"))),
                              200);
    });

    router.add("GET", one + QStringLiteral("/deliveries"), admin(), [](RequestContext &ctx) {
        QList<FieldError> errors;
        const int limit = limitParameter(ctx, errors);
        qint64 before = 0;
        if (const QString cursor = ctx.request.queryValue(QStringLiteral("cursor")); !cursor.isEmpty()) {
            bool ok = false;
            before = cursor.toLongLong(&ok);
            if (!ok || before <= 0)
                errors.append(
                    {QStringLiteral("cursor"), QStringLiteral("invalid"), QStringLiteral("The cursor is invalid.")});
        }
        if (!errors.isEmpty())
            return problem(ctx, ApiError::validation(errors));
        return respond(
            ctx, ctx.services.webhooks().deliveries(ctx.principal, ctx.param(QStringLiteral("id")), before, limit),
            [](const DeliveryPage &p) {
                QJsonArray items;
                for (const WebhookDelivery &d : p.items)
                    items.append(webhookDeliveryJson(d));
                return page(items, p.nextBeforeId ? QString::number(p.nextBeforeId) : QString(), -1);
            });
    });

    router.add("POST", one + QStringLiteral("/deliveries/{delivery}/resend"), admin(), [](RequestContext &ctx) {
        return respond(ctx,
                       ctx.services.webhooks().resend(ctx.principal, ctx.param(QStringLiteral("id")), deliveryId(ctx)),
                       webhookDeliveryJson, 202);
    });
}

} // namespace keyward::routes
