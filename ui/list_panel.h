#pragma once

#include "core/result.h"
#include "message_banner.h"

#include <QDialog>
#include <QWidget>

#include <functional>
#include <optional>
#include <type_traits>

class QHBoxLayout;
class QTableWidget;
class QTimer;

namespace keyward {

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

    // A form `Dialog` (existing item or null, save, parent) for a new item, which `create(item)`
    // registers; returns what it made (say, with a secret to show once), nullopt when cancelled.
    template <typename Dialog, typename Create>
    auto createWithDialog(Create create)
    {
        using Made = std::decay_t<decltype(*create(std::declval<const typename Dialog::Item &>()))>;
        std::optional<Made> made;
        Dialog dialog(
            nullptr,
            [&](const typename Dialog::Item &item) -> std::optional<ApiError> {
                auto result = create(item);
                if (!result)
                    return result.error();
                made = *result;
                return std::nullopt;
            },
            this);
        if (dialog.exec() != QDialog::Accepted)
            return std::optional<Made>();
        message().clear();
        refresh();
        return made;
    }

    // The current row's item, read by `get(id)`, in a form `Dialog`; saved by
    // `update(id, item, version)` over the version read only, so that someone else's change in
    // between is not overwritten.
    template <typename Dialog, typename Get, typename Update>
    void editWithDialog(Get get, Update update)
    {
        const QString id = currentId();
        if (id.isEmpty())
            return;
        auto existing = get(id);
        if (!existing) {
            message().showError(describe(existing.error()));
            return;
        }
        const qint64 version = existing->version;
        Dialog dialog(
            &*existing,
            [&](const typename Dialog::Item &item) -> std::optional<ApiError> {
                auto saved = update(id, item, version);
                return saved ? std::nullopt : std::optional<ApiError>(saved.error());
            },
            this);
        if (dialog.exec() == QDialog::Accepted)
            message().clear();
        refresh();
    }

private:
    QTableWidget *m_table;
    MessageBanner *m_message;
    QHBoxLayout *m_buttons;
    QTimer *m_live;
};

} // namespace keyward
