#pragma once

#include "core/principal.h"

#include <QWidget>

class QTableWidget;

namespace keyward {

class ApiKeyService;
class MessageBanner;

// Service API keys: list, create (the secret shown once, with Copy) and revoke.
class ApiKeysPanel : public QWidget {
    Q_OBJECT
public:
    ApiKeysPanel(ApiKeyService &keys, Principal actor, QWidget *parent = nullptr);

    QTableWidget &table() { return *m_table; }
    QString errorText() const;

public Q_SLOTS:
    void refresh();
    void newKey();
    void revokeSelected();

private:
    ApiKeyService &m_keys;
    Principal m_actor;
    QTableWidget *m_table;
    MessageBanner *m_error;
};

} // namespace keyward
