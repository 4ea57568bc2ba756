#include "users_panel.h"

#include "background_task.h"
#include "import_wizard.h"
#include "live_refresh.h"
#include "message_banner.h"
#include "password_dialog.h"
#include "prompt.h"
#include "result_scroll_bar.h"
#include "service_thread.h"
#include "services/services.h"
#include "services/user_transfer.h"
#include "user_detail_pane.h"
#include "user_dialog.h"
#include "user_table_model.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace keyward {

UsersPanel::UsersPanel(Services &services, Principal actor, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_model(new UserTableModel(services.users(), m_actor, this))
    , m_table(new QTableView(this))
    , m_details(new UserDetailPane(services, m_actor, this))
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_role(new QComboBox(this))
    , m_deleted(new QCheckBox(tr("Show &deleted"), this))
    , m_total(new QLabel(this))
    , m_selection(new QLabel(this))
    , m_position(new QLabel(this))
    , m_selectAllMatching(new QToolButton(this))
    , m_error(new MessageBanner(this))
    , m_resultsBox(new QWidget(this))
    , m_results(new QListWidget(m_resultsBox))
    , m_debounce(new QTimer(this))
{
    m_search->setPlaceholderText(tr("Search username, email or name"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search users"));
    m_status->addItem(tr("All statuses"), QString());
    m_status->addItem(tr("Active"), User::statusName(User::Status::Active));
    m_status->addItem(tr("Disabled"), User::statusName(User::Status::Disabled));
    m_status->setAccessibleName(tr("Status filter"));
    m_role->setAccessibleName(tr("Role filter"));
    reloadRoles();
    // Typing fires one query when the user pauses, not one per key.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &UsersPanel::applyFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &UsersPanel::applyFilter);
    connect(m_role, &QComboBox::currentIndexChanged, this, &UsersPanel::applyFilter);
    connect(m_deleted, &QCheckBox::toggled, this, &UsersPanel::applyFilter);

    // Pages are read off the GUI thread: a search counting a million users must not freeze it.
    m_model->setServiceThread(new ServiceThread(this));
    m_table->setObjectName(QStringLiteral("usersTable")); // named: its columns are remembered
    m_table->setModel(m_model);
    followWindow(m_table, m_model);
    // A new search or sort starts at the first row. The detail pane follows the list: its user
    // becomes the current row when the new list holds it, else the pane empties.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_table->scrollToTop();
        for (int row = 0; row < m_model->rowCount(); ++row)
            if (m_model->index(row, 0).data(UserTableModel::IdRole).toString() == m_details->userId()) {
                // Current, not selected: the selection is the admin's (or "all matching").
                m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0), QItemSelectionModel::NoUpdate);
                return;
            }
        m_details->showUser({});
    });
    m_position->setObjectName(QStringLiteral("position"));
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, &UsersPanel::updatePosition);
    connect(m_table->verticalScrollBar(), &QScrollBar::rangeChanged, this, &UsersPanel::updatePosition);
    connect(m_model, &QAbstractItemModel::modelReset, this, &UsersPanel::updatePosition);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &UsersPanel::updatePosition);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &UsersPanel::updatePosition);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &UsersPanel::updatePosition);
    connect(m_model, &UserTableModel::totalChanged, this, &UsersPanel::updatePosition);
    // What the API or another node changed while the panel was hidden shows when it is shown; the
    // role filter keeps current while it is.
    refreshWhileShown(
        this, 5'000, [this] { refresh(); }, [this] { reloadRoles(); });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // The arrow first: enabling sorting sorts by whatever the header shows (column 0 by default),
    // and that sort loads the first page.
    m_table->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_table->setSortingEnabled(true);
    // A column the server cannot sort by keeps no arrow: the indicator stays where the order is.
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder) {
        if (UserTableModel::sortable(column))
            return;
        QHeaderView *header = m_table->horizontalHeader();
        const QSignalBlocker quiet(header);
        header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    });
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    // Fixed row heights: the view never measures rows, however many the store holds.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_table, &QTableView::doubleClicked, this, &UsersPanel::editSelected);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { m_details->showUser(current.data(UserTableModel::IdRole).toString()); });
    // After a reload the pane keeps showing its user, refreshed (or says the user is gone).
    connect(m_model, &QAbstractItemModel::modelReset, m_details, &UserDetailPane::refresh);
    connect(m_model, &QAbstractItemModel::layoutChanged, m_details, &UserDetailPane::refresh);
    connect(m_model, &UserTableModel::failed, m_error, &MessageBanner::showError);
    connect(m_model, &UserTableModel::totalChanged, this, [this](qint64 total) {
        m_total->setText(tr("%Ln user(s)", nullptr, static_cast<int>(total)));
        selectionChanged();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        // Any selection the admin makes by hand replaces "all matching".
        m_allMatching.reset();
        selectionChanged();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_allMatching) { // the same list read again: its rows stay selected
            const QSignalBlocker quiet(m_table->selectionModel());
            m_table->selectAll();
        }
        selectionChanged();
    });
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &UsersPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        // Rows that scroll into view while "all matching" is chosen are part of it.
        if (!m_allMatching)
            return;
        const QSignalBlocker quiet(m_table->selectionModel());
        m_table->selectionModel()->select(
            QItemSelection(m_model->index(first, 0), m_model->index(last, UserTableModel::ColumnCount - 1)),
            QItemSelectionModel::Select);
        m_table->viewport()->update();
    });
    connect(m_details, &UserDetailPane::userChanged, m_model, &UserTableModel::refresh);
    connect(m_details, &UserDetailPane::failed, m_error, &MessageBanner::showError);

    m_error->setObjectName(QStringLiteral("errorBanner"));
    m_results->setObjectName(QStringLiteral("results"));
    m_results->setMaximumHeight(120);
    auto *dismiss = new QToolButton(m_resultsBox);
    dismiss->setText(tr("Dis&miss"));
    dismiss->setObjectName(QStringLiteral("dismissResults"));
    connect(dismiss, &QToolButton::clicked, this, [this] {
        m_results->clear();
        m_resultsBox->hide();
    });
    auto *resultsLayout = new QHBoxLayout(m_resultsBox);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_results, 1);
    resultsLayout->addWidget(dismiss, 0, Qt::AlignTop);
    m_resultsBox->hide();
    m_selection->setObjectName(QStringLiteral("selectionCount"));
    m_selectAllMatching->setObjectName(QStringLiteral("selectAllMatching"));
    m_selectAllMatching->hide();
    connect(m_selectAllMatching, &QToolButton::clicked, this, &UsersPanel::selectAllMatching);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_status);
    filters->addWidget(m_role);
    filters->addWidget(m_deleted);
    filters->addWidget(m_total);
    filters->addWidget(m_position);
    filters->addWidget(m_selection);
    filters->addWidget(m_selectAllMatching);

    // Every action is a QAction: a button or menu entry, the table's context menu and a shortcut.
    auto *buttons = new QHBoxLayout;
    const auto button = [&](QAction *action) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(action);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(b);
    };
    button(newAction(QStringLiteral("new"), tr("&New user…"), QKeySequence::New, [this] { newUser(); }));
    button(newAction(QStringLiteral("edit"), tr("&Edit…"), QKeySequence(Qt::Key_F2), [this] { editSelected(); }));
    button(newAction(QStringLiteral("disable"), tr("D&isable"), {}, [this] { setSelectedEnabled(false); }));
    button(newAction(QStringLiteral("enable"), tr("En&able"), {}, [this] { setSelectedEnabled(true); }));
    button(newAction(QStringLiteral("delete"), tr("&Delete…"), QKeySequence::Delete, [this] { deleteSelected(); }));
    button(newAction(QStringLiteral("undo"), tr("&Undo"), QKeySequence::Undo, [this] { undoLast(); }));
    auto *more = new QMenu(this);
    more->addAction(newAction(QStringLiteral("unlock"), tr("&Unlock"), {}, [this] { unlockSelected(); }));
    more->addAction(
        newAction(QStringLiteral("resetPassword"), tr("Reset &password…"), {}, [this] { resetPassword(); }));
    more->addAction(newAction(QStringLiteral("revokeSessions"), tr("Revoke &sessions"), {},
                              [this] { revokeSessionsOfSelected(); }));
    more->addAction(
        newAction(QStringLiteral("resetMfa"), tr("Reset two-&factor…"), {}, [this] { resetMfaOfSelected(); }));
    more->addSeparator();
    more->addAction(newAction(QStringLiteral("addRole"), tr("Add &role…"), {}, [this] { addRoleToSelected(); }));
    more->addAction(
        newAction(QStringLiteral("removeRole"), tr("Remo&ve role…"), {}, [this] { removeRoleFromSelected(); }));
    more->addSeparator();
    more->addAction(newAction(QStringLiteral("restore"), tr("Res&tore"), {}, [this] { restoreSelected(); }));
    more->addAction(newAction(QStringLiteral("purge"), tr("P&urge…"), {}, [this] { purgeSelected(); }));
    more->addSeparator();
    more->addAction(newAction(QStringLiteral("selectAllMatching"), tr("Select all &matching"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), [this] { selectAllMatching(); }));
    more->addSeparator();
    more->addAction(newAction(QStringLiteral("import"), tr("&Import users…"), {}, [this] { importFromFile(); }));
    more->addAction(newAction(QStringLiteral("export"), tr("E&xport users…"), {}, [this] { exportToFile(); }));
    more->addSeparator();
    more->addAction(newAction(QStringLiteral("refresh"), tr("Re&fresh"), QKeySequence::Refresh, [this] { refresh(); }));
    auto *moreButton = new QToolButton(this);
    moreButton->setText(tr("&More"));
    moreButton->setMenu(more);
    moreButton->setPopupMode(QToolButton::InstantPopup);
    buttons->addWidget(moreButton);
    buttons->addStretch();

    auto *split = new QSplitter(this);
    split->setObjectName(QStringLiteral("usersSplit")); // named: its layout is remembered
    // The table's scrollbar spans every matching user, not only the pages held.
    auto *tableBox = new QWidget(split);
    auto *tableLayout = new QHBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(0);
    tableLayout->addWidget(m_table, 1);
    tableLayout->addWidget(new ResultScrollBar(m_table, m_model, tableBox));
    split->addWidget(tableBox);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    layout->addWidget(m_resultsBox);
    layout->addWidget(split, 1);
    selectionChanged();
}

QAction *UsersPanel::newAction(const QString &name, const QString &text, const QKeySequence &shortcut,
                               const std::function<void()> &slot)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(action, &QAction::triggered, this, slot);
    m_table->addAction(action);
    addAction(action);
    return action;
}

QString UsersPanel::errorText() const
{
    return m_error->shownText();
}

QStringList UsersPanel::results() const
{
    QStringList lines;
    for (int i = 0; i < m_results->count(); ++i)
        lines << m_results->item(i)->text();
    return lines;
}

QString UsersPanel::positionText() const
{
    return m_position->text();
}

void UsersPanel::updatePosition()
{
    const int rows = m_model->rowCount();
    if (rows == 0) {
        m_position->clear();
        return;
    }
    const int first = qMax(0, m_table->rowAt(0));
    int last = m_table->rowAt(m_table->viewport()->height() - 1);
    if (last < 0)
        last = rows - 1;
    const QLocale locale;
    const qint64 offset = m_model->windowOffset();
    m_position->setText(tr("Rows %1–%2 of %3")
                            .arg(locale.toString(offset + first + 1), locale.toString(offset + last + 1),
                                 locale.toString(qMax<qint64>(m_model->total(), offset + rows))));
}

QString UsersPanel::selectionText() const
{
    return m_selection->text();
}

qint64 UsersPanel::selectionCount() const
{
    return m_allMatching ? m_allMatching->total : m_table->selectionModel()->selectedRows().size();
}

QAction *UsersPanel::action(const QString &name) const
{
    return findChild<QAction *>(name, Qt::FindDirectChildrenOnly);
}

void UsersPanel::refresh()
{
    reloadRoles();
    m_model->refresh();
}

void UsersPanel::revealUser(const QString &id)
{
    const auto user = m_services.users().get(m_actor, id);
    if (!user) {
        m_error->showError(describe(user.error()));
        return;
    }
    {
        const QSignalBlocker quietSearch(m_search);
        const QSignalBlocker quietDeleted(m_deleted);
        m_search->setText(user->username);
        m_deleted->setChecked(m_deleted->isChecked() || user->isDeleted());
    }
    m_debounce->stop();
    applyFilter();
    m_details->showUser(id);
}

void UsersPanel::showUsers(const UsersView &view)
{
    {
        const QSignalBlocker quietSearch(m_search);
        const QSignalBlocker quietStatus(m_status);
        const QSignalBlocker quietRole(m_role);
        const QSignalBlocker quietDeleted(m_deleted);
        m_search->clear();
        m_role->setCurrentIndex(0);
        m_status->setCurrentIndex(
            qMax(0, m_status->findData(view.status ? User::statusName(*view.status) : QString())));
        m_deleted->setChecked(view.deleted);
    }
    m_debounce->stop();
    applyFilter();
    if (view.sortColumn)
        m_table->sortByColumn(*view.sortColumn, view.order);
}

void UsersPanel::applyFilter()
{
    m_allMatching.reset(); // chosen for the filter that was: a new one is not selected
    UserFilter f;
    f.q = m_search->text().trimmed();
    f.status = User::statusNamed(m_status->currentData().toString());
    f.role = m_role->currentData().toString();
    f.includeDeleted = m_deleted->isChecked();
    m_model->setFilter(f);
}

QStringList UsersPanel::roleNames()
{
    QStringList names;
    if (auto roles = m_services.roles().list(m_actor))
        for (const Role &r : *roles)
            names << r.name;
    return names;
}

void UsersPanel::reloadRoles()
{
    const QString current = m_role->currentData().toString();
    const QSignalBlocker quiet(m_role);
    m_role->clear();
    m_role->addItem(tr("All roles"), QString());
    for (const QString &name : roleNames())
        m_role->addItem(name, name);
    m_role->setCurrentIndex(qMax(0, m_role->findData(current)));
}

QList<User> UsersPanel::selectedUsers() const
{
    QList<User> users;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        if (const User *u = m_model->userAt(index.row()))
            users << *u;
    return users;
}

void UsersPanel::selectionChanged()
{
    const qint64 selected = selectionCount();
    const qint64 loaded = m_model->rowCount();
    if (m_allMatching)
        m_selection->setText(tr("All %Ln matching selected", nullptr, int(selected)));
    else if (selected > 0)
        m_selection->setText(tr("%Ln selected", nullptr, int(selected)));
    else
        m_selection->clear();
    // Every loaded row is selected but more match: offer the rest, as an explicit choice.
    const bool offerAll = !m_allMatching && selected > 0 && selected == loaded && m_model->total() > loaded;
    m_selectAllMatching->setText(tr("Select all %Ln matching", nullptr, int(m_model->total())));
    m_selectAllMatching->setVisible(offerAll);
    updateActions();
}

void UsersPanel::updateActions()
{
    // With "all matching", the loaded rows stand for the rest.
    const QList<User> users = selectedUsers();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto any = [&](auto predicate) { return std::any_of(users.cbegin(), users.cend(), predicate); };
    const bool one = users.size() == 1 && !m_allMatching;
    const bool anyLive = any([](const User &u) { return !u.isDeleted(); });
    const auto enable = [this](const char *name, bool on) { action(QString::fromLatin1(name))->setEnabled(on); };
    enable("edit", one && anyLive);
    enable("resetPassword", one && anyLive);
    enable("disable", any([](const User &u) { return !u.isDeleted() && u.isActive(); }));
    enable("enable", any([](const User &u) { return !u.isDeleted() && !u.isActive(); }));
    enable("unlock", any([now](const User &u) { return !u.isDeleted() && u.lockedUntil > now; }));
    enable("resetMfa", any([](const User &u) { return !u.isDeleted() && u.mfaEnabled; }));
    enable("revokeSessions", anyLive);
    enable("addRole", anyLive);
    enable("removeRole", any([](const User &u) { return !u.isDeleted() && !u.roles.isEmpty(); }));
    enable("delete", anyLive);
    enable("restore", any([](const User &u) { return u.isDeleted(); }));
    enable("purge", !users.isEmpty());
    enable("selectAllMatching", m_model->total() > 0);
    QAction *undo = action(QStringLiteral("undo"));
    undo->setEnabled(m_undo.has_value());
    undo->setText(m_undo ? tr("&Undo %1").arg(m_undo->text) : tr("&Undo"));
}

void UsersPanel::selectAllMatching()
{
    if (m_model->total() <= 0)
        return;
    {
        const QSignalBlocker quiet(m_table->selectionModel());
        m_table->selectAll();
    }
    m_table->viewport()->update();
    // What "all matching" means is fixed now: a search typed afterwards does not change whom a
    // bulk action reaches (and clears the choice).
    m_allMatching = AllMatching{m_model->filter(), m_model->total()};
    selectionChanged();
}

void UsersPanel::runOnSelection(const BulkAction &action)
{
    const qint64 count = selectionCount();
    if (count == 0) {
        m_error->showError(tr("Select one or more users first."));
        return;
    }
    if (action.question && (count > 1 || action.confirmOne) &&
        !Prompt::confirm(this, action.verb, action.question(count), action.verb))
        return;
    Targets targets;
    if (m_allMatching) {
        // Every matching user, read a page at a time as the work reaches it: the keyset cursor
        // follows the list's order, so users the change moves out of the filter are not skipped over.
        struct Pages {
            UserFilter filter;
            QList<User> rows;
            int offset = 0; // of rows.first() among the targets
            bool exhausted = false;
        };
        auto pages = std::make_shared<Pages>();
        pages->filter = m_allMatching->filter;
        pages->filter.countTotal = false;
        pages->filter.limit = 200;
        targets = [this, pages](int i) -> Result<std::optional<User>> {
            while (i - pages->offset >= pages->rows.size() && !pages->exhausted) {
                auto page = m_services.users().list(m_actor, pages->filter);
                if (!page)
                    return page.error();
                pages->offset += int(pages->rows.size());
                pages->rows = std::move(page->items);
                pages->filter.cursor = page->nextCursor;
                pages->exhausted = pages->filter.cursor.isEmpty();
            }
            if (i - pages->offset >= pages->rows.size())
                return std::optional<User>(); // fewer match now than were counted
            return std::optional<User>(pages->rows.at(i - pages->offset));
        };
    } else {
        targets = [users = selectedUsers()](int i) -> Result<std::optional<User>> {
            return i < users.size() ? std::optional<User>(users.at(i)) : std::nullopt;
        };
    }
    m_undo.reset(); // whatever was undoable before is not the last change any more
    Changed changed;
    runBulk(action.progress, count, targets, action.change, action.undo ? &changed : nullptr);
    if (action.undo)
        rememberUndo(action.undoText, std::move(changed), action.undo);
    updateActions();
}

void UsersPanel::runBulk(const QString &progress, qint64 count, const Targets &targets,
                         const std::function<Result<bool>(const User &)> &change, Changed *changed)
{
    int done = 0;
    int unchanged = 0;
    int gone = 0;
    int reached = 0;
    bool broken = false; // the users could not be read: the rest is not reached
    QStringList refused;
    BackgroundTask::run(this, progress, int(count), [&](int i) -> QString {
        if (broken)
            return {};
        auto target = targets(i);
        if (!target) {
            refused << tr("Could not read the users: %1").arg(describe(target.error()));
            broken = true;
            return {};
        }
        ++reached;
        if (!*target) {
            ++gone;
            return {};
        }
        const User &u = **target;
        const Result<bool> outcome = change(u);
        if (!outcome) {
            refused << tr("%1: %2").arg(u.username, describe(outcome.error()));
        } else if (*outcome) {
            ++done;
            if (changed) {
                // The version the change left: undo puts back only what nobody changed since.
                const auto after = m_services.users().get(m_actor, u.id);
                changed->insert(u.id, after ? after->version : -1);
            }
        } else {
            ++unchanged;
        }
        return {};
    });
    const qint64 notReached = count - reached;

    QStringList summary{tr("%Ln done", nullptr, done)};
    if (unchanged > 0)
        summary << tr("%Ln already so", nullptr, unchanged);
    if (!refused.isEmpty())
        summary << tr("%Ln refused", nullptr, int(refused.size()));
    if (gone > 0)
        summary << tr("%Ln no longer matching", nullptr, gone);
    if (notReached > 0)
        summary << (broken ? tr("%Ln not reached", nullptr, int(notReached))
                           : tr("%Ln not reached (cancelled)", nullptr, int(notReached)));
    m_results->clear();
    m_results->addItem(summary.join(QStringLiteral(", ")));
    m_results->addItems(refused);
    m_resultsBox->setVisible(count > 1);
    if (count == 1 && !refused.isEmpty())
        m_error->showError(refused.first().section(QStringLiteral(": "), 1));
    else if (!refused.isEmpty())
        m_error->showError(
            tr("%1 of %2 refused; see the list.").arg(QLocale().toString(refused.size()), QLocale().toString(count)));
    else
        m_error->clear();
    m_model->refresh();
}

void UsersPanel::rememberUndo(const QString &text, Changed changed, std::function<Result<bool>(const User &)> undo)
{
    if (changed.isEmpty())
        m_undo.reset();
    else
        m_undo = Undo{text, std::move(changed), std::move(undo)};
    updateActions();
}

void UsersPanel::undoLast()
{
    if (!m_undo)
        return;
    const Undo undo = *std::exchange(m_undo, std::nullopt);
    const QStringList ids = undo.changed.keys();
    // Each user as it is now; one changed since (by anyone) is left as it is.
    const Targets targets = [this, ids](int i) -> Result<std::optional<User>> {
        if (i >= ids.size())
            return std::optional<User>();
        auto user = m_services.users().get(m_actor, ids.at(i));
        if (!user && user.error().status() == 404)
            return std::optional<User>();
        if (!user)
            return user.error();
        return std::optional<User>(*user);
    };
    const auto putBack = [changed = undo.changed, back = undo.undo](const User &u) -> Result<bool> {
        if (u.version != changed.value(u.id))
            return ApiError::conflict(tr("Changed since; left as it is."));
        return back(u);
    };
    runBulk(tr("Undoing…"), ids.size(), targets, putBack, nullptr);
    updateActions();
}

namespace {

// The rows on screen may be a moment old (another admin, the API, a refresh still on its way):
// each change starts from the user as stored now, and writes only if nothing changed since.

// The status change of a user, false when it already had that status.
Result<bool> setStatus(UserService &users, const Principal &actor, const User &listed, User::Status status)
{
    const auto u = users.get(actor, listed.id);
    if (!u)
        return u.error();
    if (u->status == status)
        return false;
    UserPatch patch;
    patch.status = status;
    if (auto r = users.update(actor, u->id, patch, u->version); !r)
        return r.error();
    return true;
}

// Adds or removes one role, false when the user already had it (or did not).
Result<bool> setRole(UserService &users, const Principal &actor, const User &listed, const QString &role, bool add)
{
    const auto u = users.get(actor, listed.id);
    if (!u)
        return u.error();
    if (add == u->roles.contains(role))
        return false;
    UserPatch patch;
    patch.roles = u->roles;
    if (add)
        patch.roles->append(role);
    else
        patch.roles->removeAll(role);
    if (auto r = users.update(actor, u->id, patch, u->version); !r)
        return r.error();
    return true;
}

// A change that reports no "already so".
Result<bool> changed(const Status &status)
{
    if (!status)
        return status.error();
    return true;
}

} // namespace

void UsersPanel::newUser()
{
    UserDialog dialog(
        nullptr, roleNames(),
        [this](const UserDialog::Values &v) -> std::optional<ApiError> {
            CreateUserRequest req;
            req.username = v.username;
            req.email = v.email;
            req.displayName = v.displayName;
            if (!v.password.isEmpty())
                req.password = v.password;
            req.roles = v.roles;
            req.attributes = v.attributes;
            req.status = v.disabled ? User::Status::Disabled : User::Status::Active;
            req.requirePasswordChange = v.requirePasswordChange;
            std::optional<ApiError> error;
            // Hashing the password takes tens of milliseconds: not on the GUI thread.
            BackgroundTask::run(this, tr("Creating %1…").arg(v.username), 1, [&](int) {
                error = errorOf(m_services.users().create(m_actor, req));
                return QString();
            });
            return error;
        },
        this);
    if (dialog.exec() == QDialog::Accepted) {
        m_error->clear();
        rememberUndo({}, {}, {}); // the last change is now one that cannot be undone
        m_model->refresh();
    }
}

void UsersPanel::editSelected()
{
    const User *current = m_model->userAt(m_table->currentIndex().row());
    if (!current)
        return;
    const User user = *current;
    QStringList rolesSaved = user.roles;
    UserDialog dialog(
        &user, roleNames(),
        [this, user, &rolesSaved](const UserDialog::Values &v) -> std::optional<ApiError> {
            UserPatch patch;
            patch.username = v.username;
            patch.email = v.email;
            patch.displayName = v.displayName.isEmpty() ? QString() : v.displayName;
            patch.roles = v.roles;
            patch.attributes = v.attributes;
            patch.status = v.disabled ? User::Status::Disabled : User::Status::Active;
            patch.requirePasswordChange = v.requirePasswordChange;
            // The version read when the dialog opened: a change made meanwhile elsewhere is not overwritten.
            auto saved = m_services.users().update(m_actor, user.id, patch, user.version);
            if (saved)
                rolesSaved = saved->roles;
            return errorOf(saved);
        },
        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_error->clear();
    m_model->refresh();
    const auto saved = m_services.users().get(m_actor, user.id);
    if (rolesSaved == user.roles || !saved)
        rememberUndo({}, {}, {});
    else
        rememberUndo(tr("role change of %1").arg(user.username), {{user.id, saved->version}},
                     [this, roles = user.roles](const User &u) -> Result<bool> {
                         UserPatch patch;
                         patch.roles = roles;
                         if (auto r = m_services.users().update(m_actor, u.id, patch, u.version); !r)
                             return r.error();
                         return true;
                     });
}

void UsersPanel::setSelectedEnabled(bool enabled)
{
    const User::Status to = enabled ? User::Status::Active : User::Status::Disabled;
    const User::Status back = enabled ? User::Status::Disabled : User::Status::Active;
    BulkAction a;
    a.progress = enabled ? tr("Enabling users…") : tr("Disabling users…");
    a.verb = enabled ? tr("Enable") : tr("Disable");
    a.question = [enabled](qint64 n) {
        return enabled ? tr("Enable %Ln user(s)?", nullptr, int(n))
                       : tr("Disable %Ln user(s)? They can no longer sign in.", nullptr, int(n));
    };
    a.change = [this, to](const User &u) { return setStatus(m_services.users(), m_actor, u, to); };
    a.undoText = enabled ? tr("enabling") : tr("disabling");
    a.undo = [this, back](const User &u) { return setStatus(m_services.users(), m_actor, u, back); };
    runOnSelection(a);
}

void UsersPanel::unlockSelected()
{
    BulkAction a;
    a.progress = tr("Unlocking users…");
    a.verb = tr("Unlock");
    a.question = [](qint64 n) { return tr("Unlock %Ln user(s)?", nullptr, int(n)); };
    a.change = [this](const User &u) { return changed(m_services.users().unlock(m_actor, u.id)); };
    runOnSelection(a);
}

void UsersPanel::resetPassword()
{
    const User *current = m_model->userAt(m_table->currentIndex().row());
    if (!current)
        return;
    const QString id = current->id;
    PasswordDialog dialog(
        current->username,
        [this, id](const QString &password, bool requireChange) {
            std::optional<ApiError> error;
            BackgroundTask::run(this, tr("Setting the password…"), 1, [&](int) {
                error = errorOf(m_services.users().setPassword(m_actor, id, password, requireChange));
                return QString();
            });
            return error;
        },
        this);
    if (dialog.exec() == QDialog::Accepted) {
        rememberUndo({}, {}, {});
        m_error->showNote(tr("Password set; every session of the user has ended."));
        m_model->refresh();
    }
}

void UsersPanel::revokeSessionsOfSelected()
{
    BulkAction a;
    a.progress = tr("Revoking sessions…");
    a.verb = tr("Revoke sessions");
    a.question = [](qint64 n) { return tr("End every session of %Ln user(s)?", nullptr, int(n)); };
    a.change = [this](const User &u) { return changed(statusOf(m_services.sessions().revokeAll(m_actor, u.id))); };
    runOnSelection(a);
}

void UsersPanel::resetMfaOfSelected()
{
    BulkAction a;
    a.progress = tr("Resetting two-factor sign-in…");
    a.verb = tr("Reset two-factor");
    a.confirmOne = true;
    a.question = [](qint64 n) {
        return tr("Turn off two-factor sign-in for %Ln user(s)? They sign in with the password alone until "
                  "they set it up again.",
                  nullptr, int(n));
    };
    a.change = [this](const User &u) -> Result<bool> {
        if (!u.mfaEnabled)
            return false;
        return changed(m_services.mfa().reset(m_actor, u.id));
    };
    runOnSelection(a);
}

void UsersPanel::changeRoleOfSelected(bool add)
{
    if (selectionCount() == 0)
        return;
    const auto role = Prompt::choose(
        this, add ? tr("Add role") : tr("Remove role"),
        add ? tr("Role to add to the selected users:") : tr("Role to remove from the selected users:"), roleNames());
    if (!role)
        return;
    BulkAction a;
    a.progress = add ? tr("Adding role %1…").arg(*role) : tr("Removing role %1…").arg(*role);
    a.verb = add ? tr("Add role") : tr("Remove role");
    a.confirmOne = true;
    a.question = [add, role = *role](qint64 n) {
        return add ? tr("Add role '%1' to %Ln user(s)?", nullptr, int(n)).arg(role)
                   : tr("Remove role '%1' from %Ln user(s)?", nullptr, int(n)).arg(role);
    };
    a.change = [this, add, role = *role](const User &u) { return setRole(m_services.users(), m_actor, u, role, add); };
    a.undoText = add ? tr("adding role %1").arg(*role) : tr("removing role %1").arg(*role);
    a.undo = [this, add, role = *role](const User &u) { return setRole(m_services.users(), m_actor, u, role, !add); };
    runOnSelection(a);
}

void UsersPanel::addRoleToSelected()
{
    changeRoleOfSelected(true);
}

void UsersPanel::removeRoleFromSelected()
{
    changeRoleOfSelected(false);
}

void UsersPanel::deleteSelected()
{
    BulkAction a;
    a.progress = tr("Deleting users…");
    a.verb = tr("Delete");
    a.confirmOne = true;
    a.question = [](qint64 n) {
        return tr("Delete %Ln user(s)? They can no longer log in; an administrator can restore them.", nullptr, int(n));
    };
    a.change = [this](const User &u) -> Result<bool> {
        if (u.isDeleted())
            return false;
        return changed(m_services.users().remove(m_actor, u.id, false));
    };
    a.undoText = tr("deleting");
    a.undo = [this](const User &u) { return changed(statusOf(m_services.users().restore(m_actor, u.id))); };
    runOnSelection(a);
}

void UsersPanel::restoreSelected()
{
    BulkAction a;
    a.progress = tr("Restoring users…");
    a.verb = tr("Restore");
    a.question = [](qint64 n) { return tr("Restore %Ln deleted user(s)?", nullptr, int(n)); };
    a.change = [this](const User &u) -> Result<bool> {
        if (!u.isDeleted())
            return false;
        return changed(statusOf(m_services.users().restore(m_actor, u.id)));
    };
    a.undoText = tr("restoring");
    a.undo = [this](const User &u) { return changed(m_services.users().remove(m_actor, u.id, false)); };
    runOnSelection(a);
}

void UsersPanel::purgeSelected()
{
    BulkAction a;
    a.progress = tr("Purging users…");
    a.verb = tr("Purge");
    a.confirmOne = true;
    a.question = [](qint64 n) {
        return tr("Erase %Ln user(s) for good, with their sessions, keys and two-factor settings? "
                  "This cannot be undone; the audit log keeps the record of the purge.",
                  nullptr, int(n));
    };
    a.change = [this](const User &u) { return changed(m_services.users().remove(m_actor, u.id, true)); };
    runOnSelection(a);
}

void UsersPanel::importFromFile()
{
    ImportWizard wizard(m_services.users(), m_actor, roleNames(), this);
    if (wizard.exec() == QDialog::Accepted && wizard.plan())
        importPlan(*wizard.plan(), false);
}

void UsersPanel::importPlan(const ImportPlan &plan, bool dryRun)
{
    if (!dryRun)
        rememberUndo({}, {}, {});
    int notRun = 0;
    const ImportReport report = ImportWizard::run(this, m_services.users(), m_actor, plan, dryRun, notRun);
    m_results->clear();
    m_results->addItems(ImportWizard::describe(report, notRun));
    m_resultsBox->setVisible(true);
    if (report.errors.isEmpty())
        m_error->showNote(m_results->item(0)->text());
    else
        m_error->showError(tr("%n user(s) refused; see the list.", nullptr, int(report.errors.size())));
    m_model->refresh();
}

void UsersPanel::exportToFile()
{
    Prompt::exportToChosenFile(this, *m_error, tr("Export users"), QStringLiteral("keyward-users.json"),
                               tr("JSON (*.json);;CSV (*.csv)"),
                               [this](const QString &path) { return exportTo(path); });
}

QString UsersPanel::exportTo(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    UserFilter all;
    all.limit = 1;
    const auto counted = m_services.users().list(m_actor, all);
    if (!counted)
        return describe(counted.error());
    const int pages = int(qMax<qint64>(1, (counted->total + UserExporter::PageSize - 1) / UserExporter::PageSize));
    UserExporter exporter(m_services.users(), m_actor,
                          path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? ExportFormat::Csv
                                                                                    : ExportFormat::Json);
    bool more = true;
    const QStringList outcomes = BackgroundTask::run(this, tr("Exporting users…"), pages, [&](int i) -> QString {
        // The last step also writes the users created since the count.
        do {
            auto page = exporter.writePage(file);
            if (!page)
                return describe(page.error());
            more = *page;
        } while (more && i == pages - 1);
        return {};
    });
    for (const QString &error : outcomes)
        if (!error.isEmpty())
            return error;
    if (more)
        return tr("Cancelled");
    return file.commit() ? QString() : file.errorString();
}

} // namespace keyward
