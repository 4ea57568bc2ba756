#pragma once

#include "core/principal.h"
#include "core/result.h"

#include <QWidget>

#include <functional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;
class QTimer;

namespace keyward {

class MessageBanner;
class Services;
class UserDetailPane;
class UserTableModel;
struct User;

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
    // One line per user of the last bulk action: "name: done" or "name: why not".
    QStringList results() const;
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
    // Asks for a file (Keyward JSON or a Keycloak realm export), then imports or checks its users.
    void importFromFile();
    void exportToFile();

public:
    // Imports the users of `path` on a worker thread (or only checks them), listing each refusal.
    void importFrom(const QString &path, bool dryRun);
    // Writes every user who is not deleted to `path`: CSV when it ends in .csv, JSON otherwise.
    // Returns why not, or nothing.
    QString exportTo(const QString &path);

private:
    // An action of the panel: on the table's context menu and reachable by its shortcut.
    QAction *newAction(const QString &text, const QKeySequence &shortcut, const std::function<void()> &slot);
    void applyFilter();
    void reloadRoles();
    QStringList roleNames();
    QList<User> selectedUsers() const;
    // Runs `change` for each selected user on a worker thread, then shows what happened to each.
    void runOnSelection(const QString &label, const std::function<Status(const User &)> &change);
    void changeRoleOfSelected(bool add);

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
    MessageBanner *m_error;
    QListWidget *m_results;
    QTimer *m_debounce;
};

} // namespace keyward
