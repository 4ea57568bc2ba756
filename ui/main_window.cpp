#include "main_window.h"

#include "alert_monitor.h"
#include "api_keys_panel.h"
#include "audit_panel.h"
#include "clients_panel.h"
#include "console_host.h"
#include "console_preferences.h"
#include "core/principal.h"
#include "health_panel.h"
#include "logs_panel.h"
#include "metrics_panel.h"
#include "observe/metrics_sampler.h"
#include "overview_panel.h"
#include "roles_panel.h"
#include "services/services.h"
#include "settings_panel.h"
#include "tone.h"
#include "users_panel.h"
#include "webhooks_panel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QToolButton>

namespace keyward {

MainWindow::MainWindow(ConsoleHost &host, MetricsSampler &sampler, const QString &configFile, QWidget *parent)
    : QMainWindow(parent)
    , m_host(host)
    , m_sidebar(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_alerts(new AlertMonitor(host.services().health(), this))
    , m_overview(new OverviewPanel(host.services().overview(), host.services().backup(), sampler, *m_alerts,
                                   Principal::gui(), this))
    , m_users(new UsersPanel(host.services(), Principal::gui(), this))
    , m_roles(new RolesPanel(host.services().roles(), Principal::gui(), this))
    , m_apiKeys(new ApiKeysPanel(host.services().apiKeys(), Principal::gui(), this))
    , m_clients(new ClientsPanel(host.services().oauthClients(), Principal::gui(), this))
    , m_webhooks(new WebhooksPanel(host.services().webhooks(), Principal::gui(), this))
    , m_metrics(new MetricsPanel(sampler, this))
    , m_logs(new LogsPanel(
          [&services = host.services()](const QStringList &ids) {
              auto names = services.users().usernames(Principal::gui(), ids);
              return names ? *names : QHash<QString, QString>();
          },
          this))
    , m_audit(new AuditPanel(host.services().audit(), host.services().users(), Principal::gui(), this))
    , m_health(new HealthPanel(*m_alerts, this))
    , m_settings(new SettingsPanel(host.services(), Principal::gui(), host.config(), configFile, this))
    , m_alertsButton(new QToolButton(this))
    , m_url(new QToolButton(this))
    , m_state(new QLabel(this))
    , m_load(new QLabel(this))
    , m_database(new QLabel(host.databaseKind(), this))
{
    setWindowTitle(tr("Keyward"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/keyward.svg")));
    const auto addPanel = [this](const QString &icon, const QString &name, QWidget *panel) {
        const int index = m_stack->addWidget(panel);
        auto *item = new QListWidgetItem(QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)), name, m_sidebar);
        item->setData(Qt::UserRole, name);
        // Ctrl+1 to Ctrl+9, then Ctrl+0 for the tenth; Settings has Ctrl+, as elsewhere.
        const QKeySequence key = panel == m_settings ? QKeySequence(Qt::CTRL | Qt::Key_Comma)
                                 : index < 10        ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + (index + 1) % 10))
                                                     : QKeySequence();
        item->setToolTip(key.isEmpty() ? name : tr("%1 (%2)").arg(name, key.toString(QKeySequence::NativeText)));
        if (key.isEmpty())
            return;
        auto *shortcut = new QAction(this);
        shortcut->setShortcut(key);
        connect(shortcut, &QAction::triggered, this, [this, index] { m_sidebar->setCurrentRow(index); });
        addAction(shortcut);
    };
    addPanel(QStringLiteral("overview"), tr("Overview"), m_overview);
    addPanel(QStringLiteral("users"), tr("Users"), m_users);
    addPanel(QStringLiteral("roles"), tr("Roles"), m_roles);
    addPanel(QStringLiteral("keys"), tr("API keys"), m_apiKeys);
    addPanel(QStringLiteral("clients"), tr("Clients"), m_clients);
    addPanel(QStringLiteral("webhooks"), tr("Webhooks"), m_webhooks);
    addPanel(QStringLiteral("metrics"), tr("Metrics"), m_metrics);
    addPanel(QStringLiteral("logs"), tr("Logs"), m_logs);
    addPanel(QStringLiteral("audit"), tr("Audit"), m_audit);
    addPanel(QStringLiteral("health"), tr("Health"), m_health);
    addPanel(QStringLiteral("settings"), tr("Settings"), m_settings);
    m_sidebar->setIconSize(QSize(20, 20));
    // Room for an alert count beside the longest name.
    m_sidebar->setFixedWidth(m_sidebar->sizeHintForColumn(0) + 32 +
                             fontMetrics().horizontalAdvance(tr(" (%1)").arg(99)));
    m_sidebar->setAccessibleName(tr("Panels"));
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        // Leaving Settings with unsaved changes asks first; "stay" keeps the panel.
        if (m_stack->currentWidget() == m_settings && row != m_stack->currentIndex() &&
            !m_settings->settleUnsavedChanges()) {
            const QSignalBlocker quiet(m_sidebar);
            m_sidebar->setCurrentRow(m_stack->currentIndex());
            return;
        }
        m_stack->setCurrentIndex(row);
    });
    m_sidebar->setCurrentRow(0);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_url->setAutoRaise(true);
    m_url->setToolTip(tr("Copy the address"));
    connect(m_url, &QToolButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_host.url());
        statusBar()->showMessage(tr("Address copied"), 2000);
    });
    m_database->setToolTip(host.databaseLocation());
    m_alertsButton->setAutoRaise(true);
    m_alertsButton->setObjectName(QStringLiteral("alertsButton"));
    m_alertsButton->hide();
    connect(m_alertsButton, &QToolButton::clicked, this, [this] { showPanel(Overview); });
    statusBar()->addPermanentWidget(m_alertsButton);
    statusBar()->addPermanentWidget(m_url);
    statusBar()->addPermanentWidget(m_state);
    statusBar()->addPermanentWidget(m_load);
    statusBar()->addPermanentWidget(m_database);
    connect(&host, &ConsoleHost::stateChanged, this, &MainWindow::updateState);
    connect(m_overview, &OverviewPanel::usersRequested, this, [this](const UsersView &view) {
        showPanel(Users);
        m_users->showUsers(view);
    });
    connect(m_overview, &OverviewPanel::auditRequested, this,
            [this](const QString &action, const QString &outcome, int days) {
                showPanel(Audit);
                m_audit->showEvents(action, outcome, days);
            });
    connect(m_overview, &OverviewPanel::metricsRequested, this, [this] { showPanel(Metrics); });
    connect(m_overview, &OverviewPanel::healthRequested, this, [this] { showPanel(Health); });
    connect(m_alerts, &AlertMonitor::checked, this, &MainWindow::showAlerts);
    connect(m_alerts, &AlertMonitor::raised, this,
            [this](const HealthComponent &alert) { notify(tr("Keyward: %1").arg(alert.name), alert.reason); });
    m_alerts->check();
    connect(m_audit, &AuditPanel::userActivated, this, [this](const QString &id) {
        showPanel(Users);
        m_users->revealUser(id);
    });
    connect(&sampler, &MetricsSampler::sampled, this,
            [this](const MetricsPoint &p) { m_load->setText(tr("%1 req/s").arg(p.requestsPerSecond, 0, 'f', 1)); });
    setUpTray();
    updateState();
    restoreLayout();
}

MainWindow::~MainWindow()
{
    saveLayout();
}

void MainWindow::restoreLayout()
{
    const QSize screenSize = screen() ? screen()->availableGeometry().size() : QSize(1200, 760);
    if (!restoreGeometry(ConsolePreferences::layout(QStringLiteral("window"))))
        resize(QSize(1200, 760).boundedTo(screenSize * 0.9));
    else if (!isMaximized())
        resize(size().boundedTo(screenSize)); // saved on a larger screen than this one
    for (QSplitter *split : findChildren<QSplitter *>())
        if (!split->objectName().isEmpty())
            split->restoreState(ConsolePreferences::layout(split->objectName()));
    for (QHeaderView *header : findChildren<QHeaderView *>())
        if (header->orientation() == Qt::Horizontal && !header->parent()->objectName().isEmpty())
            header->restoreState(ConsolePreferences::layout(header->parent()->objectName()));
}

void MainWindow::saveLayout() const
{
    ConsolePreferences::setLayout(QStringLiteral("window"), saveGeometry());
    for (const QSplitter *split : findChildren<QSplitter *>())
        if (!split->objectName().isEmpty())
            ConsolePreferences::setLayout(split->objectName(), split->saveState());
    for (const QHeaderView *header : findChildren<QHeaderView *>())
        if (header->orientation() == Qt::Horizontal && !header->parent()->objectName().isEmpty())
            ConsolePreferences::setLayout(header->parent()->objectName(), header->saveState());
}

void MainWindow::showPanel(Panel panel)
{
    m_sidebar->setCurrentRow(panel);
}

MainWindow::Panel MainWindow::currentPanel() const
{
    return Panel(m_stack->currentIndex());
}

void MainWindow::setUpTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(windowIcon(), this);
    auto *menu = new QMenu(this);
    menu->addAction(tr("&Open the console"), this, [this] {
        showNormal();
        activateWindow();
    });
    menu->addAction(tr("&Copy the address"), this, [this] { QApplication::clipboard()->setText(m_host.url()); });
    menu->addSeparator();
    menu->addAction(tr("&Quit Keyward"), this, &MainWindow::quit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger) {
            showNormal();
            activateWindow();
        }
    });
    m_tray->setVisible(ConsolePreferences::closeToTray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // With the tray preference the server keeps serving; otherwise closing quits (and drains).
    if (m_tray && ConsolePreferences::closeToTray()) {
        m_tray->show();
        hide();
        m_tray->showMessage(tr("Keyward is still serving"), tr("Quit from the tray icon's menu."),
                            QSystemTrayIcon::Information, 3000);
        event->ignore();
        return;
    }
    if (quit())
        event->accept();
    else
        event->ignore();
}

bool MainWindow::quit()
{
    if (!m_settings->settleUnsavedChanges()) {
        showNormal(); // the question is about this window's Settings panel: show it
        showPanel(Settings);
        return false;
    }
    saveLayout();
    qApp->quit();
    return true;
}

MainWindow::Panel MainWindow::panelFor(const QString &component)
{
    if (component == QLatin1String("errors") || component == QLatin1String("latency"))
        return Metrics;
    if (component == QLatin1String("lockouts"))
        return Audit;
    if (component == QLatin1String("mail"))
        return Settings;
    return Health;
}

QString MainWindow::sidebarText(Panel panel) const
{
    return m_sidebar->item(panel)->text();
}

void MainWindow::showAlerts()
{
    const QList<HealthComponent> &alerts = m_alerts->alerts();
    QList<int> perPanel(PanelCount, 0);
    QStringList lines;
    for (const HealthComponent &a : alerts) {
        ++perPanel[panelFor(a.name)];
        lines << tr("%1: %2").arg(a.name, a.reason);
    }
    for (int panel = 0; panel < PanelCount; ++panel) {
        QListWidgetItem *item = m_sidebar->item(panel);
        const QString name = item->data(Qt::UserRole).toString();
        item->setText(perPanel[panel] > 0 ? name + tr(" (%1)").arg(perPanel[panel]) : name);
        item->setForeground(perPanel[panel] > 0 ? QBrush(toneColour(Tone::Warning, m_sidebar->palette())) : QBrush());
    }
    m_alertsButton->setVisible(!alerts.isEmpty());
    m_alertsButton->setText(tr("⚠ %n alert(s)", nullptr, int(alerts.size())));
    m_alertsButton->setToolTip(lines.join(QLatin1Char('\n')));
}

void MainWindow::notify(const QString &title, const QString &text)
{
    // Seen in the window already, unless it is hidden (closed to the tray) or minimised.
    if (isVisible() && !isMinimized())
        return;
    m_lastNotification = title + QLatin1Char('\n') + text;
    if (m_tray && m_tray->isVisible())
        m_tray->showMessage(title, text, QSystemTrayIcon::Warning, 10'000);
}

void MainWindow::updateState()
{
    m_url->setText(m_host.url().isEmpty() ? tr("not listening") : m_host.url());
    switch (m_host.state()) {
    case ConsoleHost::State::Serving:
        m_state->setText(tr("Serving"));
        break;
    case ConsoleHost::State::Starting:
        m_state->setText(tr("Starting"));
        break;
    case ConsoleHost::State::Draining:
        m_state->setText(tr("Draining"));
        break;
    case ConsoleHost::State::Failed:
        m_state->setText(tr("Failed"));
        break;
    case ConsoleHost::State::Stopped:
        m_state->setText(tr("Stopped"));
        break;
    }
    if (m_tray)
        m_tray->setToolTip(tr("Keyward: %1 at %2").arg(m_state->text(), m_url->text()));
}

} // namespace keyward
