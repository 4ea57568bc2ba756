#include "webhook_dialog.h"

#include "check_list.h"
#include "core/audit.h"

#include <QCheckBox>
#include <QLineEdit>

namespace keyward {

QStringList WebhookDialog::eventChoices()
{
    QStringList groups;
    for (const QString &action : auditActions())
        groups << action.section(QLatin1Char('.'), 0, 0) + QStringLiteral(".*");
    groups.removeDuplicates();
    return QStringList{QStringLiteral("*")} + groups + auditActions();
}

WebhookDialog::WebhookDialog(const Webhook *existing, Save save, QWidget *parent)
    : FormDialog([this, save = std::move(save)] { return save(webhook()); }, parent)
    , m_url(new QLineEdit(existing ? existing->url : QString(), this))
    , m_description(new QLineEdit(existing ? existing->description : QString(), this))
    , m_events(new CheckList(eventChoices(), existing ? existing->events : QStringList{QStringLiteral("user.*")}, this))
    , m_enabled(new QCheckBox(tr("&Send events to it"), this))
{
    setWindowTitle(existing ? tr("Edit webhook") : tr("New webhook"));
    m_url->setPlaceholderText(tr("e.g. https://crm.example.com/hooks/keyward"));
    m_description->setPlaceholderText(tr("e.g. CRM sync"));
    m_events->setToolTip(tr("An event is an audit action; user.* stands for every action on users, * for all."));
    m_enabled->setChecked(!existing || existing->enabled);
    addField(tr("&URL"), m_url, QStringLiteral("url"));
    addField(tr("&Description"), m_description, QStringLiteral("description"));
    addField(tr("E&vents"), m_events, QStringLiteral("events"));
    addField(QString(), m_enabled, QStringLiteral("enabled"));
    finishLayout(existing ? QString() : tr("Reg&ister"));
}

Webhook WebhookDialog::webhook() const
{
    Webhook w;
    w.url = m_url->text().trimmed();
    w.description = m_description->text().trimmed();
    w.events = m_events->checked();
    w.enabled = m_enabled->isChecked();
    return w;
}

} // namespace keyward
