#pragma once

#include "core/principal.h"
#include "core/result.h"
#include "services/backup_service.h"
#include "services/overview_service.h"
#include "users_panel.h"

#include <QWidget>

class QChart;
class QGridLayout;
class QLabel;
class QLineSeries;
class QToolButton;
class QTreeWidget;

namespace keyward {

class AlertMonitor;
class MessageBanner;
class MetricsSampler;
class ServiceThread;

// Overview, the first panel: the user base by status (active, disabled, locked, deleted, never
// signed in, MFA adoption), sign-ups and logins per day for 30 days, active sessions, the
// addresses most logins fail from, the share of 4xx/429/5xx responses, health, the signing key's
// age and the last backup, with the console's alerts on top. Each tile leads to the panel that
// explains it. Counts come from counters the database keeps; they refresh every five seconds while
// shown, read on a thread of their own.
class OverviewPanel : public QWidget {
    Q_OBJECT
public:
    OverviewPanel(OverviewService &overview, BackupService &backup, MetricsSampler &sampler, AlertMonitor &alerts,
                  Principal actor, QWidget *parent = nullptr);

    // The tile called `name`: active, disabled, locked, deleted, never, mfa, sessions, requests,
    // health, key, backup. Its text is the value, then what it counts.
    QToolButton *tile(const QString &name) const;
    // The points of the activity chart: 0 new users, 1 logins, 2 failed logins; x in epoch ms.
    QList<QPointF> activity(int series) const;
    QTreeWidget &failingAddresses() { return *m_addresses; }
    QString alertText() const;
    // What the last "Back up now" said.
    QString backupMessage() const;
    bool loading() const { return m_loading; }

public Q_SLOTS:
    // Reads the counters again (after the read under way, if there is one).
    void refresh();
    // Asks for a file and writes a backup of the database to it, off the GUI thread.
    void backUpNow();

Q_SIGNALS:
    void usersRequested(const keyward::UsersView &view);
    void auditRequested(const QString &action, const QString &outcome, int days);
    void metricsRequested();
    void healthRequested();

private:
    QToolButton *addTile(QGridLayout *grid, const QString &name, const QString &caption, const QString &tip, int row,
                         int column, std::function<void()> open, int columns = 1);
    void setTile(const QString &name, const QString &value, const QString &caption = {});
    void showOverview(const Result<Overview> &overview);
    void showTraffic();
    void showAlerts();

    OverviewService &m_overview;
    BackupService &m_backup;
    MetricsSampler &m_sampler;
    AlertMonitor &m_alerts;
    Principal m_actor;
    ServiceThread *m_thread;
    MessageBanner *m_banner;
    MessageBanner *m_error;
    MessageBanner *m_backupMessage;
    QHash<QString, QToolButton *> m_tiles;
    QChart *m_chart;
    QList<QLineSeries *> m_series;
    QTreeWidget *m_addresses;
    bool m_loading = false;
    bool m_readAgain = false;
};

} // namespace keyward
