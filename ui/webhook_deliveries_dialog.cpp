#include "webhook_deliveries_dialog.h"

#include "message_banner.h"
#include "services/webhook_service.h"
#include "time_text.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace keyward {

WebhookDeliveriesDialog::WebhookDeliveriesDialog(WebhookService &webhooks, Principal actor, Webhook webhook,
                                                 QWidget *parent)
    : QDialog(parent)
    , m_webhooks(webhooks)
    , m_actor(std::move(actor))
    , m_webhook(std::move(webhook))
    , m_table(new QTableWidget(0, 6, this))
    , m_message(new MessageBanner(this))
{
    setWindowTitle(tr("Deliveries to %1").arg(m_webhook.url));
    m_table->setHorizontalHeaderLabels(
        {tr("Queued"), tr("Event"), tr("State"), tr("Attempts"), tr("Last answer"), tr("Next attempt")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("Deliveries"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *resend = buttons->addButton(tr("&Send again"), QDialogButtonBox::ActionRole);
    auto *again = buttons->addButton(tr("Re&fresh"), QDialogButtonBox::ActionRole);
    connect(resend, &QPushButton::clicked, this, &WebhookDeliveriesDialog::resendSelected);
    connect(again, &QPushButton::clicked, this, &WebhookDeliveriesDialog::refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(820, 420);
    refresh();
}

void WebhookDeliveriesDialog::refresh()
{
    auto page = m_webhooks.deliveries(m_actor, m_webhook.id, 0, Shown);
    if (!page) {
        m_message->showError(describe(page.error()));
        return;
    }
    const auto stateText = [](const WebhookDelivery &d) {
        if (d.state == QLatin1String("delivered"))
            return tr("delivered");
        if (d.state == QLatin1String("failed"))
            return tr("given up");
        return d.attempts == 0 ? tr("waiting") : tr("retrying");
    };
    m_table->setRowCount(0);
    for (const WebhookDelivery &d : page->items) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        QString answer = d.lastStatus ? QString::number(d.lastStatus) : QString();
        if (!d.lastError.isEmpty())
            answer = d.lastError;
        const QStringList cells{TimeText::at(d.createdAt),
                                d.eventType,
                                stateText(d),
                                QString::number(d.attempts),
                                answer,
                                d.state == QLatin1String("pending") ? TimeText::at(d.nextAttemptAt) : QString()};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setData(Qt::UserRole, d.id);
            item->setToolTip(column == 1 ? tr("webhook-id %1").arg(d.eventId) : cells.at(column));
            m_table->setItem(row, column, item);
        }
    }
    if (page->items.isEmpty())
        m_message->showNote(tr("Nothing was sent to this endpoint yet."));
    else if (page->nextBeforeId)
        m_message->showNote(tr("The newest %1 deliveries.").arg(Shown));
    else
        m_message->clear();
}

void WebhookDeliveriesDialog::resendSelected()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    auto resent = m_webhooks.resend(m_actor, m_webhook.id, m_table->item(row, 0)->data(Qt::UserRole).toLongLong());
    if (!resent) {
        m_message->showError(describe(resent.error()));
        return;
    }
    refresh();
    m_message->showNote(tr("Queued to be sent again."));
}

} // namespace keyward
