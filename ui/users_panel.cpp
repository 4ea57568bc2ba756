#include "users_panel.h"

#include "background_task.h"
#include "message_banner.h"
#include "password_dialog.h"
#include "prompt.h"
#include "services/services.h"
#include "services/user_transfer.h"
#include "user_detail_pane.h"
#include "user_dialog.h"
#include "user_table_model.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
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
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

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
    , m_error(new MessageBanner(this))
    , m_results(new QListWidget(this))
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

    m_table->setModel(m_model);
    followWindow(m_table, m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(UserTableModel::Created, Qt::AscendingOrder);
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
    connect(m_model, &UserTableModel::totalChanged, this,
            [this](qint64 total) { m_total->setText(tr("%n user(s)", nullptr, static_cast<int>(total))); });
    connect(m_details, &UserDetailPane::userChanged, m_model, &UserTableModel::refresh);
    connect(m_details, &UserDetailPane::failed, m_error, &MessageBanner::showError);

    m_error->setObjectName(QStringLiteral("errorBanner"));
    m_results->setObjectName(QStringLiteral("results"));
    m_results->setMaximumHeight(120);
    m_results->hide();

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_status);
    filters->addWidget(m_role);
    filters->addWidget(m_deleted);
    filters->addWidget(m_total);

    // Every action is a QAction: a button or menu entry, the table's context menu and a shortcut.
    auto *buttons = new QHBoxLayout;
    const auto button = [&](QAction *action) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(action);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(b);
    };
    button(newAction(tr("&New user…"), QKeySequence::New, [this] { newUser(); }));
    button(newAction(tr("&Edit…"), QKeySequence(Qt::Key_F2), [this] { editSelected(); }));
    button(newAction(tr("D&isable"), {}, [this] { setSelectedEnabled(false); }));
    button(newAction(tr("En&able"), {}, [this] { setSelectedEnabled(true); }));
    button(newAction(tr("&Delete…"), QKeySequence::Delete, [this] { deleteSelected(); }));
    auto *more = new QMenu(this);
    more->addAction(newAction(tr("&Unlock"), {}, [this] { unlockSelected(); }));
    more->addAction(newAction(tr("Reset &password…"), {}, [this] { resetPassword(); }));
    more->addAction(newAction(tr("Revoke &sessions"), {}, [this] { revokeSessionsOfSelected(); }));
    more->addAction(newAction(tr("Reset two-&factor"), {}, [this] { resetMfaOfSelected(); }));
    more->addSeparator();
    more->addAction(newAction(tr("Add &role…"), {}, [this] { addRoleToSelected(); }));
    more->addAction(newAction(tr("Remo&ve role…"), {}, [this] { removeRoleFromSelected(); }));
    more->addSeparator();
    more->addAction(newAction(tr("Res&tore"), {}, [this] { restoreSelected(); }));
    more->addAction(newAction(tr("P&urge…"), {}, [this] { purgeSelected(); }));
    more->addSeparator();
    more->addAction(newAction(tr("&Import users…"), {}, [this] { importFromFile(); }));
    more->addAction(newAction(tr("E&xport users…"), {}, [this] { exportToFile(); }));
    more->addSeparator();
    more->addAction(newAction(tr("Re&fresh"), QKeySequence::Refresh, [this] { refresh(); }));
    auto *moreButton = new QToolButton(this);
    moreButton->setText(tr("&More"));
    moreButton->setMenu(more);
    moreButton->setPopupMode(QToolButton::InstantPopup);
    buttons->addWidget(moreButton);
    buttons->addStretch();

    auto *split = new QSplitter(this);
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    layout->addWidget(m_results);
    layout->addWidget(split, 1);
    m_model->reload();
}

QAction *UsersPanel::newAction(const QString &text, const QKeySequence &shortcut, const std::function<void()> &slot)
{
    auto *action = new QAction(text, this);
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

void UsersPanel::refresh()
{
    reloadRoles();
    m_model->refresh();
}

void UsersPanel::applyFilter()
{
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

void UsersPanel::runOnSelection(const QString &label, const std::function<Status(const User &)> &change)
{
    const QList<User> users = selectedUsers();
    if (users.isEmpty()) {
        m_error->showError(tr("Select one or more users first."));
        return;
    }
    const QStringList outcomes = BackgroundTask::run(this, label, int(users.size()), [&](int i) {
        const Status s = change(users.at(i));
        return s ? QString() : describe(s.error());
    });
    m_results->clear();
    QStringList failures;
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        const QString &name = users.at(i).username;
        m_results->addItem(outcomes.at(i).isEmpty() ? tr("%1: done").arg(name)
                                                    : tr("%1: %2").arg(name, outcomes.at(i)));
        if (!outcomes.at(i).isEmpty())
            failures << outcomes.at(i);
    }
    if (outcomes.size() < users.size())
        m_results->addItem(tr("Cancelled: %n user(s) not changed", nullptr, int(users.size() - outcomes.size())));
    m_results->setVisible(users.size() > 1);
    if (users.size() == 1)
        m_error->showError(failures.value(0));
    else if (!failures.isEmpty())
        m_error->showError(tr("%1 of %2 failed; see the list.").arg(failures.size()).arg(users.size()));
    else
        m_error->clear();
    m_model->refresh();
}

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
        m_model->refresh();
    }
}

void UsersPanel::editSelected()
{
    const User *current = m_model->userAt(m_table->currentIndex().row());
    if (!current)
        return;
    const User user = *current;
    UserDialog dialog(
        &user, roleNames(),
        [this, user](const UserDialog::Values &v) -> std::optional<ApiError> {
            UserPatch patch;
            patch.username = v.username;
            patch.email = v.email;
            patch.displayName = v.displayName.isEmpty() ? QString() : v.displayName;
            patch.roles = v.roles;
            patch.attributes = v.attributes;
            patch.status = v.disabled ? User::Status::Disabled : User::Status::Active;
            patch.requirePasswordChange = v.requirePasswordChange;
            // The version read when the dialog opened: a change made meanwhile elsewhere is not overwritten.
            return errorOf(m_services.users().update(m_actor, user.id, patch, user.version));
        },
        this);
    if (dialog.exec() == QDialog::Accepted) {
        m_error->clear();
        m_model->refresh();
    }
}

void UsersPanel::setSelectedEnabled(bool enabled)
{
    runOnSelection(enabled ? tr("Enabling users…") : tr("Disabling users…"), [this, enabled](const User &u) -> Status {
        UserPatch patch;
        patch.status = enabled ? User::Status::Active : User::Status::Disabled;
        return statusOf(m_services.users().update(m_actor, u.id, patch, u.version));
    });
}

void UsersPanel::unlockSelected()
{
    runOnSelection(tr("Unlocking users…"), [this](const User &u) { return m_services.users().unlock(m_actor, u.id); });
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
        m_error->showNote(tr("Password set; every session of the user has ended."));
        m_model->refresh();
    }
}

void UsersPanel::revokeSessionsOfSelected()
{
    runOnSelection(tr("Revoking sessions…"), [this](const User &u) -> Status {
        return statusOf(m_services.sessions().revokeAll(m_actor, u.id));
    });
}

void UsersPanel::resetMfaOfSelected()
{
    runOnSelection(tr("Resetting two-factor sign-in…"),
                   [this](const User &u) { return m_services.mfa().reset(m_actor, u.id); });
}

void UsersPanel::changeRoleOfSelected(bool add)
{
    if (selectedUsers().isEmpty())
        return;
    const auto role = Prompt::choose(
        this, add ? tr("Add role") : tr("Remove role"),
        add ? tr("Role to add to the selected users:") : tr("Role to remove from the selected users:"), roleNames());
    if (!role)
        return;
    runOnSelection(add ? tr("Adding role %1…").arg(*role) : tr("Removing role %1…").arg(*role),
                   [this, add, role = *role](const User &u) -> Status {
                       QStringList roles = u.roles;
                       if (add == roles.contains(role))
                           return success(); // already as asked
                       if (add)
                           roles << role;
                       else
                           roles.removeAll(role);
                       UserPatch patch;
                       patch.roles = roles;
                       return statusOf(m_services.users().update(m_actor, u.id, patch, u.version));
                   });
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
    const int n = int(selectedUsers().size());
    if (n == 0 ||
        !Prompt::confirm(
            this, tr("Delete users"),
            tr("Delete %n user(s)? They can no longer log in; an administrator can restore them.", nullptr, n),
            tr("Delete")))
        return;
    runOnSelection(tr("Deleting users…"),
                   [this](const User &u) { return m_services.users().remove(m_actor, u.id, false); });
}

void UsersPanel::restoreSelected()
{
    runOnSelection(tr("Restoring users…"),
                   [this](const User &u) -> Status { return statusOf(m_services.users().restore(m_actor, u.id)); });
}

void UsersPanel::purgeSelected()
{
    const int n = int(selectedUsers().size());
    if (n == 0 || !Prompt::confirm(this, tr("Purge users"),
                                   tr("Erase %n user(s) for good, with their sessions, keys and two-factor settings? "
                                      "This cannot be undone; the audit log keeps the record of the purge.",
                                      nullptr, n),
                                   tr("Purge")))
        return;
    runOnSelection(tr("Purging users…"),
                   [this](const User &u) { return m_services.users().remove(m_actor, u.id, true); });
}

void UsersPanel::importFromFile()
{
    const QString path = Prompt::openFileName(this, tr("Import users"), tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString importNow = tr("Import them");
    const auto choice = Prompt::choose(
        this, tr("Import users"), tr("Import the users of %1, or only check them?").arg(QFileInfo(path).fileName()),
        {importNow, tr("Only check them (dry run)")});
    if (choice)
        importFrom(path, *choice != importNow);
}

void UsersPanel::importFrom(const QString &path, bool dryRun)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error->showError(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    auto plan = ImportPlan::read(file.readAll(), ImportFormat::Auto, roleNames());
    if (!plan) {
        m_error->showError(describe(plan.error()));
        return;
    }
    ImportReport report = ImportReport::of(*plan, dryRun);
    const int count = int(plan->users.size());
    const QStringList done =
        BackgroundTask::run(this, dryRun ? tr("Checking users…") : tr("Importing users…"), count, [&](int i) {
            report.importUser(m_services.users(), m_actor, *plan, i);
            return QString();
        });
    m_results->clear();
    m_results->addItem((dryRun ? tr("Checked: %1 would be created, %2 already there, %3 refused")
                               : tr("Imported: %1 created, %2 already there, %3 refused"))
                           .arg(report.created)
                           .arg(report.skipped)
                           .arg(report.errors.size()));
    if (done.size() < count)
        m_results->addItem(tr("Cancelled: %n user(s) not imported", nullptr, count - int(done.size())));
    for (const ImportReport::Problem &problem : report.errors)
        m_results->addItem(tr("User %1 (%2): %3").arg(problem.index + 1).arg(problem.username, problem.message));
    if (!report.ignoredRoles.isEmpty())
        m_results->addItem(
            tr("Roles not in Keyward, not assigned: %1").arg(report.ignoredRoles.join(QStringLiteral(", "))));
    m_results->setVisible(true);
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
