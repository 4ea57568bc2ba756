#pragma once

#include "core/principal.h"
#include "core/user.h"
#include "paged_table_model.h"

namespace keyward {

class UserService;

// The users table over UserService, a page at a time. Username, Created and LastLogin sort on the
// server (starting over from the first page); other columns keep the current order. Deleted users
// show in italics and the palette's disabled colour.
class UserTableModel : public KeysetTableModel<User> {
    Q_OBJECT
public:
    enum Column { Username, Email, DisplayName, Status, Roles, LastLogin, Created, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    UserTableModel(UserService &users, Principal actor, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // Whether the server can order the list by `column`.
    static bool sortable(int column);
    // The column and direction the list is ordered by.
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;

    void setFilter(const UserFilter &filter);
    const UserFilter &filter() const { return m_filter; }
    const User *userAt(int row) const { return rowAt(row); }

protected:
    Fetch fetcher() const override;
    Fetch fetcherAt(qint64 offset) const override;
    QString key(const User &user) const override { return user.id; }

private:
    UserService &m_users;
    Principal m_actor;
    UserFilter m_filter;
};

} // namespace keyward
