#pragma once

#include "form_dialog.h"

class QDateEdit;
class QCheckBox;
class QLineEdit;

namespace keyward {

class CheckList;

// A new service key: a name, its scopes (at most the creator's permissions) and an optional expiry.
class ApiKeyDialog : public FormDialog {
    Q_OBJECT
public:
    struct Values {
        QString name;
        QStringList scopes;
        qint64 expiresAt = 0; // epoch ms; 0 = never
    };
    using Save = std::function<std::optional<ApiError>(const Values &values)>;
    ApiKeyDialog(Save save, QWidget *parent = nullptr);

    Values values() const;

private:
    QLineEdit *m_name;
    CheckList *m_scopes;
    QCheckBox *m_expires;
    QDateEdit *m_expiry;
};

// A new secret, shown this once with a Copy button: Keyward keeps only its hash. `note` says so
// in the words of what it belongs to (an API key's by default).
class SecretDialog : public QDialog {
    Q_OBJECT
public:
    SecretDialog(const QString &title, const QString &secret, QWidget *parent = nullptr, const QString &note = {});
};

} // namespace keyward
