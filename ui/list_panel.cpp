#include "list_panel.h"

#include "live_refresh.h"
#include "message_banner.h"
#include "prompt.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace keyward {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

} // namespace

ListPanel::ListPanel(const QStringList &headers, int stretchColumn, QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, int(headers.size()), this))
    , m_message(new MessageBanner(this))
    , m_buttons(new QHBoxLayout)
    , m_live(refreshWhileShown(
          this, 5'000, [this] { refresh(); }, [this] { refresh(); }))
{
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();

    m_buttons->addStretch();
    auto *refreshButton = new QPushButton(tr("Re&fresh"), this);
    connect(refreshButton, &QPushButton::clicked, this, &ListPanel::refresh);
    m_buttons->addWidget(refreshButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
}

void ListPanel::addButton(const QString &text, const std::function<void()> &action)
{
    auto *b = new QPushButton(text, this);
    connect(b, &QPushButton::clicked, this, action);
    m_buttons->insertWidget(m_buttons->count() - 2, b); // before the stretch and Refresh
}

void ListPanel::setRefreshInterval(int ms)
{
    m_live->setInterval(ms);
}

QString ListPanel::errorText() const
{
    return m_message->shownText();
}

void ListPanel::setRows(const QList<QStringList> &rows, const QStringList &ids)
{
    const QString current = currentId();
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows.at(r).size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(rows.at(r).at(c)));
        m_table->item(r, 0)->setData(IdRole, ids.value(r, rows.at(r).value(0)));
        if (!current.isEmpty() && ids.value(r, rows.at(r).value(0)) == current)
            m_table->setCurrentCell(r, m_table->currentColumn() < 0 ? 0 : m_table->currentColumn());
    }
    m_table->resizeColumnToContents(0);
}

QString ListPanel::currentId() const
{
    const QTableWidgetItem *item = m_table->item(m_table->currentRow(), 0);
    return item ? item->data(IdRole).toString() : QString();
}

QString ListPanel::currentName() const
{
    const QTableWidgetItem *item = m_table->item(m_table->currentRow(), 0);
    return item ? item->text() : QString();
}

void ListPanel::confirmAndApply(const QString &title, const QString &question, const QString &confirm,
                                const std::function<Status(const QString &id)> &action)
{
    const QString id = currentId();
    if (id.isEmpty() || !Prompt::confirm(this, title, question.arg(currentName()), confirm))
        return;
    if (const Status done = action(id); !done)
        message().showError(describe(done.error()));
    else
        message().clear();
    refresh();
}

} // namespace keyward
