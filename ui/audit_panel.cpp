#include "audit_panel.h"

#include "service_thread.h"

#include "audit_text.h"
#include "background_task.h"
#include "message_banner.h"
#include "prompt.h"
#include "services/audit_service.h"
#include "services/user_service.h"
#include "time_text.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace keyward {

namespace {

constexpr int ExportPageSize = 200; // the service's largest page

QString joined(const QString &type, const QString &id)
{
    if (id.isEmpty())
        return type;
    return type.isEmpty() ? id : type + QLatin1Char(':') + id;
}

} // namespace

AuditTableModel::AuditTableModel(AuditService &audit, UserService &users, Principal actor, QObject *parent)
    : KeysetTableModel<AuditRow>({tr("Time"), tr("Actor"), tr("Action"), tr("Target"), tr("Outcome"), tr("Address")},
                                 parent)
    , m_audit(audit)
    , m_users(users)
    , m_actor(std::move(actor))
{
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    const AuditRow *row = rowAt(index.row());
    if (!row)
        return {};
    const AuditEvent *e = &row->event;
    if (role == UserIdRole)
        return AuditNames::userOf(*e);
    if (role == Qt::ToolTipRole && (index.column() == Actor || index.column() == Target))
        return index.column() == Actor ? joined(e->actorType, e->actorId) : joined(e->targetType, e->targetId);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return TimeText::at(e->time);
    case Actor:
        return row->actor;
    case Action:
        return e->action;
    case Target:
        return row->target;
    case Outcome:
        return e->outcome;
    case Address:
        return e->ip;
    default:
        return {};
    }
}

void AuditTableModel::setFilter(const AuditFilter &filter)
{
    m_filter = filter;
    reload();
}

AuditTableModel::Fetch AuditTableModel::fetcher() const
{
    AuditFilter filter = m_filter;
    filter.limit = pageSize();
    return [&audit = m_audit, &users = m_users, actor = m_actor, filter](const QString &cursor,
                                                                         bool count) -> Result<Page> {
        // The model's cursors are "<seq" (older than seq) and ">seq" (newer than seq).
        AuditFilter f = filter;
        (cursor.startsWith(QLatin1Char('>')) ? f.afterSeq : f.beforeSeq) = cursor.mid(1).toLongLong();
        f.countTotal = count;
        auto result = audit.list(actor, f);
        if (!result)
            return result.error();
        const auto seqCursor = [](char direction, qint64 seq) {
            return seq > 0 ? QLatin1Char(direction) + QString::number(seq) : QString();
        };
        // Names for the ids on this page, one lookup; without users:read the ids stay.
        AuditNames names;
        if (auto found = users.usernames(actor, AuditNames::userIdsIn(result->items)))
            names.usernames = std::move(*found);
        QList<AuditRow> rows;
        rows.reserve(result->items.size());
        for (AuditEvent &e : result->items) {
            AuditRow row{std::move(e), {}, {}};
            row.actor = names.actor(row.event);
            row.target = names.target(row.event);
            rows << std::move(row);
        }
        return Page{std::move(rows), seqCursor('>', result->prevAfterSeq), seqCursor('<', result->nextBeforeSeq),
                    result->total};
    };
}

AuditPanel::AuditPanel(AuditService &audit, UserService &users, Principal actor, QWidget *parent)
    : QWidget(parent)
    , m_audit(audit)
    , m_actor(std::move(actor))
    , m_model(new AuditTableModel(audit, users, m_actor, this))
    , m_table(new QTableView(this))
    , m_actorFilter(new QLineEdit(this))
    , m_action(new QLineEdit(this))
    , m_target(new QLineEdit(this))
    , m_outcome(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_details(new QPlainTextEdit(this))
    , m_verify(new QLabel(this))
    , m_message(new MessageBanner(this))
{
    m_actorFilter->setPlaceholderText(tr("Actor (id or type:id)"));
    m_action->setPlaceholderText(tr("Action, e.g. user.create"));
    m_target->setPlaceholderText(tr("Target (id or type:id)"));
    m_outcome->addItem(tr("All outcomes"), QString());
    m_outcome->addItem(tr("Success"), QStringLiteral("success"));
    m_outcome->addItem(tr("Failure"), QStringLiteral("failure"));
    m_outcome->addItem(tr("Denied"), QStringLiteral("denied"));
    for (QLineEdit *edit : {m_actorFilter, m_action, m_target}) {
        edit->setClearButtonEnabled(true);
        edit->setAccessibleName(edit->placeholderText());
        connect(edit, &QLineEdit::returnPressed, this, &AuditPanel::applyFilter);
    }
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &AuditPanel::applyFilter);
    for (QDateEdit *date : {m_from, m_to}) {
        // The earliest date reads "any": no bound on that side.
        date->setCalendarPopup(true);
        date->setMinimumDate(QDate(2000, 1, 1));
        date->setSpecialValueText(tr("any date"));
        date->setDate(date->minimumDate());
        connect(date, &QDateEdit::dateChanged, this, &AuditPanel::applyFilter);
    }
    m_from->setAccessibleName(tr("From date"));
    m_to->setAccessibleName(tr("To date"));
    m_from->setToolTip(tr("Events from this day on"));
    m_to->setToolTip(tr("Events up to the end of this day"));
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const QString user = index.data(AuditTableModel::UserIdRole).toString(); !user.isEmpty())
            Q_EMIT userActivated(user);
    });
    auto *search = new QPushButton(tr("&Search"), this);
    connect(search, &QPushButton::clicked, this, &AuditPanel::applyFilter);
    auto *verify = new QPushButton(tr("&Verify chain"), this);
    connect(verify, &QPushButton::clicked, this, &AuditPanel::verifyChain);
    auto *exportButton = new QPushButton(tr("E&xport…"), this);
    connect(exportButton, &QPushButton::clicked, this, &AuditPanel::exportToFile);

    m_model->setServiceThread(new ServiceThread(this));   // pages are read off the GUI thread
    m_table->setObjectName(QStringLiteral("auditTable")); // named: its columns are remembered
    m_table->setModel(m_model);
    followWindow(m_table, m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &i) {
        const AuditEvent *e = m_model->eventAt(i.row());
        m_details->setPlainText(e ? QString::fromUtf8(QJsonDocument(auditEventJson(*e)).toJson(QJsonDocument::Indented))
                                  : QString());
    });
    connect(m_model, &AuditTableModel::failed, m_message, &MessageBanner::showError);
    m_details->setReadOnly(true);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_verify->setObjectName(QStringLiteral("verifyResult"));
    m_verify->setWordWrap(true);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_actorFilter, 1);
    filters->addWidget(m_action, 1);
    filters->addWidget(m_target, 1);
    filters->addWidget(m_outcome);
    filters->addWidget(m_from);
    filters->addWidget(m_to);
    filters->addWidget(search);
    auto *tools = new QHBoxLayout;
    tools->addWidget(verify);
    tools->addWidget(m_verify, 1);
    tools->addWidget(exportButton);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("auditSplit")); // named: its layout is remembered
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(tools);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);
}

void AuditPanel::showEvent(QShowEvent *event)
{
    // The first page (and its count over the whole log) is read when the panel is first shown,
    // not at start-up.
    if (!m_loaded)
        applyFilter();
    QWidget::showEvent(event);
}

QString AuditPanel::detailsText() const
{
    return m_details->toPlainText();
}

QString AuditPanel::verifyResult() const
{
    return m_verify->text();
}

QString AuditPanel::messageText() const
{
    return m_message->shownText();
}

void AuditPanel::showEvents(const QString &action, const QString &outcome, int days)
{
    {
        const QSignalBlocker quietOutcome(m_outcome);
        const QSignalBlocker quietFrom(m_from);
        const QSignalBlocker quietTo(m_to);
        m_actorFilter->clear();
        m_target->clear();
        m_action->setText(action);
        m_outcome->setCurrentIndex(qMax(0, m_outcome->findData(outcome)));
        m_from->setDate(days > 0 ? QDate::currentDate().addDays(1 - days) : m_from->minimumDate());
        m_to->setDate(m_to->minimumDate());
    }
    applyFilter();
}

void AuditPanel::applyFilter()
{
    AuditFilter f;
    f.actor = m_actorFilter->text().trimmed();
    f.action = m_action->text().trimmed();
    f.target = m_target->text().trimmed();
    f.outcome = m_outcome->currentData().toString();
    if (m_from->date() != m_from->minimumDate())
        f.since = m_from->date().startOfDay().toMSecsSinceEpoch();
    if (m_to->date() != m_to->minimumDate())
        f.until = m_to->date().addDays(1).startOfDay().toMSecsSinceEpoch();
    m_message->clear();
    m_loaded = true;
    m_model->setFilter(f);
}

void AuditPanel::verifyChain()
{
    std::optional<Result<ChainReport>> report;
    BackgroundTask::run(this, tr("Verifying the audit chain…"), 1, [&](int) {
        report = m_audit.verify(m_actor);
        return QString();
    });
    if (!report || !*report) {
        m_verify->setText(report ? describe(report->error()) : tr("Cancelled"));
        return;
    }
    const ChainReport &r = report->value();
    m_verify->setText(
        r.ok ? tr("Chain intact: %n event(s) checked.", nullptr, int(r.checked))
             : tr("Chain broken at event %1: it was changed or removed outside Keyward.").arg(r.firstBadSeq));
}

QString AuditPanel::exportTo(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    // Events that arrive during the export are not part of it: it starts below today's newest.
    AuditFilter f = m_model->filter();
    f.limit = 1;
    auto newest = m_audit.list(m_actor, f);
    if (!newest)
        return describe(newest.error());
    f.limit = ExportPageSize;
    f.beforeSeq = newest->items.isEmpty() ? 0 : newest->items.first().seq + 1;
    bool more = !newest->items.isEmpty();
    const int pages = int(qMax<qint64>(1, (newest->total + ExportPageSize - 1) / ExportPageSize));
    const QStringList outcomes = BackgroundTask::run(this, tr("Exporting audit events…"), pages, [&](int) -> QString {
        if (!more)
            return {};
        auto page = m_audit.list(m_actor, f);
        if (!page)
            return describe(page.error());
        for (const AuditEvent &e : page->items)
            file.write(QJsonDocument(auditEventJson(e)).toJson(QJsonDocument::Compact) + '\n');
        f.beforeSeq = page->nextBeforeSeq;
        more = f.beforeSeq != 0;
        return {};
    });
    for (const QString &error : outcomes)
        if (!error.isEmpty())
            return error;
    if (outcomes.size() < pages && more)
        return tr("Cancelled");
    return file.commit() ? QString() : file.errorString();
}

void AuditPanel::exportToFile()
{
    Prompt::exportToChosenFile(this, *m_message, tr("Export audit events"), QStringLiteral("keyward-audit.jsonl"),
                               tr("JSON Lines (*.jsonl)"), [this](const QString &path) { return exportTo(path); });
}

} // namespace keyward
