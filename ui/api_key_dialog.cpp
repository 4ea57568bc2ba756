#include "api_key_dialog.h"

#include "check_list.h"
#include "core/permissions.h"
#include "title_fit.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace keyward {

ApiKeyDialog::ApiKeyDialog(Save save, QWidget *parent)
    : FormDialog([this, save = std::move(save)] { return save(values()); }, parent)
    , m_name(new QLineEdit(this))
    , m_scopes(new CheckList(permission::all(), {permission::UsersRead}, this))
    , m_expires(new QCheckBox(tr("E&xpires on"), this))
    , m_expiry(new QDateEdit(QDate::currentDate().addYears(1), this))
{
    setWindowTitle(tr("New API key"));
    m_name->setPlaceholderText(tr("e.g. billing-sync"));
    m_expiry->setCalendarPopup(true);
    m_expiry->setMinimumDate(QDate::currentDate().addDays(1));
    m_expiry->setEnabled(false);
    connect(m_expires, &QCheckBox::toggled, m_expiry, &QWidget::setEnabled);
    addField(tr("&Name"), m_name, QStringLiteral("name"));
    addField(tr("&Scopes"), m_scopes, QStringLiteral("scopes"));
    auto *expiry = new QWidget(this);
    auto *expiryLayout = new QHBoxLayout(expiry);
    expiryLayout->setContentsMargins(0, 0, 0, 0);
    expiryLayout->addWidget(m_expires);
    expiryLayout->addWidget(m_expiry, 1);
    addField(tr("Expiry"), expiry, QStringLiteral("expires_at"));
    finishLayout(tr("&Create key"));
}

ApiKeyDialog::Values ApiKeyDialog::values() const
{
    Values v;
    v.name = m_name->text().trimmed();
    v.scopes = m_scopes->checked();
    if (m_expires->isChecked())
        v.expiresAt = m_expiry->date().startOfDay().toMSecsSinceEpoch();
    return v;
}

SecretDialog::SecretDialog(const QString &title, const QString &secret, QWidget *parent, const QString &note)
    : QDialog(parent)
{
    setWindowTitle(title);
    fitTitle(*this);
    auto *field = new QLineEdit(secret, this);
    field->setObjectName(QStringLiteral("secret"));
    field->setReadOnly(true);
    field->setMinimumWidth(field->fontMetrics().horizontalAdvance(secret) + 24);
    auto *copy = new QPushButton(tr("&Copy"), this);
    connect(copy, &QPushButton::clicked, this, [secret, copy] {
        QApplication::clipboard()->setText(secret);
        copy->setText(tr("Copied"));
    });
    auto *row = new QHBoxLayout;
    row->addWidget(field, 1);
    row->addWidget(copy);
    auto *explanation = new QLabel(
        note.isEmpty() ? tr("Copy the key now. It is shown only this once: Keyward stores only a hash of it.") : note,
        this);
    explanation->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(row);
    layout->addWidget(buttons);
    copy->setFocus();
}

} // namespace keyward
