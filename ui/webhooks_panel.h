#pragma once

#include "core/principal.h"
#include "list_panel.h"

namespace keyward {

class WebhookService;

// The endpoints told of audit events: register (the signing secret shown once, with Copy), edit,
// see what was sent to one and send a delivery again, give a new secret, delete.
class WebhooksPanel : public ListPanel {
    Q_OBJECT
public:
    WebhooksPanel(WebhookService &webhooks, Principal actor, QWidget *parent = nullptr);

public Q_SLOTS:
    void refresh() override;
    void newWebhook();
    void editSelected();
    void showDeliveries();
    void newSecretForSelected();
    void deleteSelected();

private:
    void showSecret(const QString &secret);

    WebhookService &m_webhooks;
    Principal m_actor;
};

} // namespace keyward
