#include "user_table_model.h"

#include "message_banner.h"
#include "services/user_service.h"
#include "time_text.h"

#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>
#include <iterator>
#include <utility>

namespace keyward {

namespace {

QString when(qint64 ms)
{
    return TimeText::at(ms, UserTableModel::tr("never"));
}

} // namespace

UserTableModel::UserTableModel(UserService &users, Principal actor, QObject *parent)
    : KeysetTableModel<User>(
          {tr("Username"), tr("Email"), tr("Display name"), tr("Status"), tr("Roles"), tr("Last login"), tr("Created")},
          parent)
    , m_users(users)
    , m_actor(std::move(actor))
{
}

QVariant UserTableModel::data(const QModelIndex &index, int role) const
{
    const User *u = userAt(index.row());
    if (!u)
        return {};
    if (role == IdRole)
        return u->id;
    if (role == Qt::FontRole && u->isDeleted()) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role == Qt::ForegroundRole && u->isDeleted())
        return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
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
        return u->isActive() ? tr("active") : tr("disabled");
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

namespace {

// The columns the server can order by, and the sort key it knows each by.
constexpr std::pair<int, const char *> SortKeys[] = {{UserTableModel::Username, "username"},
                                                     {UserTableModel::Created, "created_at"},
                                                     {UserTableModel::LastLogin, "last_login_at"}};

} // namespace

bool UserTableModel::sortable(int column)
{
    return std::any_of(std::begin(SortKeys), std::end(SortKeys), [column](const auto &k) { return k.first == column; });
}

int UserTableModel::sortColumn() const
{
    const QString key = m_filter.sort.startsWith(u'-') ? m_filter.sort.mid(1) : m_filter.sort;
    for (const auto &[column, name] : SortKeys)
        if (key == QLatin1String(name))
            return column;
    return Created; // the service's default order
}

Qt::SortOrder UserTableModel::sortOrder() const
{
    return m_filter.sort.startsWith(u'-') ? Qt::DescendingOrder : Qt::AscendingOrder;
}

void UserTableModel::sort(int column, Qt::SortOrder order)
{
    for (const auto &[sortable, name] : SortKeys)
        if (sortable == column) {
            const QString key = QLatin1String(name);
            m_filter.sort = order == Qt::DescendingOrder ? QLatin1Char('-') + key : key;
            reload();
            return;
        }
}

void UserTableModel::setFilter(const UserFilter &filter)
{
    const QString sort = m_filter.sort;
    m_filter = filter;
    m_filter.sort = sort;
    reload();
}

UserTableModel::Fetch UserTableModel::fetcher() const
{
    return fetcherAt(0);
}

UserTableModel::Fetch UserTableModel::fetcherAt(qint64 offset) const
{
    UserFilter filter = m_filter;
    filter.limit = pageSize();
    filter.offset = offset;
    return [&users = m_users, actor = m_actor, filter](const QString &cursor, bool count) -> Result<Page> {
        UserFilter f = filter;
        f.cursor = cursor;
        if (!cursor.isEmpty())
            f.offset = 0; // a cursor says where by itself
        f.countTotal = count;
        auto result = users.list(actor, f);
        if (!result)
            return result.error();
        return Page{std::move(result->items), result->prevCursor, result->nextCursor, result->total};
    };
}

} // namespace keyward
