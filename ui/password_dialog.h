#pragma once

#include "form_dialog.h"

#include <functional>
#include <optional>

class QCheckBox;
class QLineEdit;

namespace keyward {

class StrengthMeter;

// An administrator sets a user's password: a generated one (shown, with Copy, to hand over) or a
// typed one, usually to be changed at the next login. The service's policy errors appear in place.
class PasswordDialog : public FormDialog {
    Q_OBJECT
public:
    using Save = std::function<std::optional<ApiError>(const QString &password, bool requireChange)>;
    PasswordDialog(const QString &username, Save save, QWidget *parent = nullptr);

    QString password() const;
    bool requireChange() const;

    // 20 characters from an alphabet without look-alikes (about 115 bits), from the system CSPRNG.
    static QString generate();

private:
    QLineEdit *m_password;
    QCheckBox *m_requireChange;
    StrengthMeter *m_strength;
};

} // namespace keyward
