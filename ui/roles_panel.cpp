#include "roles_panel.h"

#include "message_banner.h"
#include "role_dialog.h"
#include "services/role_service.h"

#include <QTableWidget>

namespace keyward {

RolesPanel::RolesPanel(RoleService &roles, Principal actor, QWidget *parent)
    : ListPanel({tr("Name"), tr("Description"), tr("Permissions"), tr("Kind")}, 2, parent)
    , m_roles(roles)
    , m_actor(std::move(actor))
{
    connect(&table(), &QTableWidget::cellDoubleClicked, this, &RolesPanel::editSelected);
    addButton(tr("&New role…"), [this] { newRole(); });
    addButton(tr("&Edit…"), [this] { editSelected(); });
    addButton(tr("&Delete…"), [this] { deleteSelected(); });
    refresh();
}

void RolesPanel::refresh()
{
    auto roles = m_roles.list(m_actor);
    if (!roles) {
        message().showError(describe(roles.error()));
        return;
    }
    QList<QStringList> rows;
    for (const Role &role : *roles)
        rows << QStringList{role.name, role.description, role.permissions.join(QStringLiteral(", ")),
                            role.builtin ? tr("built-in") : tr("custom")};
    setRows(rows);
}

void RolesPanel::newRole()
{
    RoleDialog dialog(
        nullptr,
        [this](const Role &role) -> std::optional<ApiError> {
            RoleInput input;
            input.name = role.name;
            input.description = role.description;
            input.permissions = role.permissions;
            return errorOf(m_roles.create(m_actor, input));
        },
        this);
    if (dialog.exec() == QDialog::Accepted) {
        message().clear();
        refresh();
    }
}

void RolesPanel::editSelected()
{
    auto role = m_roles.get(m_actor, currentName());
    if (!role)
        return;
    if (role->builtin) {
        message().showNote(tr("Built-in roles cannot be changed; create a custom role instead."));
        return;
    }
    RoleDialog dialog(
        &*role,
        [this](const Role &edited) -> std::optional<ApiError> {
            RolePatch patch;
            patch.description = edited.description;
            patch.permissions = edited.permissions;
            return errorOf(m_roles.update(m_actor, edited.name, patch));
        },
        this);
    if (dialog.exec() == QDialog::Accepted) {
        message().clear();
        refresh();
    }
}

void RolesPanel::deleteSelected()
{
    confirmAndApply(tr("Delete role"), tr("Delete the role %1? Users holding it lose its permissions."), tr("Delete"),
                    [this](const QString &name) { return m_roles.remove(m_actor, name); });
}

} // namespace keyward
