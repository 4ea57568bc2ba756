#pragma once

#include "core/result.h"
#include "message_banner.h"
#include "service_thread.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>

class QAbstractItemView;

namespace keyward {

// A table over a service's keyset-paged list, held as a sliding window of pages: the first page on
// reload, the next ones as the view scrolls down (canFetchMore / fetchMore), earlier ones as it
// scrolls back up (fetchPrevious). Beyond maxPages the page at the far end is dropped, so a list of
// a million rows costs a few pages of memory however far it is scrolled. Failures and the matching
// total are signalled; nothing is sorted or filtered in memory.
//
// Given a ServiceThread, pages are read there and applied when they arrive, so a search that
// counts a million rows never freezes the window: one page at a time while scrolling, and a new
// reload makes the answers of older requests moot. Without one, every call completes at once.
class PagedTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Rows before the window were dropped, or the window did not start at the first page.
    bool canFetchPrevious() const;
    void fetchPrevious();

    // Starts over from the first page.
    void reload() { load(Edge::Start, {}); }
    // Starts the window at row `offset` of the result, where a scrollbar over the whole result was
    // dropped; a model whose service cannot start a page there starts over from the first page.
    virtual void jumpTo(qint64 offset) = 0;
    // Reads the pages held again, in place: the view keeps its position and selection.
    virtual void refresh() = 0;
    // The matching rows in the store, loaded or not.
    qint64 total() const { return m_total; }
    // Reads pages on `thread` from now on (nullptr: on the caller's thread, at once).
    void setServiceThread(ServiceThread *thread) { m_thread = thread; }
    // Whether a page is being read on the service thread.
    bool loading() const { return m_loading; }
    // How many rows of the whole result come before the first one held: row r of the model is
    // row windowOffset() + r of the result.
    qint64 windowOffset() const { return m_offset; }

    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows) { m_pageSize = rows; }
    int maxPages() const { return m_maxPages; }
    void setMaxPages(int pages) { m_maxPages = qMax(2, pages); }

Q_SIGNALS:
    void failed(const QString &message);
    void totalChanged(qint64 total);
    // A read was applied (or failed).
    void loaded();

protected:
    // Where a fetched page goes: replacing everything, above the window or below it.
    enum class Edge { Start, Before, After };
    // The rows of one fetched page, the cursors around them and the cursor that fetched them.
    struct Span {
        int rows = 0;
        QString before; // empty: nothing precedes
        QString after;  // empty: nothing follows
        QString from;   // empty: the first page, or the page at row `at`
        qint64 at = 0;
    };

    PagedTableModel(QStringList headers, QObject *parent);
    virtual void load(Edge edge, const QString &cursor) = 0;
    void setTotal(qint64 total);

    QList<Span> m_spans; // the pages held, top to bottom
    qint64 m_offset = 0; // rows of the result above the window
    ServiceThread *m_thread = nullptr;
    bool m_loading = false;
    quint64 m_ticket = 0; // the latest request; answers to older ones are dropped

private:
    QStringList m_headers;
    qint64 m_total = 0;
    int m_pageSize = 200;
    int m_maxPages = 5;
};

// Keeps a view on a PagedTableModel steady while the window slides (the rows on screen stay on
// screen when pages come or go above them) and fetches earlier pages when it reaches the top.
void followWindow(QAbstractItemView *view, PagedTableModel *model);

// The rows of a PagedTableModel, of type Row; a subclass says how to fetch a page and how to tell
// rows apart.
template <typename Row>
class KeysetTableModel : public PagedTableModel {
public:
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    const Row *rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr; }

    void jumpTo(qint64 offset) override
    {
        const Fetch fetchAt = fetcherAt(offset);
        if (offset <= 0 || !fetchAt)
            return reload();
        m_reloadPending = true;
        run([fetchAt] { return fetchAt({}, false); },
            [this, offset](Result<Page> page) {
                if (page && page->rows.isEmpty())
                    return reload(); // the result shrank meanwhile: nothing lies there any more
                apply(Edge::Start, {}, std::move(page), offset);
            });
    }

    void refresh() override
    {
        // Before a reload's first page has come, the pages held belong to the old filter or order.
        if (m_spans.isEmpty() || m_reloadPending)
            return reload();
        const auto fetchPage = fetcher();
        const Span &top = m_spans.first();
        const auto fetchFirst = top.from.isEmpty() && top.at > 0 ? fetcherAt(top.at) : fetchPage;
        const auto work = [fetchFirst, fetchPage, from = top.from, at = top.at, pages = m_spans.size()] {
            return refetch(fetchFirst, fetchPage, from, at, pages);
        };
        run(work, [this](Result<Refetched> result) { applyRefetched(std::move(result)); });
    }

protected:
    using PagedTableModel::PagedTableModel;

    struct Page {
        QList<Row> rows;
        QString before;    // the cursor to the rows before these; empty: none
        QString after;     // the cursor to the rows after these; empty: none
        qint64 total = -1; // -1: not counted
    };
    // Reads the page at a cursor (empty: the first page), counting the matching rows when asked.
    using Fetch = std::function<Result<Page>(const QString &cursor, bool count)>;
    // How to read a page as the list stands now (its filter, order and page size, copied): the
    // function may run on the service thread, while the model changes on this one.
    virtual Fetch fetcher() const = 0;
    // The same, for the page that starts at row `offset` of the result (the cursor given is empty);
    // empty when the service cannot start a page there.
    virtual Fetch fetcherAt(qint64 offset) const
    {
        Q_UNUSED(offset);
        return {};
    }
    // What tells a row apart from the others, whatever page it comes in.
    virtual QString key(const Row &row) const = 0;

    void load(Edge edge, const QString &cursor) override
    {
        if (edge == Edge::Start)
            m_reloadPending = true;
        const auto work = [fetchPage = fetcher(), cursor, count = edge == Edge::Start] {
            return fetchPage(cursor, count);
        };
        run(work, [this, edge, cursor](Result<Page> page) { apply(edge, cursor, std::move(page)); });
    }

private:
    // The pages held, read again from their first cursor.
    struct Refetched {
        QList<Row> rows;
        QList<Span> spans;
        qint64 total = -1;
    };

    // Runs `work` here or on the service thread, then `done` with its result here. A reload
    // supersedes whatever is under way; scrolling asks for one page at a time.
    template <typename Work, typename Done>
    void run(Work work, Done done)
    {
        const quint64 ticket = ++m_ticket;
        m_loading = true;
        auto finish = [this, ticket, done = std::move(done)](auto result) mutable {
            if (ticket != m_ticket)
                return; // a newer request is under way
            // Still loading while `done` applies the page: a view that lays itself out on the
            // change (and so scrolls) must not ask for a page at a cursor not yet moved past it.
            done(std::move(result));
            if (ticket == m_ticket) // `done` may have started a newer request
                m_loading = false;
            Q_EMIT loaded();
        };
        if (!m_thread)
            return finish(work());
        m_thread->run(this, std::move(work), std::move(finish));
    }

    // The pages from `cursor` (or, with none, from row `at`): the first by `fetchFirst`, the rest
    // by `fetchPage`.
    static Result<Refetched> refetch(const Fetch &fetchFirst, const Fetch &fetchPage, QString cursor, qint64 at,
                                     qsizetype pages)
    {
        Refetched out;
        for (qsizetype i = 0; i < pages; ++i) {
            auto result = (i == 0 ? fetchFirst : fetchPage)(cursor, i == 0);
            if (!result)
                return result.error();
            if (i == 0)
                out.total = result->total;
            out.spans.append({int(result->rows.size()), result->before, result->after, cursor, i == 0 ? at : 0});
            out.rows += result->rows;
            cursor = result->after;
            if (cursor.isEmpty())
                break;
        }
        return out;
    }

    void applyRefetched(Result<Refetched> result)
    {
        if (!result) {
            Q_EMIT failed(describe(result.error()));
            return;
        }
        // Everything held is gone (deleted, or filtered out by the change): start over at the top
        // rather than show an empty window with rows beyond it.
        if (result->rows.isEmpty())
            return reload();
        // Rows that are still there keep their selection and place on screen.
        Q_EMIT layoutAboutToBeChanged();
        QHash<QString, int> newRow;
        for (qsizetype i = 0; i < result->rows.size(); ++i)
            newRow.insert(key(result->rows.at(i)), int(i));
        const QModelIndexList before = persistentIndexList();
        QModelIndexList after;
        for (const QModelIndex &index : before) {
            const int row = newRow.value(key(m_rows.at(index.row())), -1);
            after << (row < 0 ? QModelIndex() : this->index(row, index.column()));
        }
        m_rows = std::move(result->rows);
        m_spans = std::move(result->spans);
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged();
        if (result->total >= 0)
            setTotal(result->total);
    }

    // `at`: the row of the result a page fetched by offset starts at.
    void apply(Edge edge, const QString &cursor, Result<Page> result, qint64 at = 0)
    {
        if (!result) {
            Q_EMIT failed(describe(result.error()));
            return;
        }
        Page page = std::move(result).value();
        const int n = int(page.rows.size());
        const Span span{n, page.before, page.after, cursor, at};
        if (edge == Edge::Start) {
            m_reloadPending = false;
            beginResetModel();
            m_rows = std::move(page.rows);
            m_spans = {span};
            m_offset = at;
            endResetModel();
        } else if (m_spans.isEmpty()) {
            return; // reset meanwhile: the page belongs to a list no longer shown
        } else if (n == 0) {
            // The rows that were there went away meanwhile: this end of the list is reached.
            (edge == Edge::After ? m_spans.last().after : m_spans.first().before).clear();
        } else if (edge == Edge::After) {
            const int end = int(m_rows.size());
            beginInsertRows({}, end, end + n - 1);
            m_rows += page.rows;
            m_spans.append(span);
            endInsertRows();
            while (m_spans.size() > maxPages())
                drop(Edge::Before);
        } else {
            // Back at the first page, the window starts the result again (rows may have come or gone).
            m_offset = page.before.isEmpty() ? 0 : qMax<qint64>(0, m_offset - n);
            beginInsertRows({}, 0, n - 1);
            m_rows = page.rows + m_rows;
            m_spans.prepend(span);
            endInsertRows();
            while (m_spans.size() > maxPages())
                drop(Edge::After);
        }
        if (page.total >= 0)
            setTotal(page.total);
    }

    // Drops the page held at one end of the window.
    void drop(Edge end)
    {
        const int n = end == Edge::Before ? m_spans.first().rows : m_spans.last().rows;
        const int first = end == Edge::Before ? 0 : int(m_rows.size()) - n;
        beginRemoveRows({}, first, first + n - 1);
        m_rows.remove(first, n);
        if (end == Edge::Before) {
            m_spans.removeFirst();
            m_offset += n;
        } else
            m_spans.removeLast();
        endRemoveRows();
    }

    QList<Row> m_rows;
    bool m_reloadPending = false; // a reload was asked for and its first page has not been applied
};

} // namespace keyward
