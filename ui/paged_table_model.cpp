#include "paged_table_model.h"

#include <QAbstractItemView>
#include <QScrollBar>

#include <memory>

namespace keyward {

PagedTableModel::PagedTableModel(QStringList headers, QObject *parent)
    : QAbstractTableModel(parent)
    , m_headers(std::move(headers))
{
}

int PagedTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant PagedTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_headers.size())
        return {};
    return m_headers.at(section);
}

bool PagedTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_loading && !m_spans.isEmpty() && !m_spans.last().after.isEmpty();
}

void PagedTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        load(Edge::After, m_spans.last().after);
}

bool PagedTableModel::canFetchPrevious() const
{
    return !m_loading && !m_spans.isEmpty() && !m_spans.first().before.isEmpty();
}

void PagedTableModel::fetchPrevious()
{
    if (canFetchPrevious())
        load(Edge::Before, m_spans.first().before);
}

void PagedTableModel::setTotal(qint64 total)
{
    if (total == m_total)
        return;
    m_total = total;
    Q_EMIT totalChanged(total);
}

void followWindow(QAbstractItemView *view, PagedTableModel *model)
{
    // The row at the top of the viewport just before rows come or go above it.
    auto topRow = std::make_shared<int>(-1);
    const auto remember = [view, topRow](const QModelIndex &parent) {
        if (!parent.isValid())
            *topRow = view->indexAt(QPoint(0, 0)).row();
    };
    const auto keepOnScreen = [view, model, topRow](int row) {
        // Lay out now: the scroll range still fits the old row count and would clamp the scroll.
        if (*topRow >= 0) {
            view->doItemsLayout();
            view->scrollTo(model->index(qBound(0, row, model->rowCount() - 1), 0), QAbstractItemView::PositionAtTop);
        }
        *topRow = -1;
    };
    QObject::connect(model, &QAbstractItemModel::rowsAboutToBeInserted, view, remember);
    QObject::connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, view, remember);
    QObject::connect(model, &QAbstractItemModel::rowsInserted, view,
                     [keepOnScreen, topRow](const QModelIndex &parent, int first, int last) {
                         if (!parent.isValid() && first == 0)
                             keepOnScreen(*topRow + last + 1);
                     });
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, view,
                     [keepOnScreen, topRow](const QModelIndex &parent, int first, int last) {
                         if (!parent.isValid() && first == 0)
                             keepOnScreen(*topRow - (last + 1));
                     });
    QScrollBar *bar = view->verticalScrollBar();
    QObject::connect(bar, &QScrollBar::valueChanged, model, [bar, model](int value) {
        if (value == bar->minimum())
            model->fetchPrevious();
    });
}

} // namespace keyward
