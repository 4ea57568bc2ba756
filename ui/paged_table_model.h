#pragma once

#include "core/result.h"
#include "message_banner.h"

#include <QAbstractTableModel>

namespace keyward {

// A table over a service's keyset-paged list: the first page on reload, the next ones as the view
// scrolls (canFetchMore / fetchMore), so opening a million-row list costs one page. Failures and
// the matching total are signalled; nothing is sorted or filtered in memory.
class PagedTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Starts over from the first page.
    void reload() { fetchPage(true); }
    // The matching rows in the store, loaded or not.
    qint64 total() const { return m_total; }

Q_SIGNALS:
    void failed(const QString &message);
    void totalChanged(qint64 total);

protected:
    PagedTableModel(QStringList headers, QObject *parent);
    virtual void fetchPage(bool first) = 0;
    void setMore(bool more) { m_more = more; }
    void setTotal(qint64 total);

private:
    QStringList m_headers;
    bool m_more = false;
    qint64 m_total = 0;
};

// The rows of a PagedTableModel, of type Row; a subclass says how to fetch a page.
template <typename Row>
class KeysetTableModel : public PagedTableModel {
public:
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    const Row *rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr; }

protected:
    using PagedTableModel::PagedTableModel;

    struct Page {
        QList<Row> rows;
        bool more = false; // another page follows
        qint64 total = 0;
    };
    // The first page, or the one after the rows held; the subclass keeps its own cursor.
    virtual Result<Page> fetch(bool first) = 0;

    void fetchPage(bool first) override
    {
        auto result = fetch(first);
        if (!result) {
            Q_EMIT failed(describe(result.error()));
            return;
        }
        Page page = std::move(result).value();
        if (first) {
            beginResetModel();
            m_rows = std::move(page.rows);
            setMore(page.more);
            endResetModel();
        } else if (!page.rows.isEmpty()) {
            const int at = int(m_rows.size());
            beginInsertRows({}, at, at + int(page.rows.size()) - 1);
            m_rows += page.rows;
            setMore(page.more);
            endInsertRows();
        } else {
            setMore(false);
        }
        setTotal(page.total);
    }

private:
    QList<Row> m_rows;
};

} // namespace keyward
