#pragma once

#include "core/principal.h"
#include "list_panel.h"

namespace keyward {

class OAuthClientService;

// The applications that sign users in through Keyward's OpenID Connect provider: register (a
// confidential client's secret shown once, with Copy), edit, give a new secret, delete.
class ClientsPanel : public ListPanel {
    Q_OBJECT
public:
    ClientsPanel(OAuthClientService &clients, Principal actor, QWidget *parent = nullptr);

public Q_SLOTS:
    void refresh() override;
    void newClient();
    void editSelected();
    void newSecretForSelected();
    void deleteSelected();

private:
    void showSecret(const QString &secret);

    OAuthClientService &m_clients;
    Principal m_actor;
};

} // namespace keyward
