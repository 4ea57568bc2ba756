#include "user_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace keyward {

UserDialog::UserDialog(const User *existing, const QStringList &roles, Save save, QWidget *parent)
    : QDialog(parent)
    , m_save(std::move(save))
    , m_username(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_displayName(new QLineEdit(this))
    , m_roles(new QListWidget(this))
    , m_attributes(new QTableWidget(0, 2, this))
    , m_disabled(new QCheckBox(tr("Disabled: cannot log in"), this))
    , m_requireChange(new QCheckBox(tr("Must change the password at next login"), this))
    , m_general(new MessageBanner(this))
{
    setWindowTitle(existing ? tr("Edit %1").arg(existing->username) : tr("New user"));
    auto *form = new QFormLayout;
    const auto row = [&](const QString &label, QWidget *field, const QString &name) {
        auto *box = new QVBoxLayout;
        box->setContentsMargins(0, 0, 0, 0);
        box->addWidget(field);
        auto *error = new MessageBanner(this);
        error->setObjectName(QStringLiteral("fieldError"));
        box->addWidget(error);
        m_fieldErrors.insert(name, error);
        field->setObjectName(name == QLatin1String("display_name") ? QStringLiteral("displayName") : name);
        form->addRow(label, box);
    };
    row(tr("&Username"), m_username, QStringLiteral("username"));
    row(tr("&Email"), m_email, QStringLiteral("email"));
    row(tr("&Display name"), m_displayName, QStringLiteral("display_name"));
    if (!existing) {
        m_password = new QLineEdit(this);
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setPlaceholderText(tr("empty: set one later or send a reset mail"));
        row(tr("&Password"), m_password, QStringLiteral("password"));
    }

    const QStringList granted = existing ? existing->roles : QStringList{QStringLiteral("user")};
    for (const QString &role : roles) {
        auto *item = new QListWidgetItem(role, m_roles);
        item->setCheckState(granted.contains(role) ? Qt::Checked : Qt::Unchecked);
    }
    m_roles->setMaximumHeight(m_roles->sizeHintForRow(0) * 5 + 2 * m_roles->frameWidth());
    row(tr("&Roles"), m_roles, QStringLiteral("roles"));

    m_attributes->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_attributes->horizontalHeader()->setStretchLastSection(true);
    m_attributes->verticalHeader()->hide();
    m_attributes->setMaximumHeight(140);
    if (existing) {
        for (auto it = existing->attributes.cbegin(); it != existing->attributes.cend(); ++it) {
            const int r = m_attributes->rowCount();
            m_attributes->insertRow(r);
            m_attributes->setItem(r, 0, new QTableWidgetItem(it.key()));
            m_attributes->setItem(r, 1, new QTableWidgetItem(it.value()));
        }
    }
    auto *attributeButtons = new QHBoxLayout;
    auto *addAttribute = new QPushButton(tr("&Add attribute"), this);
    auto *removeAttribute = new QPushButton(tr("Re&move attribute"), this);
    connect(addAttribute, &QPushButton::clicked, this, [this] {
        const int r = m_attributes->rowCount();
        m_attributes->insertRow(r);
        m_attributes->setCurrentCell(r, 0);
        m_attributes->editItem(m_attributes->item(r, 0));
    });
    connect(removeAttribute, &QPushButton::clicked, this, [this] {
        if (m_attributes->currentRow() >= 0)
            m_attributes->removeRow(m_attributes->currentRow());
    });
    attributeButtons->addWidget(addAttribute);
    attributeButtons->addWidget(removeAttribute);
    attributeButtons->addStretch();
    auto *attributeBox = new QWidget(this);
    auto *attributeLayout = new QVBoxLayout(attributeBox);
    attributeLayout->setContentsMargins(0, 0, 0, 0);
    attributeLayout->addWidget(m_attributes);
    attributeLayout->addLayout(attributeButtons);
    row(tr("A&ttributes"), attributeBox, QStringLiteral("attributes"));
    m_attributes->setObjectName(QStringLiteral("attributeTable"));

    form->addRow(QString(), m_disabled);
    form->addRow(QString(), m_requireChange);
    if (existing) {
        m_username->setText(existing->username);
        m_email->setText(existing->email);
        m_displayName->setText(existing->displayName);
        m_disabled->setChecked(existing->status == QLatin1String("disabled"));
        m_requireChange->setChecked(existing->requirePasswordChange);
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
    for (int i = 0; i < m_roles->count(); ++i)
        if (m_roles->item(i)->checkState() == Qt::Checked)
            v.roles << m_roles->item(i)->text();
    for (int r = 0; r < m_attributes->rowCount(); ++r) {
        const QTableWidgetItem *name = m_attributes->item(r, 0);
        const QTableWidgetItem *value = m_attributes->item(r, 1);
        if (name && !name->text().trimmed().isEmpty())
            v.attributes.insert(name->text().trimmed(), value ? value->text() : QString());
    }
    v.disabled = m_disabled->isChecked();
    v.requirePasswordChange = m_requireChange->isChecked();
    return v;
}

QString UserDialog::errorText(const QString &field) const
{
    const MessageBanner *banner = field.isEmpty() ? m_general : m_fieldErrors.value(field);
    return banner ? banner->shownText() : QString();
}

void UserDialog::accept()
{
    for (MessageBanner *banner : std::as_const(m_fieldErrors))
        banner->clear();
    m_general->clear();
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
        // Attribute errors name the attribute ("attributes.colour"): shown under the table.
        const QString field = e.field.startsWith(QLatin1String("attributes")) ? QStringLiteral("attributes") : e.field;
        if (MessageBanner *banner = m_fieldErrors.value(field))
            banner->showError(banner->shownText().isEmpty() ? e.message
                                                            : banner->text() + QLatin1Char('\n') + e.message);
        else
            unplaced << e.message;
    }
    if (error.fieldErrors().isEmpty() || !unplaced.isEmpty())
        m_general->showError(unplaced.isEmpty() ? describe(error) : unplaced.join(QLatin1Char('\n')));
}

} // namespace keyward
