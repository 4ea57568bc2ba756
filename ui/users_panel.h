#pragma once

#include "core/principal.h"
#include "core/result.h"
#include "core/user.h"

#include <QHash>
#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace keyward {

struct ImportPlan;

class MessageBanner;
class Services;
class UserDetailPane;
class UserTableModel;
struct User;

// A view of the users table another panel can lead to: a status, deleted users shown, an order.
struct UsersView {
    std::optional<User::Status> status; // nullopt: any
    bool deleted = false;
    std::optional<int> sortColumn; // a UserTableModel column; nullopt: as it is
    Qt::SortOrder order = Qt::AscendingOrder;
};

// Users: a lazily paged table with debounced search and filters, a detail pane, and every action on
// one user or a multi-row selection. Bulk work runs off the GUI thread and lists each row's outcome.
class UsersPanel : public QWidget {
    Q_OBJECT
public:
    UsersPanel(Services &services, Principal actor, QWidget *parent = nullptr);

    UserTableModel &model() { return *m_model; }
    QTableView &table() { return *m_table; }
    QLineEdit &search() { return *m_search; }
    QComboBox &roleFilter() { return *m_role; }
    UserDetailPane &details() { return *m_details; }
    // The outcome of the last bulk action: a summary ("198 done, 2 refused"), then one line per
    // refused user ("name: why not"). Empty once dismissed.
    QStringList results() const;
    // What the selection covers, as shown beside the filters ("3 selected", "All 9,999 matching
    // selected"); empty with nothing selected.
    QString selectionText() const;
    // The number of users the next bulk action applies to.
    qint64 selectionCount() const;
    // Where the rows on screen are in the whole result: "Rows 201–240 of 9,999".
    QString positionText() const;
    // The panel's action named `name` (its object name: "disable", "unlock", "restore", "undo", ...).
    QAction *action(const QString &name) const;
    // The last action's failure as the service worded it; empty after a success.
    QString errorText() const;

public Q_SLOTS:
    void newUser();
    void editSelected();
    void setSelectedEnabled(bool enabled);
    void unlockSelected();
    void resetPassword();
    void revokeSessionsOfSelected();
    void resetMfaOfSelected();
    void addRoleToSelected();
    void removeRoleFromSelected();
    void deleteSelected();
    void restoreSelected();
    void purgeSelected();
    void refresh();
    // Lists this user (searching for its username, deleted ones shown if it is one) and shows it
    // in the detail pane: where a click on an audit event leads.
    void revealUser(const QString &id);
    // Lists the users of `view`, with no search or role filter: where a click on the Overview leads.
    void showUsers(const UsersView &view);
    // Extends the selection to every user matching the search and filters, loaded or not; a bulk
    // action then runs over them through the service, a page at a time.
    void selectAllMatching();
    // Reverses the last bulk action or role change that can be reversed (through the services,
    // audited as any change), for the users it changed.
    void undoLast();
    // The import wizard (file, format found, preview, a check of every user), then the import.
    void importFromFile();
    void exportToFile();

public:
    // Imports the users of `plan` on a worker thread, with progress and Cancel (or only checks
    // them), listing each refusal.
    void importPlan(const ImportPlan &plan, bool dryRun);
    // Writes every user who is not deleted to `path`: CSV when it ends in .csv, JSON otherwise.
    // Returns why not, or nothing.
    QString exportTo(const QString &path);

private:
    // A change applied to many users: what it asks first, what it does to each, how it is undone.
    struct BulkAction {
        QString progress;                                 // "Disabling users…"
        std::function<QString(qint64 count)> question;    // the confirmation; empty: none is asked
        QString verb;                                     // the confirming button
        bool confirmOne = false;                          // ask even when only one user is selected
        std::function<Result<bool>(const User &)> change; // true: changed; false: it already was so
        QString undoText;                                 // names the undo; empty: cannot be undone
        std::function<Result<bool>(const User &)> undo;   // puts back a user `change` changed
    };
    // The i-th user an action applies to, or nullopt past the last one.
    using Targets = std::function<Result<std::optional<User>>(int i)>;

    // An action of the panel: on the table's context menu and reachable by its shortcut.
    QAction *newAction(const QString &name, const QString &text, const QKeySequence &shortcut,
                       const std::function<void()> &slot);
    void applyFilter();
    void reloadRoles();
    QStringList roleNames();
    QList<User> selectedUsers() const;
    // The selection changed: the count beside the filters and the actions that apply to it.
    void selectionChanged();
    void updateActions();
    void updatePosition();
    // Runs `action` over the selection (rows, or every matching user) after asking, when it asks.
    void runOnSelection(const BulkAction &action);
    // The users a change changed, with the version it left each at.
    using Changed = QHash<QString, qint64>;
    // Runs `change` for `count` users from `targets` on a worker thread, then summarises; records
    // in `changed` (when given) whom it changed.
    void runBulk(const QString &progress, qint64 count, const Targets &targets,
                 const std::function<Result<bool>(const User &)> &change, Changed *changed);
    void changeRoleOfSelected(bool add);
    void rememberUndo(const QString &text, Changed changed, std::function<Result<bool>(const User &)> undo);

    Services &m_services;
    Principal m_actor;
    UserTableModel *m_model;
    QTableView *m_table;
    UserDetailPane *m_details;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_role;
    QCheckBox *m_deleted;
    QLabel *m_total;
    QLabel *m_selection;
    QLabel *m_position;
    QToolButton *m_selectAllMatching;
    // "Select all matching": the filter it was chosen for and how many matched then.
    struct AllMatching {
        UserFilter filter;
        qint64 total = 0;
    };
    std::optional<AllMatching> m_allMatching;
    MessageBanner *m_error;
    QWidget *m_resultsBox;
    QListWidget *m_results;
    QTimer *m_debounce;
    // The last reversible change: the users it changed and how each is put back.
    struct Undo {
        QString text;
        Changed changed;
        std::function<Result<bool>(const User &)> undo;
    };
    std::optional<Undo> m_undo;
};

} // namespace keyward
