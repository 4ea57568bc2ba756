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
#include <QJsonDocument>
#include <QJsonObject>
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
        for (int column = LogTableModel::Category; column < LogTableModel::ColumnCount; ++column)
            if (m->index(row, column, parent).data().toString().contains(m_text, Qt::CaseInsensitive))
                return true;
        return false;
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
    const Row &row = m_records[size_t(index.row())];
    const logging::Record &r = row.record;
    if (role == SeverityRole)
        return severity(r.level);
    if (role == Qt::ForegroundRole && (index.column() == Level || index.column() == Status) && severity(r.level) >= 2)
        return toneColour(severity(r.level) >= 3 ? Tone::Bad : Tone::Warning, QGuiApplication::palette());
    if (role == Qt::TextAlignmentRole && (index.column() == Status || index.column() == Duration))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == User)
        return row.userId;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return QDateTime::fromMSecsSinceEpoch(r.timeMs).toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case Level:
        return r.level;
    case Category:
        return r.category;
    case Method:
        return row.method;
    case Path:
        return row.path;
    case Status:
        return row.access ? QVariant(row.status) : QVariant();
    case Duration:
        return row.access ? QVariant(tr("%1 ms").arg(QLocale().toString(row.durationMs, 'f', 1))) : QVariant();
    case User:
        return userText(row);
    case Message:
        return row.access ? tr("from %1").arg(row.client) : r.message;
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
    case Method:
        return tr("Method");
    case Path:
        return tr("Path");
    case Status:
        return tr("Status");
    case Duration:
        return tr("Duration");
    case User:
        return tr("User");
    case Message:
        return tr("Message");
    default:
        return {};
    }
}

LogTableModel::Row LogTableModel::parsed(const logging::Record &record)
{
    Row row{record, false, {}, {}, 0, 0, {}, {}};
    if (record.category != QLatin1String("keyward.access"))
        return row;
    const QJsonObject line = QJsonDocument::fromJson(record.message.toUtf8()).object();
    if (line.isEmpty())
        return row;
    row.access = true;
    row.method = line.value(QStringLiteral("method")).toString();
    row.path = line.value(QStringLiteral("route")).toString();
    row.status = line.value(QStringLiteral("status")).toInt();
    row.durationMs = line.value(QStringLiteral("duration_ms")).toDouble();
    row.userId = line.value(QStringLiteral("user_id")).toString();
    row.client = line.value(QStringLiteral("client")).toString();
    return row;
}

QString LogTableModel::userText(const Row &row) const
{
    return m_usernames.value(row.userId, row.userId);
}

QStringList LogTableModel::takeUnknownUserIds()
{
    return std::exchange(m_unknown, {});
}

void LogTableModel::addUsernames(const QHash<QString, QString> &names)
{
    if (names.isEmpty())
        return;
    m_usernames.insert(names);
    if (!m_records.empty())
        Q_EMIT dataChanged(index(0, User), index(rowCount() - 1, User));
}

void LogTableModel::append(const QList<logging::Record> &records)
{
    if (records.isEmpty())
        return;
    const qsizetype incoming = qMin<qsizetype>(records.size(), m_capacity);
    const qsizetype overflow = qsizetype(m_records.size()) + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow) - 1);
        m_dropped = m_records[size_t(overflow) - 1].record.seq;
        m_records.erase(m_records.begin(), m_records.begin() + overflow);
        endRemoveRows();
    }
    const int first = int(m_records.size());
    beginInsertRows({}, first, first + int(incoming) - 1);
    for (auto it = records.end() - incoming; it != records.end(); ++it) {
        Row row = parsed(*it);
        if (!row.userId.isEmpty() && !m_asked.contains(row.userId) && m_unknown.size() < 200) {
            m_asked.insert(row.userId);
            m_unknown << row.userId;
        }
        m_records.push_back(std::move(row));
    }
    endInsertRows();
}

QString LogTableModel::line(int row) const
{
    const logging::Record &r = m_records[size_t(row)].record;
    return QDateTime::fromMSecsSinceEpoch(r.timeMs).toUTC().toString(Qt::ISODateWithMs) + QLatin1Char(' ') +
           r.level.leftJustified(7) + r.category + QStringLiteral(": ") + r.message;
}

LogsPanel::LogsPanel(UsernameLookup usernames, QWidget *parent)
    : QWidget(parent)
    , m_model(new LogTableModel(Capacity, this))
    , m_filtered(new LogFilter(this))
    , m_view(new QTableView(this))
    , m_level(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_pause(new QCheckBox(tr("&Pause"), this))
    , m_message(new MessageBanner(this))
    , m_poll(new QTimer(this))
    , m_usernames(std::move(usernames))
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
    const auto widthOf = [this](const char *sample) {
        return m_view->fontMetrics().horizontalAdvance(QString::fromLatin1(sample)) + 16;
    };
    m_view->setColumnWidth(LogTableModel::Category, widthOf("keyward.access"));
    m_view->setColumnWidth(LogTableModel::Method, widthOf("DELETE"));
    m_view->setColumnWidth(LogTableModel::Path, widthOf("/api/v1/users/{id}/sessions"));
    m_view->setColumnWidth(LogTableModel::Status, widthOf("Status"));
    m_view->setColumnWidth(LogTableModel::Duration, widthOf("1,000.0 ms"));
    m_view->setColumnWidth(LogTableModel::User, widthOf("a-long-username"));
    // The user scrolled away from the newest line, or back to it.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_following = value == m_view->verticalScrollBar()->maximum(); });

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
    // A tail that was following goes on following whatever the filter now shows.
    const bool following = m_following;
    static_cast<LogFilter *>(m_filtered)->set(m_level->currentData().toInt(), m_text->text());
    m_following = following;
    if (following)
        m_view->scrollToBottom();
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
    const bool following = m_following;
    m_model->append(logging::recent(m_model->lastSeq()));
    if (const QStringList ids = m_model->takeUnknownUserIds(); !ids.isEmpty() && m_usernames)
        m_model->addUsernames(m_usernames(ids));
    m_following = following;
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
