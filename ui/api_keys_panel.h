#pragma once

#include "core/principal.h"
#include "list_panel.h"

namespace keyward {

class ApiKeyService;

// Service API keys: list, create (the secret shown once, with Copy) and revoke.
class ApiKeysPanel : public ListPanel {
    Q_OBJECT
public:
    ApiKeysPanel(ApiKeyService &keys, Principal actor, QWidget *parent = nullptr);

public Q_SLOTS:
    void refresh() override;
    void newKey();
    void revokeSelected();

private:
    ApiKeyService &m_keys;
    Principal m_actor;
};

} // namespace keyward
