#pragma once

#include "core/result.h"

#include <QWidget>

#include <functional>

class QHBoxLayout;
class QTableWidget;
class QTimer;

namespace keyward {

class MessageBanner;

// The shape of the short-list panels (roles, API keys): a row of buttons with Refresh at its end,
// a message line and a read-only table selected by row. The list is read again when the panel is
// shown and every few seconds while it is, so changes made through the API or on another node
// appear without Refresh; the current row stays current.
class ListPanel : public QWidget {
    Q_OBJECT
public:
    QTableWidget &table() { return *m_table; }
    // The last action's failure as the service worded it; empty after a success.
    QString errorText() const;
    // How often the list is read again while shown.
    void setRefreshInterval(int ms);

public Q_SLOTS:
    virtual void refresh() = 0;

protected:
    // `stretchColumn` takes the spare width.
    ListPanel(const QStringList &headers, int stretchColumn, QWidget *parent);
    void addButton(const QString &text, const std::function<void()> &action);
    // Fills the table, one list of cells per row; `ids` (same order) become each row's IdRole.
    void setRows(const QList<QStringList> &rows, const QStringList &ids = {});
    // The id (or first cell) of the current row; empty without one.
    QString currentId() const;
    QString currentName() const;
    // Asks `question` (its %1: the current row's name) and, once confirmed, runs `action` on the
    // row's id; a failure shows in the message line, and the list is read again either way.
    void confirmAndApply(const QString &title, const QString &question, const QString &confirm,
                         const std::function<Status(const QString &id)> &action);
    MessageBanner &message() { return *m_message; }

private:
    QTableWidget *m_table;
    MessageBanner *m_message;
    QHBoxLayout *m_buttons;
    QTimer *m_live;
};

} // namespace keyward
