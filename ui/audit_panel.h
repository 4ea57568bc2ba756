#pragma once

#include "core/audit.h"
#include "core/principal.h"
#include "paged_table_model.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace keyward {

class AuditService;
class MessageBanner;
class UserService;

// An audit event with its actor and target named as people read them (AuditNames).
struct AuditRow {
    AuditEvent event;
    QString actor;
    QString target;
};

// Audit events newest first, a page at a time, with usernames rather than ids.
class AuditTableModel : public KeysetTableModel<AuditRow> {
    Q_OBJECT
public:
    enum Column { Time, Actor, Action, Target, Outcome, Address, ColumnCount };
    // The id of the user an event is about (AuditNames::userOf), for going to that user.
    static constexpr int UserIdRole = Qt::UserRole + 1;

    AuditTableModel(AuditService &audit, UserService &users, Principal actor, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    void setFilter(const AuditFilter &filter);
    const AuditFilter &filter() const { return m_filter; }
    const AuditEvent *eventAt(int row) const { return rowAt(row) ? &rowAt(row)->event : nullptr; }

protected:
    Fetch fetcher() const override;
    QString key(const AuditRow &row) const override { return QString::number(row.event.seq); }

private:
    AuditService &m_audit;
    UserService &m_users;
    Principal m_actor;
    AuditFilter m_filter;
};

// Audit: search and filter the chained event log, read an event's details, verify the chain,
// export the matching events as JSON Lines.
class AuditPanel : public QWidget {
    Q_OBJECT
public:
    AuditPanel(AuditService &audit, UserService &users, Principal actor, QWidget *parent = nullptr);

    AuditTableModel &model() { return *m_model; }
    QTableView &table() { return *m_table; }
    QLineEdit &actionFilter() { return *m_action; }
    // The date range searched (inclusive days); the earliest date stands for "any".
    QDateEdit &fromDate() { return *m_from; }
    QDateEdit &toDate() { return *m_to; }
    QString detailsText() const;
    QString verifyResult() const;
    QString messageText() const;
    // Writes every event matching the filters to `path`, one JSON object per line, off the GUI
    // thread; returns the error, empty on success.
    QString exportTo(const QString &path);

Q_SIGNALS:
    // An event was opened (double-click, Enter) that is about this user.
    void userActivated(const QString &userId);

public Q_SLOTS:
    void applyFilter();
    // Lists the events of `action` with `outcome` (empty: any) over the last `days` days (0: all
    // time), every other filter cleared: where a click on the Overview leads.
    void showEvents(const QString &action, const QString &outcome, int days);
    void verifyChain();
    void exportToFile();

protected:
    void showEvent(QShowEvent *event) override;

private:
    AuditService &m_audit;
    Principal m_actor;
    AuditTableModel *m_model;
    QTableView *m_table;
    QLineEdit *m_actorFilter;
    QLineEdit *m_action;
    QLineEdit *m_target;
    QComboBox *m_outcome;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QPlainTextEdit *m_details;
    QLabel *m_verify;
    MessageBanner *m_message;
    bool m_loaded = false;
};

} // namespace keyward
