#pragma once

#include "core/audit.h"
#include "core/principal.h"
#include "paged_table_model.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace keyward {

class AuditService;
class MessageBanner;

// Audit events newest first, a page at a time.
class AuditTableModel : public KeysetTableModel<AuditEvent> {
    Q_OBJECT
public:
    enum Column { Time, Actor, Action, Target, Outcome, Address, ColumnCount };

    AuditTableModel(AuditService &audit, Principal actor, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    void setFilter(const AuditFilter &filter);
    const AuditFilter &filter() const { return m_filter; }
    const AuditEvent *eventAt(int row) const { return rowAt(row); }

protected:
    Fetch fetcher() const override;
    QString key(const AuditEvent &event) const override { return QString::number(event.seq); }

private:
    AuditService &m_audit;
    Principal m_actor;
    AuditFilter m_filter;
};

// Audit: search and filter the chained event log, read an event's details, verify the chain,
// export the matching events as JSON Lines.
class AuditPanel : public QWidget {
    Q_OBJECT
public:
    AuditPanel(AuditService &audit, Principal actor, QWidget *parent = nullptr);

    AuditTableModel &model() { return *m_model; }
    QTableView &table() { return *m_table; }
    QLineEdit &actionFilter() { return *m_action; }
    QString detailsText() const;
    QString verifyResult() const;
    QString messageText() const;
    // Writes every event matching the filters to `path`, one JSON object per line, off the GUI
    // thread; returns the error, empty on success.
    QString exportTo(const QString &path);

public Q_SLOTS:
    void applyFilter();
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
    QPlainTextEdit *m_details;
    QLabel *m_verify;
    MessageBanner *m_message;
    bool m_loaded = false;
};

} // namespace keyward
