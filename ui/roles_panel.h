#pragma once

#include "core/principal.h"
#include "list_panel.h"

namespace keyward {

class RoleService;

// Roles: the built-in ones (read-only) and custom ones to create, edit and delete.
class RolesPanel : public ListPanel {
    Q_OBJECT
public:
    RolesPanel(RoleService &roles, Principal actor, QWidget *parent = nullptr);

public Q_SLOTS:
    void refresh() override;
    void newRole();
    void editSelected();
    void deleteSelected();

private:
    RoleService &m_roles;
    Principal m_actor;
};

} // namespace keyward
