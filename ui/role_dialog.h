#pragma once

#include "core/user.h"
#include "form_dialog.h"

class QLineEdit;

namespace keyward {

class CheckList;

// Create or edit a custom role: a name, a description and the permissions it grants.
class RoleDialog : public FormDialog {
    Q_OBJECT
public:
    using Save = std::function<std::optional<ApiError>(const Role &role)>;
    RoleDialog(const Role *existing, Save save, QWidget *parent = nullptr);

    Role role() const;

private:
    QLineEdit *m_name;
    QLineEdit *m_description;
    CheckList *m_permissions;
};

} // namespace keyward
