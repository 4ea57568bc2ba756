#pragma once

#include "core/api_error.h"
#include "core/user.h"
#include "message_banner.h"

#include <QDialog>
#include <QHash>

#include <functional>

class QCheckBox;
class QLineEdit;
class QListWidget;
class QTableWidget;

namespace keyward {

// Create or edit one user. The service validates: its field errors appear under the fields they
// concern and the dialog stays open until the service accepts.
class UserDialog : public QDialog {
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
    // The message under `field`, or the general one for an empty field name (for tests).
    QString errorText(const QString &field = {}) const;

    void accept() override;

private:
    void showError(const ApiError &error);

    Save m_save;
    QLineEdit *m_username;
    QLineEdit *m_email;
    QLineEdit *m_displayName;
    QLineEdit *m_password = nullptr;
    QListWidget *m_roles;
    QTableWidget *m_attributes;
    QCheckBox *m_disabled;
    QCheckBox *m_requireChange;
    MessageBanner *m_general;
    QHash<QString, MessageBanner *> m_fieldErrors;
};

} // namespace keyward
