#include "logs_panel.h"

#include "tone.h"

#include "message_banner.h"
#include "prompt.h"
#include "time_text.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace keyward {

namespace {

constexpr int Capacity = 10'000; // as many as the ring holds

// Passes rows at or above a severity whose message or category contains a text.
class LogFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void set(int minimumSeverity, const QString &text)
    {
        m_minimum = minimumSeverity;
        m_text = text;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QAbstractItemModel *m = sourceModel();
        if (m->index(row, 0, parent).data(LogTableModel::SeverityRole).toInt() < m_minimum)
            return false;
        if (m_text.isEmpty())
            return true;
        return m->index(row, LogTableModel::Message, parent).data().toString().contains(m_text, Qt::CaseInsensitive) ||
               m->index(row, LogTableModel::Category, parent).data().toString().contains(m_text, Qt::CaseInsensitive);
    }

private:
    int m_minimum = 0;
    QString m_text;
};

} // namespace

LogTableModel::LogTableModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(capacity)
{
}

int LogTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int LogTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int LogTableModel::severity(const QString &level)
{
    static const QStringList order{QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"),
                                   QStringLiteral("error"), QStringLiteral("fatal")};
    return int(qMax<qsizetype>(0, order.indexOf(level)));
}

QVariant LogTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_records.size()))
        return {};
    const logging::Record &r = m_records[size_t(index.row())];
    if (role == SeverityRole)
        return severity(r.level);
    if (role == Qt::ForegroundRole && index.column() == Level && severity(r.level) >= 2)
        return toneColour(severity(r.level) >= 3 ? Tone::Bad : Tone::Warning, QGuiApplication::palette());
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return QDateTime::fromMSecsSinceEpoch(r.timeMs).toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case Level:
        return r.level;
    case Category:
        return r.category;
    case Message:
        return r.message;
    default:
        return {};
    }
}

QVariant LogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Level:
        return tr("Level");
    case Category:
        return tr("Category");
    case Message:
        return tr("Message");
    default:
        return {};
    }
}

void LogTableModel::append(const QList<logging::Record> &records)
{
    if (records.isEmpty())
        return;
    const qsizetype incoming = qMin<qsizetype>(records.size(), m_capacity);
    const qsizetype overflow = qsizetype(m_records.size()) + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow) - 1);
        m_dropped = m_records[size_t(overflow) - 1].seq;
        m_records.erase(m_records.begin(), m_records.begin() + overflow);
        endRemoveRows();
    }
    const int first = int(m_records.size());
    beginInsertRows({}, first, first + int(incoming) - 1);
    m_records.insert(m_records.end(), records.end() - incoming, records.end());
    endInsertRows();
}

QString LogTableModel::line(int row) const
{
    const logging::Record &r = m_records[size_t(row)];
    return QDateTime::fromMSecsSinceEpoch(r.timeMs).toUTC().toString(Qt::ISODateWithMs) + QLatin1Char(' ') +
           r.level.leftJustified(7) + r.category + QStringLiteral(": ") + r.message;
}

LogsPanel::LogsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new LogTableModel(Capacity, this))
    , m_filtered(new LogFilter(this))
    , m_view(new QTableView(this))
    , m_level(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_pause(new QCheckBox(tr("&Pause"), this))
    , m_message(new MessageBanner(this))
    , m_poll(new QTimer(this))
{
    m_filtered->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("logsTable")); // named: its columns are remembered
    m_view->setModel(m_filtered);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, whatever their number.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(LogTableModel::Time,
                           m_view->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000")) + 16);
    m_view->setColumnWidth(LogTableModel::Category,
                           m_view->fontMetrics().horizontalAdvance(QStringLiteral("keyward.access")) + 16);

    m_level->addItem(tr("Debug and above"), 0);
    m_level->addItem(tr("Info and above"), 1);
    m_level->addItem(tr("Warnings and errors"), 2);
    m_level->addItem(tr("Errors only"), 3);
    m_level->setAccessibleName(tr("Level filter"));
    m_text->setPlaceholderText(tr("Filter by text"));
    m_text->setClearButtonEnabled(true);
    connect(m_level, &QComboBox::currentIndexChanged, this, &LogsPanel::applyFilter);
    connect(m_text, &QLineEdit::textChanged, this, &LogsPanel::applyFilter);
    connect(m_pause, &QCheckBox::toggled, this, &LogsPanel::setPaused);

    auto *copy = new QAction(tr("&Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &LogsPanel::copySelection);
    m_view->addAction(copy);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copyButton = new QPushButton(tr("&Copy"), this);
    connect(copyButton, &QPushButton::clicked, this, &LogsPanel::copySelection);
    auto *exportButton = new QPushButton(tr("E&xport…"), this);
    connect(exportButton, &QPushButton::clicked, this, &LogsPanel::exportToFile);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_level);
    bar->addWidget(m_text, 1);
    bar->addWidget(m_pause);
    bar->addWidget(copyButton);
    bar->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);

    m_level->setCurrentIndex(1);
    m_poll->setInterval(250);
    connect(m_poll, &QTimer::timeout, this, &LogsPanel::poll);
    m_poll->start();
    poll();
}

int LogsPanel::visibleRows() const
{
    return m_filtered->rowCount();
}

void LogsPanel::applyFilter()
{
    static_cast<LogFilter *>(m_filtered)->set(m_level->currentData().toInt(), m_text->text());
}

void LogsPanel::setPaused(bool paused)
{
    // While paused the ring keeps recording; resuming catches up on what it still holds.
    m_pause->setChecked(paused);
    if (paused) {
        m_poll->stop();
        return;
    }
    m_poll->start();
    poll();
}

void LogsPanel::poll()
{
    QScrollBar *scroll = m_view->verticalScrollBar();
    const bool following = scroll->value() == scroll->maximum();
    m_model->append(logging::recent(m_model->lastSeq()));
    if (following)
        m_view->scrollToBottom();
}

void LogsPanel::copySelection() const
{
    QStringList lines;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    for (const QModelIndex &index : rows)
        lines << m_model->line(m_filtered->mapToSource(index).row());
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

QString LogsPanel::exportTo(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return file.errorString();
    for (int r = 0; r < m_filtered->rowCount(); ++r)
        file.write(
            (m_model->line(m_filtered->mapToSource(m_filtered->index(r, 0)).row()) + QLatin1Char('\n')).toUtf8());
    return file.commit() ? QString() : file.errorString();
}

void LogsPanel::exportToFile()
{
    const QString path =
        Prompt::saveFileName(this, tr("Export logs"), QStringLiteral("keyward.log"), tr("Log files (*.log *.txt)"));
    if (path.isEmpty())
        return;
    if (const QString error = exportTo(path); !error.isEmpty())
        m_message->showError(tr("Could not write %1: %2").arg(path, error));
    else
        m_message->showNote(tr("%n line(s) written to %1", nullptr, visibleRows()).arg(path));
}

} // namespace keyward
