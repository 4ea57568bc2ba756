#include "roles_panel.h"

#include "message_banner.h"
#include "prompt.h"
#include "role_dialog.h"
#include "services/role_service.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace keyward {

RolesPanel::RolesPanel(RoleService &roles, Principal actor, QWidget *parent)
    : QWidget(parent)
    , m_roles(roles)
    , m_actor(std::move(actor))
    , m_table(new QTableWidget(0, 4, this))
    , m_error(new MessageBanner(this))
{
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Description"), tr("Permissions"), tr("Kind")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &RolesPanel::editSelected);

    auto *buttons = new QHBoxLayout;
    const auto button = [&](const QString &text, void (RolesPanel::*slot)()) {
        auto *b = new QPushButton(text, this);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
    };
    button(tr("&New role…"), &RolesPanel::newRole);
    button(tr("&Edit…"), &RolesPanel::editSelected);
    button(tr("&Delete…"), &RolesPanel::deleteSelected);
    buttons->addStretch();
    button(tr("Re&fresh"), &RolesPanel::refresh);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    refresh();
}

QString RolesPanel::errorText() const
{
    return m_error->shownText();
}

void RolesPanel::refresh()
{
    auto roles = m_roles.list(m_actor);
    if (!roles) {
        m_error->showError(describe(roles.error()));
        return;
    }
    m_table->setRowCount(int(roles->size()));
    for (int r = 0; r < roles->size(); ++r) {
        const Role &role = roles->at(r);
        const QStringList cells{role.name, role.description, role.permissions.join(QStringLiteral(", ")),
                                role.builtin ? tr("built-in") : tr("custom")};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeColumnToContents(0);
}

QString RolesPanel::selectedName() const
{
    const int row = m_table->currentRow();
    return row >= 0 && m_table->item(row, 0) ? m_table->item(row, 0)->text() : QString();
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
        m_error->clear();
        refresh();
    }
}

void RolesPanel::editSelected()
{
    auto role = m_roles.get(m_actor, selectedName());
    if (!role)
        return;
    if (role->builtin) {
        m_error->showNote(tr("Built-in roles cannot be changed; create a custom role instead."));
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
        m_error->clear();
        refresh();
    }
}

void RolesPanel::deleteSelected()
{
    const QString name = selectedName();
    if (name.isEmpty() ||
        !Prompt::confirm(this, tr("Delete role"),
                         tr("Delete the role %1? Users holding it lose its permissions.").arg(name), tr("Delete")))
        return;
    if (auto r = m_roles.remove(m_actor, name); !r)
        m_error->showError(describe(r.error()));
    else
        m_error->clear();
    refresh();
}

} // namespace keyward
