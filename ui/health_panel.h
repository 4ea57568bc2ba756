#pragma once

#include "service_thread.h"
#include "services/health_service.h"

#include <QWidget>

class QLabel;
class QTimer;
class QTreeWidget;

namespace keyward {

// Health: every component's state, reason and details, checked every two seconds while shown. The
// checks run on a thread of their own (a slow database must not freeze the window); the table
// shows the last completed report.
class HealthPanel : public QWidget {
    Q_OBJECT
public:
    explicit HealthPanel(HealthService &health, QWidget *parent = nullptr);

    QTreeWidget &components() { return *m_tree; }
    QString overall() const;

    // Whether a check is under way.
    bool checking() const { return m_checking; }

public Q_SLOTS:
    // Starts a check unless one is under way; the table follows when it completes.
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showReport(const HealthService::Report &report);

    HealthService &m_health;
    QLabel *m_overall;
    QTreeWidget *m_tree;
    QTimer *m_timer;
    ServiceThread *m_thread;
    bool m_checking = false;
};

} // namespace keyward
