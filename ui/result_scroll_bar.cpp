#include "result_scroll_bar.h"

#include "paged_table_model.h"

#include <QHeaderView>
#include <QTableView>

#include <algorithm>
#include <limits>

namespace keyward {

ResultScrollBar::ResultScrollBar(QTableView *view, PagedTableModel *model, QWidget *parent)
    : QScrollBar(Qt::Vertical, parent)
    , m_view(view)
    , m_model(model)
{
    setObjectName(QStringLiteral("resultScrollBar"));
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QScrollBar *own = m_view->verticalScrollBar();
    connect(own, &QScrollBar::valueChanged, this, &ResultScrollBar::follow);
    connect(own, &QScrollBar::rangeChanged, this, &ResultScrollBar::follow);
    connect(m_model, &PagedTableModel::totalChanged, this, &ResultScrollBar::follow);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ResultScrollBar::follow);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ResultScrollBar::follow);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ResultScrollBar::follow);
    connect(m_model, &PagedTableModel::loaded, this, [this] {
        // After a jump the window starts where the bar was dropped: a page above it comes next, so
        // that scrolling up from there finds rows (the view asks for them only when it moves).
        if (std::exchange(m_jumped, false))
            m_model->fetchPrevious();
        else if (const qint64 target = std::exchange(m_pending, -1); target >= 0)
            lead(int(target));
        follow();
    });
    connect(this, &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_following && !isSliderDown())
            lead(value);
    });
    connect(this, &QScrollBar::sliderReleased, this, [this] { lead(value()); });
    follow();
}

int ResultScrollBar::visibleRows() const
{
    const int rowHeight =
        m_model->rowCount() > 0 ? m_view->rowHeight(0) : m_view->verticalHeader()->defaultSectionSize();
    return qMax(1, m_view->viewport()->height() / qMax(1, rowHeight));
}

void ResultScrollBar::follow()
{
    if (isSliderDown())
        return; // the admin is dragging: the bar is theirs until they let go
    const int rows = m_model->rowCount();
    const qint64 offset = m_model->windowOffset();
    const qint64 total = qMax<qint64>(m_model->total(), offset + rows);
    const int visible = visibleRows();
    m_following = true;
    setRange(0, int(std::clamp<qint64>(total - visible, 0, std::numeric_limits<int>::max())));
    setPageStep(visible);
    setSingleStep(1);
    setValue(int(offset + qMax(0, m_view->rowAt(0))));
    m_following = false;
    setVisible(total > visible);
}

void ResultScrollBar::lead(int value)
{
    const int rows = m_model->rowCount();
    const qint64 offset = m_model->windowOffset();
    const qint64 lastTop = offset + qMax(0, rows - visibleRows());
    const qint64 reach = m_model->pageSize();
    if (rows == 0 || value < offset - reach || value > lastTop + reach) {
        m_jumped = true;
        m_model->jumpTo(value);
        return;
    }
    m_view->doItemsLayout(); // the scroll range may still fit rows that came or went
    m_view->scrollTo(m_model->index(int(std::clamp<qint64>(value - offset, 0, rows - 1)), 0),
                     QAbstractItemView::PositionAtTop);
    // Within a page beyond either end: that page is read (the view may have asked for it already,
    // reaching its end), and the view scrolls there once it is in.
    m_pending = -1;
    if (value > lastTop && (m_model->canFetchMore({}) || m_model->loading())) {
        m_pending = value;
        m_model->fetchMore({});
    } else if (value < offset && (m_model->canFetchPrevious() || m_model->loading())) {
        m_pending = value;
        m_model->fetchPrevious();
    }
}

} // namespace keyward
