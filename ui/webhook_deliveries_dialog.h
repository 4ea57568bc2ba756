#pragma once

#include "core/principal.h"
#include "core/webhook.h"

#include <QDialog>

class QTableWidget;

namespace keyward {

class MessageBanner;
class WebhookService;

// What was sent to one endpoint, newest first: each event, its state, attempts and the last
// answer; a selected delivery can be sent again.
class WebhookDeliveriesDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int Shown = 200;

    WebhookDeliveriesDialog(WebhookService &webhooks, Principal actor, Webhook webhook, QWidget *parent = nullptr);

    QTableWidget &table() { return *m_table; }

public Q_SLOTS:
    void refresh();
    void resendSelected();

private:
    WebhookService &m_webhooks;
    Principal m_actor;
    Webhook m_webhook;
    QTableWidget *m_table;
    MessageBanner *m_message;
};

} // namespace keyward
