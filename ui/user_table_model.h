#pragma once

#include "core/principal.h"
#include "store/user_repository.h"

#include <QAbstractTableModel>

namespace keyward {

class UserService;

// The users table over UserService: keyset pages fetched as the view scrolls (canFetchMore /
// fetchMore), so opening a million-user base costs one page. Sorting and filtering start over
// from the first page on the service side; nothing is sorted or filtered in memory.
class UserTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Username, Email, DisplayName, Status, Roles, LastLogin, Created, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    UserTableModel(UserService &users, Principal actor, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Username, Created and LastLogin sort on the server; other columns keep the current order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(const UserFilter &filter);
    const UserFilter &filter() const { return m_filter; }
    // Reloads from the first page (after a change made elsewhere).
    void reload();
    // The matching users in the store, loaded or not.
    qint64 total() const { return m_total; }
    const User *userAt(int row) const;

Q_SIGNALS:
    void failed(const QString &message);
    void totalChanged(qint64 total);

private:
    void fetchPage(bool reset);

    UserService &m_users;
    Principal m_actor;
    UserFilter m_filter;
    QList<User> m_rows;
    QString m_nextCursor;
    qint64 m_total = 0;
};

} // namespace keyward
