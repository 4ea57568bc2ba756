#pragma once

#include "core/principal.h"

#include <QWidget>

class QTableWidget;

namespace keyward {

class MessageBanner;
class RoleService;

// Roles: the built-in ones (read-only) and custom ones to create, edit and delete.
class RolesPanel : public QWidget {
    Q_OBJECT
public:
    RolesPanel(RoleService &roles, Principal actor, QWidget *parent = nullptr);

    QTableWidget &table() { return *m_table; }
    QString errorText() const;

public Q_SLOTS:
    void refresh();
    void newRole();
    void editSelected();
    void deleteSelected();

private:
    QString selectedName() const;

    RoleService &m_roles;
    Principal m_actor;
    QTableWidget *m_table;
    MessageBanner *m_error;
};

} // namespace keyward
