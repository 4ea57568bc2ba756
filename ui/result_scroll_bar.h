#pragma once

#include <QScrollBar>

class QTableView;

namespace keyward {

class PagedTableModel;

// A scrollbar over the whole result of a PagedTableModel rather than the rows it holds: its range
// is the total, its handle where the rows on screen lie in it, so a million users feel like a
// million. Moved within the rows held (or a page beyond), it scrolls the view; dropped further
// away, it starts the window there (PagedTableModel::jumpTo). It stands in for the view's own
// vertical scrollbar, which is hidden but keeps serving the wheel, the keys and the paging.
class ResultScrollBar : public QScrollBar {
    Q_OBJECT
public:
    ResultScrollBar(QTableView *view, PagedTableModel *model, QWidget *parent = nullptr);

private:
    // Rows that fit on screen.
    int visibleRows() const;
    // From the view to this bar.
    void follow();
    // From this bar to the view.
    void lead(int value);

    QTableView *m_view;
    PagedTableModel *m_model;
    bool m_following = false;
    bool m_jumped = false;
    qint64 m_pending = -1; // where the bar was moved to, while the page there is read
};

} // namespace keyward
