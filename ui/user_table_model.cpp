#include "user_table_model.h"

#include "message_banner.h"
#include "services/user_service.h"
#include "time_text.h"

#include <QDateTime>

namespace keyward {

namespace {

constexpr int PageSize = 200;

QString when(qint64 ms)
{
    return TimeText::at(ms, UserTableModel::tr("never"));
}

} // namespace

UserTableModel::UserTableModel(UserService &users, Principal actor, QObject *parent)
    : QAbstractTableModel(parent)
    , m_users(users)
    , m_actor(std::move(actor))
{
    m_filter.limit = PageSize;
}

int UserTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int UserTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const User *UserTableModel::userAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

QVariant UserTableModel::data(const QModelIndex &index, int role) const
{
    const User *u = userAt(index.row());
    if (!u)
        return {};
    if (role == IdRole)
        return u->id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Username:
        return u->username;
    case Email:
        return u->email;
    case DisplayName:
        return u->displayName;
    case Status:
        if (u->deletedAt > 0)
            return tr("deleted");
        if (u->lockedUntil > QDateTime::currentMSecsSinceEpoch())
            return tr("locked");
        return u->status == QLatin1String("active") ? tr("active") : tr("disabled");
    case Roles:
        return u->roles.join(QStringLiteral(", "));
    case LastLogin:
        return when(u->lastLoginAt);
    case Created:
        return when(u->createdAt);
    default:
        return {};
    }
}

QVariant UserTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Username:
        return tr("Username");
    case Email:
        return tr("Email");
    case DisplayName:
        return tr("Display name");
    case Status:
        return tr("Status");
    case Roles:
        return tr("Roles");
    case LastLogin:
        return tr("Last login");
    case Created:
        return tr("Created");
    default:
        return {};
    }
}

bool UserTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_nextCursor.isEmpty();
}

void UserTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        fetchPage(false);
}

void UserTableModel::sort(int column, Qt::SortOrder order)
{
    QString key;
    if (column == Username)
        key = QStringLiteral("username");
    else if (column == Created)
        key = QStringLiteral("created_at");
    else if (column == LastLogin)
        key = QStringLiteral("last_login_at");
    else
        return;
    m_filter.sort = order == Qt::DescendingOrder ? QLatin1Char('-') + key : key;
    reload();
}

void UserTableModel::setFilter(const UserFilter &filter)
{
    const QString sort = m_filter.sort;
    m_filter = filter;
    m_filter.sort = sort;
    m_filter.limit = PageSize;
    reload();
}

void UserTableModel::reload()
{
    fetchPage(true);
}

void UserTableModel::fetchPage(bool reset)
{
    UserFilter page = m_filter;
    page.cursor = reset ? QString() : m_nextCursor;
    auto result = m_users.list(m_actor, page);
    if (!result) {
        Q_EMIT failed(describe(result.error()));
        return;
    }
    UserPage p = std::move(result).value();
    if (reset) {
        beginResetModel();
        m_rows = std::move(p.items);
        m_nextCursor = p.nextCursor;
        endResetModel();
    } else if (!p.items.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(p.items.size()) - 1);
        m_rows += p.items;
        m_nextCursor = p.nextCursor;
        endInsertRows();
    } else {
        m_nextCursor.clear();
    }
    if (m_total != p.total) {
        m_total = p.total;
        Q_EMIT totalChanged(m_total);
    }
}

} // namespace keyward
