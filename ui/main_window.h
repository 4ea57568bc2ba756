#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;
class QToolButton;

namespace keyward {

class AlertMonitor;
class ApiKeysPanel;
class ClientsPanel;
class AuditPanel;
class ConsoleHost;
class HealthPanel;
class LogsPanel;
class MetricsPanel;
class MetricsSampler;
class OverviewPanel;
class RolesPanel;
class SettingsPanel;
class UsersPanel;
class WebhooksPanel;

// The console: a sidebar of panels over the running node (Ctrl+1 … Ctrl+9 and Ctrl+0 switch to the
// first ten, Ctrl+, to Settings),
// a status bar with its alerts, address, state, load and database, and optionally a tray icon that
// keeps the server running while the window is closed. An alert shows in the status bar, as a
// count on the sidebar entry of the panel that explains it, and, while the window is hidden or
// minimised, as a notification.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Panel {
        Overview,
        Users,
        Roles,
        ApiKeys,
        Clients,
        Webhooks,
        Metrics,
        Logs,
        Audit,
        Health,
        Settings,
        PanelCount
    };

    // `configFile` is where the Settings panel saves this installation's startup options.
    MainWindow(ConsoleHost &host, MetricsSampler &sampler, const QString &configFile, QWidget *parent = nullptr);
    // Saves the window's layout for the next start.
    ~MainWindow() override;

    OverviewPanel &overview() { return *m_overview; }
    UsersPanel &users() { return *m_users; }
    RolesPanel &roles() { return *m_roles; }
    ApiKeysPanel &apiKeys() { return *m_apiKeys; }
    ClientsPanel &clients() { return *m_clients; }
    WebhooksPanel &webhooks() { return *m_webhooks; }
    MetricsPanel &metrics() { return *m_metrics; }
    LogsPanel &logs() { return *m_logs; }
    AuditPanel &audit() { return *m_audit; }
    HealthPanel &health() { return *m_health; }
    SettingsPanel &settings() { return *m_settings; }
    QToolButton &urlButton() { return *m_url; }
    AlertMonitor &alertMonitor() { return *m_alerts; }
    QToolButton &alertsButton() { return *m_alertsButton; }
    // A sidebar entry as shown, with its alert count when it has alerts.
    QString sidebarText(Panel panel) const;
    // The last notification given for a new alert while the window was hidden; empty if none.
    QString lastNotification() const { return m_lastNotification; }
    // The panel that explains a health component's alert.
    static Panel panelFor(const QString &component);
    void showPanel(Panel panel);
    Panel currentPanel() const;
    // Quits the console (and drains the server) after asking about unsaved settings; false when
    // the admin chose to stay.
    bool quit();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateState();
    // The window's size and place, and every named splitter and table header in it, as the admin
    // left them; a first start fits the screen whatever its scaling.
    void restoreLayout();
    void saveLayout() const;
    void setUpTray();
    void showAlerts();
    void notify(const QString &title, const QString &text);

    ConsoleHost &m_host;
    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    AlertMonitor *m_alerts;
    OverviewPanel *m_overview;
    UsersPanel *m_users;
    RolesPanel *m_roles;
    ApiKeysPanel *m_apiKeys;
    ClientsPanel *m_clients;
    WebhooksPanel *m_webhooks;
    MetricsPanel *m_metrics;
    LogsPanel *m_logs;
    AuditPanel *m_audit;
    HealthPanel *m_health;
    SettingsPanel *m_settings;
    QToolButton *m_alertsButton;
    QToolButton *m_url;
    QLabel *m_state;
    QLabel *m_load;
    QLabel *m_database;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_lastNotification;
};

} // namespace keyward
