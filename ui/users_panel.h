#pragma once

#include "core/principal.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace keyward {

class UserService;
class UserTableModel;
struct User;

// Users: a lazily paged table with debounced search and filters, and the everyday actions.
class UsersPanel : public QWidget {
    Q_OBJECT
public:
    UsersPanel(UserService &users, Principal actor, QWidget *parent = nullptr);

    UserTableModel &model() { return *m_model; }
    QTableView &table() { return *m_table; }
    QLineEdit &search() { return *m_search; }
    // The last action's failure as the service worded it; empty after a success.
    QString errorText() const;

public Q_SLOTS:
    void newUser();
    void editSelected();
    void setSelectedEnabled(bool enabled);
    void unlockSelected();
    void deleteSelected();

private:
    void applyFilter();
    void showResult(const QString &error);
    QStringList selectedIds() const;
    const User *currentUser() const;

    UserService &m_users;
    Principal m_actor;
    UserTableModel *m_model;
    QTableView *m_table;
    QLineEdit *m_search;
    QComboBox *m_status;
    QCheckBox *m_deleted;
    QLabel *m_total;
    QLabel *m_error;
    QTimer *m_debounce;
};

} // namespace keyward
