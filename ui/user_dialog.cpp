#include "user_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace keyward {

namespace {

QLabel *errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("fieldError"));
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb3, 0x26, 0x1e)); // readable red on light and dark
    label->setPalette(palette);
    label->hide();
    return label;
}

} // namespace

UserDialog::UserDialog(const User *existing, Save save, QWidget *parent)
    : QDialog(parent)
    , m_save(std::move(save))
    , m_username(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_displayName(new QLineEdit(this))
    , m_roles(new QLineEdit(this))
    , m_disabled(new QCheckBox(tr("Disabled: cannot log in"), this))
    , m_requireChange(new QCheckBox(tr("Must change the password at next login"), this))
    , m_general(errorLabel(this))
{
    setWindowTitle(existing ? tr("Edit %1").arg(existing->username) : tr("New user"));
    auto *form = new QFormLayout;
    const auto row = [&](const QString &label, QWidget *field, const QString &name) {
        auto *box = new QVBoxLayout;
        box->setContentsMargins(0, 0, 0, 0);
        box->addWidget(field);
        QLabel *error = errorLabel(this);
        box->addWidget(error);
        m_fieldErrors.insert(name, error);
        form->addRow(label, box);
    };
    m_username->setObjectName(QStringLiteral("username"));
    m_email->setObjectName(QStringLiteral("email"));
    m_displayName->setObjectName(QStringLiteral("displayName"));
    m_roles->setObjectName(QStringLiteral("roles"));
    m_roles->setPlaceholderText(tr("comma-separated, e.g. user, auditor"));
    row(tr("&Username"), m_username, QStringLiteral("username"));
    row(tr("&Email"), m_email, QStringLiteral("email"));
    row(tr("&Display name"), m_displayName, QStringLiteral("display_name"));
    if (!existing) {
        m_password = new QLineEdit(this);
        m_password->setObjectName(QStringLiteral("password"));
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setPlaceholderText(tr("empty: set one later or send a reset mail"));
        row(tr("&Password"), m_password, QStringLiteral("password"));
    }
    row(tr("&Roles"), m_roles, QStringLiteral("roles"));
    form->addRow(QString(), m_disabled);
    form->addRow(QString(), m_requireChange);

    if (existing) {
        m_username->setText(existing->username);
        m_email->setText(existing->email);
        m_displayName->setText(existing->displayName);
        m_roles->setText(existing->roles.join(QStringLiteral(", ")));
        m_disabled->setChecked(existing->status == QLatin1String("disabled"));
        m_requireChange->setChecked(existing->requirePasswordChange);
    } else {
        m_roles->setText(QStringLiteral("user"));
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &UserDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &UserDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_general);
    layout->addWidget(buttons);
}

UserDialog::Values UserDialog::values() const
{
    Values v;
    v.username = m_username->text().trimmed();
    v.email = m_email->text().trimmed();
    v.displayName = m_displayName->text().trimmed();
    v.password = m_password ? m_password->text() : QString();
    for (const QString &role : m_roles->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString r = role.trimmed(); !r.isEmpty())
            v.roles << r;
    v.disabled = m_disabled->isChecked();
    v.requirePasswordChange = m_requireChange->isChecked();
    return v;
}

QString UserDialog::errorText(const QString &field) const
{
    const QLabel *label = field.isEmpty() ? m_general : m_fieldErrors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void UserDialog::accept()
{
    for (QLabel *label : std::as_const(m_fieldErrors))
        label->hide();
    m_general->hide();
    if (const auto error = m_save(values())) {
        showError(*error);
        return;
    }
    QDialog::accept();
}

void UserDialog::showError(const ApiError &error)
{
    QStringList unplaced;
    for (const FieldError &e : error.fieldErrors()) {
        if (QLabel *label = m_fieldErrors.value(e.field)) {
            label->setText(e.message);
            label->show();
        } else {
            unplaced << e.message;
        }
    }
    if (error.fieldErrors().isEmpty() || !unplaced.isEmpty()) {
        const QString detail = error.detail().isEmpty() ? error.title() : error.detail();
        m_general->setText(unplaced.isEmpty() ? detail : unplaced.join(QLatin1Char('\n')));
        m_general->show();
    }
}

} // namespace keyward
