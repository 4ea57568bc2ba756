#pragma once

#include "core/api_error.h"
#include "core/user.h"
#include "form_dialog.h"

#include <functional>

class QCheckBox;
class QLineEdit;
class QTableWidget;

namespace keyward {

class CheckList;

// Create or edit one user: names, roles, attributes, status. The service validates.
class UserDialog : public FormDialog {
    Q_OBJECT
public:
    struct Values {
        QString username;
        QString email;
        QString displayName;
        QString password; // create only; empty: none
        QStringList roles;
        QMap<QString, QString> attributes;
        bool disabled = false;
        bool requirePasswordChange = false;
    };
    // Saves `values`; an error keeps the dialog open and is shown in place.
    using Save = std::function<std::optional<ApiError>(const Values &values)>;

    // `roles` are the names offered as checkboxes.
    UserDialog(const User *existing, const QStringList &roles, Save save, QWidget *parent = nullptr);

    Values values() const;

private:
    QLineEdit *m_username;
    QLineEdit *m_email;
    QLineEdit *m_displayName;
    QLineEdit *m_password = nullptr;
    CheckList *m_roles;
    QTableWidget *m_attributes;
    QCheckBox *m_disabled;
    QCheckBox *m_requireChange;
};

} // namespace keyward
