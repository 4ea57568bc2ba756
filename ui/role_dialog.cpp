#include "role_dialog.h"

#include "check_list.h"
#include "core/permissions.h"

#include <QLineEdit>

namespace keyward {

RoleDialog::RoleDialog(const Role *existing, Save save, QWidget *parent)
    : FormDialog([this, save = std::move(save)] { return save(role()); }, parent)
    , m_name(new QLineEdit(existing ? existing->name : QString(), this))
    , m_description(new QLineEdit(existing ? existing->description : QString(), this))
    , m_permissions(new CheckList(permission::all(), existing ? existing->permissions : QStringList(), this))
{
    setWindowTitle(existing ? tr("Edit role %1").arg(existing->name) : tr("New role"));
    m_name->setReadOnly(existing != nullptr); // a role's name is its identity
    m_name->setPlaceholderText(tr("e.g. support"));
    addField(tr("&Name"), m_name, QStringLiteral("name"));
    addField(tr("&Description"), m_description, QStringLiteral("description"));
    addField(tr("&Permissions"), m_permissions, QStringLiteral("permissions"));
    finishLayout();
}

Role RoleDialog::role() const
{
    Role r;
    r.name = m_name->text().trimmed();
    r.description = m_description->text().trimmed();
    r.permissions = m_permissions->checked();
    return r;
}

} // namespace keyward
