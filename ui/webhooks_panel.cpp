#include "webhooks_panel.h"

#include "api_key_dialog.h"
#include "message_banner.h"
#include "prompt.h"
#include "services/webhook_service.h"
#include "time_text.h"
#include "webhook_deliveries_dialog.h"
#include "webhook_dialog.h"

#include <QTableWidget>

namespace keyward {

namespace {

// The form's fields as a request: every one given, so a change writes what the form shows.
WebhookInput inputFrom(const Webhook &w)
{
    WebhookInput in;
    in.url = w.url;
    in.description = w.description;
    in.events = w.events;
    in.enabled = w.enabled;
    return in;
}

} // namespace

WebhooksPanel::WebhooksPanel(WebhookService &webhooks, Principal actor, QWidget *parent)
    : ListPanel({tr("URL"), tr("Events"), tr("State"), tr("Description")}, 0, parent)
    , m_webhooks(webhooks)
    , m_actor(std::move(actor))
{
    connect(&table(), &QTableWidget::cellDoubleClicked, this, &WebhooksPanel::showDeliveries);
    addButton(tr("&New webhook…"), [this] { newWebhook(); });
    addButton(tr("&Edit…"), [this] { editSelected(); });
    addButton(tr("Deli&veries…"), [this] { showDeliveries(); });
    addButton(tr("New &secret…"), [this] { newSecretForSelected(); });
    addButton(tr("&Delete…"), [this] { deleteSelected(); });
    refresh();
}

void WebhooksPanel::refresh()
{
    auto webhooks = m_webhooks.list(m_actor);
    if (!webhooks) {
        message().showError(describe(webhooks.error()));
        return;
    }
    QList<QStringList> rows;
    QStringList ids;
    for (const Webhook &w : *webhooks) {
        QString state = w.enabled ? tr("on") : tr("off");
        if (!w.enabled && w.disabledReason == QLatin1String("failing"))
            state = tr("off: it failed for a day");
        else if (w.failingSince)
            state = tr("failing since %1").arg(TimeText::at(w.failingSince));
        rows << QStringList{w.url, w.events.join(QStringLiteral(", ")), state, w.description};
        ids << w.id;
    }
    setRows(rows, ids);
}

void WebhooksPanel::showSecret(const QString &secret)
{
    SecretDialog(tr("Webhook secret"), secret, this,
                 tr("Copy the signing secret now and give it to the receiving application, which checks each "
                    "request's webhook-signature with it. It is shown only this once."))
        .exec();
}

void WebhooksPanel::newWebhook()
{
    const auto made =
        createWithDialog<WebhookDialog>([this](const Webhook &w) { return m_webhooks.create(m_actor, inputFrom(w)); });
    if (made)
        showSecret(made->secret);
}

void WebhooksPanel::editSelected()
{
    editWithDialog<WebhookDialog>([this](const QString &id) { return m_webhooks.get(m_actor, id); },
                                  [this](const QString &id, const Webhook &w, qint64 version) {
                                      return m_webhooks.update(m_actor, id, inputFrom(w), version);
                                  });
}

void WebhooksPanel::showDeliveries()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    auto webhook = m_webhooks.get(m_actor, id);
    if (!webhook) {
        message().showError(describe(webhook.error()));
        return;
    }
    WebhookDeliveriesDialog(m_webhooks, m_actor, *webhook, this).exec();
    refresh();
}

void WebhooksPanel::newSecretForSelected()
{
    const QString id = currentId();
    if (id.isEmpty() ||
        !Prompt::confirm(this, tr("New webhook secret"),
                         tr("Give %1 a new secret? Requests are signed with it at once, so the receiver must be "
                            "given it too.")
                             .arg(currentName()),
                         tr("New secret")))
        return;
    auto renewed = m_webhooks.renewSecret(m_actor, id);
    if (!renewed) {
        message().showError(describe(renewed.error()));
        return;
    }
    message().clear();
    refresh();
    showSecret(renewed->secret);
}

void WebhooksPanel::deleteSelected()
{
    confirmAndApply(tr("Delete webhook"), tr("Delete %1? Its pending deliveries are dropped."), tr("Delete"),
                    [this](const QString &id) { return m_webhooks.remove(m_actor, id); });
}

} // namespace keyward
