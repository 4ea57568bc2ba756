#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;
class QToolButton;

namespace keyward {

class ApiKeysPanel;
class AuditPanel;
class ConsoleHost;
class HealthPanel;
class LogsPanel;
class MetricsPanel;
class MetricsSampler;
class RolesPanel;
class SettingsPanel;
class UsersPanel;

// The console: a sidebar of panels over the running node (Ctrl+1 … Ctrl+8 switch between them),
// a status bar with its address, state, load and database, and optionally a tray icon that keeps
// the server running while the window is closed.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Panel { Users, Roles, ApiKeys, Metrics, Logs, Audit, Health, Settings, PanelCount };

    // `configFile` is where the Settings panel saves this installation's startup options.
    MainWindow(ConsoleHost &host, MetricsSampler &sampler, const QString &configFile, QWidget *parent = nullptr);
    // Saves the window's layout for the next start.
    ~MainWindow() override;

    UsersPanel &users() { return *m_users; }
    RolesPanel &roles() { return *m_roles; }
    ApiKeysPanel &apiKeys() { return *m_apiKeys; }
    MetricsPanel &metrics() { return *m_metrics; }
    LogsPanel &logs() { return *m_logs; }
    AuditPanel &audit() { return *m_audit; }
    HealthPanel &health() { return *m_health; }
    SettingsPanel &settings() { return *m_settings; }
    QToolButton &urlButton() { return *m_url; }
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

    ConsoleHost &m_host;
    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    UsersPanel *m_users;
    RolesPanel *m_roles;
    ApiKeysPanel *m_apiKeys;
    MetricsPanel *m_metrics;
    LogsPanel *m_logs;
    AuditPanel *m_audit;
    HealthPanel *m_health;
    SettingsPanel *m_settings;
    QToolButton *m_url;
    QLabel *m_state;
    QLabel *m_load;
    QLabel *m_database;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace keyward
