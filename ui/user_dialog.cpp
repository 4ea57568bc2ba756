#include "user_dialog.h"

#include "check_list.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace keyward {

UserDialog::UserDialog(const User *existing, const QStringList &roles, Save save, QWidget *parent)
    : FormDialog([this, save = std::move(save)] { return save(values()); }, parent)
    , m_username(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_displayName(new QLineEdit(this))
    , m_roles(new CheckList(roles, existing ? existing->roles : QStringList{QStringLiteral("user")}, this))
    , m_attributes(new QTableWidget(0, 2, this))
    , m_disabled(new QCheckBox(tr("Disabled: cannot log in"), this))
    , m_requireChange(new QCheckBox(tr("Must change the password at next login"), this))
{
    setWindowTitle(existing ? tr("Edit %1").arg(existing->username) : tr("New user"));
    m_displayName->setObjectName(QStringLiteral("displayName"));
    addField(tr("&Username"), m_username, QStringLiteral("username"));
    addField(tr("&Email"), m_email, QStringLiteral("email"));
    addField(tr("&Display name"), m_displayName, QStringLiteral("display_name"));
    if (!existing) {
        m_password = new QLineEdit(this);
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setPlaceholderText(tr("empty: set one later or send a reset mail"));
        addField(tr("&Password"), m_password, QStringLiteral("password"));
    }
    addField(tr("&Roles"), m_roles, QStringLiteral("roles"));

    m_attributes->setObjectName(QStringLiteral("attributeTable"));
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
    auto *addAttribute = new QPushButton(tr("&Add attribute"), this);
    auto *removeAttribute = new QPushButton(tr("Re&move attribute"), this);
    connect(addAttribute, &QPushButton::clicked, this, [this] {
        const int r = m_attributes->rowCount();
        m_attributes->insertRow(r);
        m_attributes->setItem(r, 0, new QTableWidgetItem);
        m_attributes->setItem(r, 1, new QTableWidgetItem);
        m_attributes->setCurrentCell(r, 0);
        m_attributes->editItem(m_attributes->item(r, 0));
    });
    connect(removeAttribute, &QPushButton::clicked, this, [this] {
        if (m_attributes->currentRow() >= 0)
            m_attributes->removeRow(m_attributes->currentRow());
    });
    auto *attributeBox = new QWidget(this);
    auto *attributeLayout = new QVBoxLayout(attributeBox);
    attributeLayout->setContentsMargins(0, 0, 0, 0);
    attributeLayout->addWidget(m_attributes);
    auto *attributeButtons = new QHBoxLayout;
    attributeButtons->addWidget(addAttribute);
    attributeButtons->addWidget(removeAttribute);
    attributeButtons->addStretch();
    attributeLayout->addLayout(attributeButtons);
    addField(tr("A&ttributes"), attributeBox, QStringLiteral("attributes"));

    addRow(m_disabled);
    addRow(m_requireChange);
    if (existing) {
        m_username->setText(existing->username);
        m_email->setText(existing->email);
        m_displayName->setText(existing->displayName);
        m_disabled->setChecked(!existing->isActive());
        m_requireChange->setChecked(existing->requirePasswordChange);
    }
    finishLayout();
}

UserDialog::Values UserDialog::values() const
{
    Values v;
    v.username = m_username->text().trimmed();
    v.email = m_email->text().trimmed();
    v.displayName = m_displayName->text().trimmed();
    v.password = m_password ? m_password->text() : QString();
    v.roles = m_roles->checked();
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

} // namespace keyward
