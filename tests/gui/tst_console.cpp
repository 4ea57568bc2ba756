// The desktop console on a real node (SQLite file, HTTP on a free port), driven offscreen:
// what an admin does in the window must show up in the services, and the service's words must
// show up in the window.
#include "alert_monitor.h"
#include "api_key_dialog.h"
#include "api_keys_panel.h"
#include "audit_panel.h"
#include "client_dialog.h"
#include "clients_panel.h"
#include "console.h"
#include "console_preferences.h"
#include "core/logging.h"
#include "crypto/signing_key.h"
#include "duration_edit.h"
#include "health_panel.h"
#include "import_wizard.h"
#include "logs_panel.h"
#include "main_window.h"
#include "metrics_panel.h"
#include "node.h"
#include "observe/keyward_metrics.h"
#include "observe/log_handler.h"
#include "observe/metrics_sampler.h"
#include "overview_panel.h"
#include "password_dialog.h"
#include "prompt.h"
#include "role_dialog.h"
#include "roles_panel.h"
#include "services/services.h"
#include "settings_panel.h"
#include "software_authenticator.h"
#include "title_fit.h"
#include "tone.h"
#include "user_detail_pane.h"
#include "user_dialog.h"
#include "user_table_model.h"
#include "users_panel.h"
#include "webhook_deliveries_dialog.h"
#include "webhook_dialog.h"
#include "webhook_receiver.h"
#include "webhooks_panel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPlainTextEdit>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QValueAxis>
#include <QWheelEvent>

using namespace keyward;

namespace {

// Runs `fill` on the modal dialog of type D that the next call opens, once its event loop runs.
template <typename D = UserDialog, typename Fill>
void answerDialog(Fill fill)
{
    QTimer::singleShot(0, [fill] {
        auto *dialog = qobject_cast<D *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        fill(*dialog);
    });
}

void type(QWidget &d, const char *field, const QString &text)
{
    auto *edit = d.findChild<QLineEdit *>(QString::fromLatin1(field));
    QVERIFY(edit);
    edit->clear();
    QTest::keyClicks(edit, text);
}

// Waits for the pages a model asked of its service thread.
bool settled(PagedTableModel &model)
{
    return QTest::qWaitFor([&model] { return !model.loading(); }, 10'000);
}

// The row of the user with this id in the users table, once its pages have arrived.
int rowOf(UsersPanel &panel, const QString &id)
{
    if (!settled(panel.model()))
        qFatal("the users table is still loading");
    for (int r = 0; r < panel.model().rowCount(); ++r)
        if (panel.model().index(r, 0).data(UserTableModel::IdRole).toString() == id)
            return r;
    qFatal("user %s is not listed", qPrintable(id));
}

// Selects rows `rows` of `view` (a multi-row selection, as with Ctrl+click).
void selectRows(QAbstractItemView &view, std::initializer_list<int> rows)
{
    if (auto *paged = qobject_cast<PagedTableModel *>(view.model()))
        QVERIFY(settled(*paged));
    view.clearSelection();
    view.selectionModel()->setCurrentIndex(view.model()->index(*rows.begin(), 0), QItemSelectionModel::NoUpdate);
    for (int r : rows)
        view.selectionModel()->select(view.model()->index(r, 0),
                                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

// Scrolls `view` over a paged model from the top to the end of the list and back up, checking
// that the model never holds more than its window, that what it holds is always a contiguous run
// of `expected` (keys in list order, read with keyAt), and that the row on screen stays on screen
// when a page comes or goes above it.
void walkWindow(QTableView &view, PagedTableModel &model, const QStringList &expected,
                const std::function<QString(int row)> &keyAt)
{
    const int window = model.pageSize() * model.maxPages();
    QStringList failures;
    const QMetaObject::Connection watch = QObject::connect(&model, &PagedTableModel::failed, &model,
                                                           [&](const QString &message) { failures << message; });
    const auto stopWatching = qScopeGuard([&] { QObject::disconnect(watch); });
    const auto heldRun = [&] {
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
        QVERIFY(model.rowCount() > 0);
        const qsizetype first = expected.indexOf(keyAt(0));
        QVERIFY(first >= 0);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(keyAt(r), expected.value(first + r));
        QVERIFY(model.rowCount() <= window);
    };
    const auto topKey = [&] { return keyAt(view.indexAt(QPoint(0, 0)).row()); };
    QScrollBar &bar = *view.verticalScrollBar();

    for (int step = 0; settled(model) && model.canFetchMore({}); ++step) {
        QVERIFY2(step < 50, "the end of the list is never reached");
        bar.setValue(bar.maximum()); // the view asks for the next page, as a user scrolling down
        QCoreApplication::processEvents();
        QVERIFY(settled(model));
        heldRun();
    }
    QCOMPARE(keyAt(model.rowCount() - 1), expected.last());
    QVERIFY(model.canFetchPrevious());

    bar.setValue(bar.maximum() / 2);
    const QString top = topKey();
    model.fetchPrevious(); // a page above arrives, the one at the bottom goes
    QVERIFY(settled(model));
    QCoreApplication::processEvents();
    QCOMPARE(topKey(), top);
    heldRun();
    model.fetchMore({}); // and back: the page above goes
    QVERIFY(settled(model));
    QCoreApplication::processEvents();
    QCOMPARE(topKey(), top);
    heldRun();

    for (int step = 0; settled(model) && model.canFetchPrevious(); ++step) {
        QVERIFY2(step < 50, "the top of the list is never reached");
        bar.setValue(bar.minimum() + 1);
        bar.setValue(bar.minimum()); // the top of the window asks for the page before it
        QCoreApplication::processEvents();
        QVERIFY(settled(model));
        heldRun();
    }
    QCOMPARE(keyAt(0), expected.first());
}

} // namespace

class TstConsole : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // preferences go to a test location, not ~/.config
        QVERIFY(m_logDir.isValid());
        logging::Options log;
        log.level = QStringLiteral("debug");
        log.file = m_logDir.filePath(QStringLiteral("test.log"));
        QVERIFY(logging::install(log));
        ui::installTranslations(QStringLiteral("en")); // the plural forms: "3 users", not "3 user(s)"
    }

    void init()
    {
        // A fresh installation for every test, and a console without remembered preferences.
        QFile::remove(
            QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("keyward"), QStringLiteral("console"))
                .fileName());
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QString error;
        auto config = Config::load({{QStringLiteral("data-dir"), m_dir->path()},
                                    {QStringLiteral("listen"), QStringLiteral("127.0.0.1:0")},
                                    {QStringLiteral("workers"), QStringLiteral("1")}},
                                   QProcessEnvironment(), &error);
        QVERIFY2(config, qPrintable(error));
        m_node = std::make_unique<Node>(*config);
        auto failure = m_node->open();
        QVERIFY2(!failure, failure ? qPrintable(failure->message) : "");
        failure = m_node->serve();
        QVERIFY2(!failure, failure ? qPrintable(failure->message) : "");
        m_sampler = std::make_unique<MetricsSampler>(m_node->services().metrics().registry, 50);
        m_host = std::make_unique<console::NodeHost>(*m_node);
        m_window = std::make_unique<MainWindow>(*m_host, *m_sampler, m_dir->filePath(QStringLiteral("keyward.ini")));
        m_window->show();
        QCOMPARE(m_window->currentPanel(), MainWindow::Overview); // the first panel
        m_window->showPanel(MainWindow::Users);                   // where most tests work
    }

    void cleanup()
    {
        QVERIFY2(!Prompt::hasPendingAnswers(), "a queued answer was not asked for");
        m_window.reset();
        m_sampler.reset();
        m_host.reset();
        m_node.reset();
        m_dir.reset();
    }

    // A dialog is wide enough for its whole title: a long username in "Edit …", the count in a
    // bulk confirmation.
    void dialogTitlesFit()
    {
        const User user = createUser(QStringLiteral("a-rather-long-username-for-a-short-dialog.example"));
        UsersPanel &panel = m_window->users();
        panel.revealUser(user.id);
        QVERIFY(settled(panel.model()));
        panel.table().selectRow(0);
        int width = 0;
        int needed = 0;
        answerDialog([&](UserDialog &d) {
            width = d.width();
            needed = titleWidth(d);
            d.reject();
        });
        panel.editSelected();
        QVERIFY2(needed > 400 && width >= needed, qPrintable(QStringLiteral("%1 < %2").arg(width).arg(needed)));

        QMessageBox box(QMessageBox::Warning,
                        QStringLiteral("Add role 'auditor' to 1,234,567 users of this installation?"),
                        QStringLiteral("Short."), QMessageBox::Cancel);
        fitTitle(box);
        box.show();
        QVERIFY(box.width() >= titleWidth(box));
    }

    void createUserThroughTheDialog()
    {
        UsersPanel &panel = m_window->users();
        answerDialog([](UserDialog &d) {
            // Every field's label has its mnemonic (Alt+E reaches the email), no literal "&".
            for (QLabel *label : d.findChildren<QLabel *>()) {
                if (!label->text().contains(u'&'))
                    continue;
                QVERIFY2(label->buddy(), qPrintable(label->text()));
                if (label->text() == QStringLiteral("&Email"))
                    QCOMPARE(label->buddy(), d.findChild<QLineEdit *>(QStringLiteral("email")));
            }
            type(d, "username", QStringLiteral("grace"));
            type(d, "email", QStringLiteral("grace@example.com"));
            type(d, "password", QStringLiteral("a long enough passphrase"));
            d.accept();
        });
        panel.newUser();
        auto page = m_node->services().users().list(Principal::gui(), {});
        QVERIFY(page);
        QCOMPARE(page->total, 1);
        QCOMPARE(page->items.first().username, QStringLiteral("grace"));
        QTRY_COMPARE(panel.model().rowCount(), 1);
        QCOMPARE(panel.model().index(0, UserTableModel::Username).data().toString(), QStringLiteral("grace"));

        // The audit trail names the console as the actor.
        AuditFilter f;
        f.action = QStringLiteral("user.create");
        auto events = m_node->services().audit().list(Principal::gui(), f);
        QVERIFY(events && !events->items.isEmpty());
        QCOMPARE(events->items.first().actorType, QStringLiteral("gui"));
    }

    void serviceErrorsAppearUnderTheirFields()
    {
        QString usernameError, emailError;
        answerDialog([&](UserDialog &d) {
            type(d, "username", QStringLiteral("x"));
            type(d, "email", QStringLiteral("not an address"));
            d.accept(); // refused: the dialog stays open with the service's messages
            usernameError = d.errorText(QStringLiteral("username"));
            emailError = d.errorText(QStringLiteral("email"));
            QVERIFY(d.isVisible());
            d.reject();
        });
        m_window->users().newUser();
        QVERIFY2(usernameError.contains(QStringLiteral("3 to 64")), qPrintable(usernameError));
        QVERIFY(!emailError.isEmpty());
        QCOMPARE(m_window->users().model().rowCount(), 0);
    }

    void editDisableAndSearch()
    {
        for (const char *name : {"alice", "bob", "carol"}) {
            CreateUserRequest r;
            r.username = QString::fromLatin1(name);
            r.email = r.username + QStringLiteral("@example.com");
            QVERIFY(m_node->services().users().create(Principal::gui(), r));
        }
        UsersPanel &panel = m_window->users();
        panel.model().reload();
        QTRY_COMPARE(panel.model().rowCount(), 3);

        // Search is debounced: typing several keys runs one query when the typing pauses.
        QTest::keyClicks(&panel.search(), QStringLiteral("bo"));
        QTRY_COMPARE(panel.model().rowCount(), 1);
        panel.table().selectRow(0);
        answerDialog([](UserDialog &d) {
            type(d, "displayName", QStringLiteral("Bob Builder"));
            d.accept();
        });
        panel.editSelected();
        const QString bobId = panel.model().index(0, 0).data(UserTableModel::IdRole).toString();
        QCOMPARE(m_node->services().users().get(Principal::gui(), bobId)->displayName, QStringLiteral("Bob Builder"));

        panel.table().selectRow(0);
        panel.setSelectedEnabled(false);
        QCOMPARE(m_node->services().users().get(Principal::gui(), bobId)->status, User::Status::Disabled);
        QVERIFY(panel.errorText().isEmpty());
    }

    void failedActionShowsTheServiceText()
    {
        UsersPanel &panel = m_window->users();
        CreateUserRequest r;
        r.username = QStringLiteral("root");
        r.email = QStringLiteral("root@example.com");
        r.roles = QStringList{QStringLiteral("admin")};
        QVERIFY(m_node->services().users().create(Principal::gui(), r));
        panel.model().reload();
        QVERIFY(settled(panel.model()));
        panel.table().selectRow(0);
        // The last active administrator cannot be disabled: the service says so, the panel shows it.
        panel.setSelectedEnabled(false);
        QVERIFY(!panel.errorText().isEmpty());
        QVERIFY2(panel.errorText().contains(QStringLiteral("administrator"), Qt::CaseInsensitive),
                 qPrintable(panel.errorText()));
    }

    void statusBarAndLiveMetrics()
    {
        // The address in the status bar is the node's, and a click copies it.
        QToolButton &url = m_window->urlButton();
        QVERIFY(url.text().startsWith(QStringLiteral("http://127.0.0.1:")));
        url.click();
        QCOMPARE(QApplication::clipboard()->text(), m_node->url());

        // Traffic over the real socket reaches the metrics graphs.
        m_sampler->sample(); // the baseline: the requests below fall into a later interval
        m_sampler->start();
        QNetworkAccessManager nam;
        for (int i = 0; i < 3; ++i) {
            QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(m_node->url() + QStringLiteral("/health/live"))));
            QTRY_VERIFY(reply->isFinished());
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }
        QTRY_VERIFY(m_window->metrics().plottedPoints() >= 2);
        QTRY_VERIFY(std::any_of(m_sampler->history().begin(), m_sampler->history().end(),
                                [](const MetricsPoint &p) { return p.requestsPerSecond > 0; }));

        // A failed login over HTTP shows in the logins graph; the window control replots the history.
        m_sampler->stop();
        m_sampler->sample(); // baseline
        QNetworkRequest login(QUrl(m_node->url() + QStringLiteral("/api/v1/auth/login")));
        login.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply = nam.post(login, R"({"login":"nobody","password":"wrong wrong wrong"})");
        QTRY_VERIFY(reply->isFinished());
        reply->deleteLater();
        m_sampler->sample();
        QVERIFY2(m_window->metrics().lastValue(2, 1) > 0, "no failed login plotted");
        QCOMPARE(m_window->metrics().lastValue(2, 0), 0.0);
        const qsizetype plotted = m_window->metrics().plottedPoints();
        m_window->metrics().window().setCurrentIndex(0);
        QVERIFY(m_window->metrics().plottedPoints() <= plotted);
        QVERIFY(m_window->metrics().plottedPoints() > 0);

        // Axes: round ticks and plain numbers, time labels on round times; a throttled request
        // has its own series; latency past two seconds is shown in seconds.
        MetricsPanel &metrics = m_window->metrics();
        const QValueAxis &requests = metrics.valueAxis(0);
        QVERIFY(!requests.labelFormat().contains(u'g') && !requests.labelFormat().contains(u'e'));
        // A round tick: 1, 2, 2.5 or 5 times a power of ten.
        const double tick = (requests.max() - requests.min()) / (requests.tickCount() - 1);
        const double mantissa = tick / std::pow(10.0, std::floor(std::log10(tick)));
        const QList<double> round{1.0, 2.0, 2.5, 5.0, 10.0};
        QVERIFY2(
            std::any_of(round.begin(), round.end(), [mantissa](double m) { return std::abs(mantissa - m) < 1e-9; }),
            qPrintable(QString::number(tick)));
        const QStringList labels = metrics.timeLabels(0);
        QVERIFY(!labels.isEmpty());
        for (const QString &label : labels)
            QVERIFY2(label.endsWith(QStringLiteral("0")), qPrintable(label)); // every 10 s in the last minute
        KeywardMetrics &registry = m_node->services().metrics();
        registry.httpRequests.with({QStringLiteral("POST"), QStringLiteral("/x"), QStringLiteral("429")}).inc();
        for (int i = 0; i < 10; ++i)
            registry.httpDuration.with({QStringLiteral("/x")}).observe(4.0);
        QTest::qWait(5);
        m_sampler->sample();
        QCOMPARE(metrics.lastValue(0, 3), 100.0); // the only request of the interval: 429
        QCOMPARE(metrics.valueAxis(1).titleText(), QStringLiteral("seconds"));
        QVERIFY2(metrics.lastValue(1, 2) > 2 && metrics.lastValue(1, 2) <= 5,
                 qPrintable(QString::number(metrics.lastValue(1, 2))));
    }

    // The Overview counts the installation from the database's counters and leads from each
    // tile to the panel that explains it.
    void overviewCountsAndLeadsToThePanels()
    {
        QString dee; // the last one
        for (const char *name : {"ada", "ben", "cal", "dee"})
            dee =
                createUser(QString::fromLatin1(name), {QStringLiteral("user")}, QStringLiteral("a long passphrase")).id;
        const User eve = createUser(QStringLiteral("eve"));
        QVERIFY(m_node->services().users().remove(Principal::gui(), eve.id, false));
        UserPatch off;
        off.status = User::Status::Disabled;
        QVERIFY(m_node->services().users().update(Principal::gui(), dee, off));
        const Principal away = Principal::anonymous(QStringLiteral("192.0.2.44"));
        QVERIFY(m_node->services().auth().login(away, QStringLiteral("ada"), QStringLiteral("a long passphrase")));
        for (int i = 0; i < 3; ++i)
            QVERIFY(!m_node->services().auth().login(away, QStringLiteral("ben"), QStringLiteral("wrong")));

        m_window->showPanel(MainWindow::Overview);
        OverviewPanel &overview = m_window->overview();
        const auto tileText = [&](const char *name) { return overview.tile(QLatin1String(name))->text(); };
        QTRY_VERIFY2(tileText("active").startsWith(QStringLiteral("3\n")), qPrintable(tileText("active")));
        QVERIFY(tileText("disabled").startsWith(QStringLiteral("1\n")));
        QVERIFY(tileText("deleted").startsWith(QStringLiteral("1\n")));
        QVERIFY(tileText("never").startsWith(QStringLiteral("3\n"))); // all but ada
        QVERIFY(tileText("mfa").startsWith(QStringLiteral("0 %\n")));
        QVERIFY(tileText("key").startsWith(QStringLiteral("0 days\n")));
        QVERIFY(tileText("backup").startsWith(QStringLiteral("never\n")));
        QCOMPARE(overview.activity(0).size(), OverviewService::Days);
        QCOMPARE(overview.activity(0).last().y(), 5.0); // created today
        QCOMPARE(overview.activity(1).last().y(), 1.0);
        QCOMPARE(overview.activity(2).last().y(), 3.0);
        QCOMPARE(overview.failingAddresses().topLevelItem(0)->text(0), away.ip);
        QCOMPARE(overview.failingAddresses().topLevelItem(0)->text(1), QStringLiteral("3"));
        QTRY_VERIFY(!tileText("health").startsWith(QStringLiteral("checking")));

        // Thousands are grouped as the locale does it.
        m_sampler->sample();
        m_node->services().metrics().activeSessions.set(0);
        m_node->services()
            .metrics()
            .httpRequests.with({QStringLiteral("GET"), QStringLiteral("/x"), QStringLiteral("200")})
            .inc(1234);
        QTest::qWait(5);
        m_sampler->sample();
        QTRY_VERIFY2(tileText("requests").contains(QLocale().toString(1234)), qPrintable(tileText("requests")));

        // Each tile leads to the panel that explains it.
        overview.tile(QStringLiteral("disabled"))->click();
        QCOMPARE(m_window->currentPanel(), MainWindow::Users);
        QVERIFY(settled(m_window->users().model()));
        QCOMPARE(m_window->users().model().rowCount(), 1);
        QCOMPARE(m_window->users().model().index(0, UserTableModel::Username).data().toString(), QStringLiteral("dee"));
        m_window->showPanel(MainWindow::Overview);
        overview.tile(QStringLiteral("deleted"))->click();
        QVERIFY(settled(m_window->users().model()));
        QCOMPARE(m_window->users().model().rowCount(), 5);
        m_window->showPanel(MainWindow::Overview);
        overview.tile(QStringLiteral("never"))->click();
        QCOMPARE(m_window->users().model().sortColumn(), int(UserTableModel::LastLogin));
        m_window->showPanel(MainWindow::Overview);
        overview.tile(QStringLiteral("locked"))->click();
        QCOMPARE(m_window->currentPanel(), MainWindow::Audit);
        QCOMPARE(m_window->audit().actionFilter().text(), QStringLiteral("auth.login"));
        QCOMPARE(m_window->audit().fromDate().date(), QDate::currentDate());
        for (const auto &[tile, panel] : {std::pair{"requests", MainWindow::Metrics},
                                          {"sessions", MainWindow::Metrics},
                                          {"health", MainWindow::Health},
                                          {"key", MainWindow::Health}}) {
            m_window->showPanel(MainWindow::Overview);
            overview.tile(QLatin1String(tile))->click();
            QCOMPARE(m_window->currentPanel(), panel);
        }
    }

    // An alert shows in the status bar, as a count on the sidebar entry of the panel that
    // explains it, on the Overview, and as a notification while the window is hidden.
    void alertsShowWhereTheAdminLooks()
    {
        AlertMonitor &monitor = m_window->alertMonitor();
        QTRY_VERIFY(monitor.lastReport()); // the first check marks where the traffic window starts
        QVERIFY(monitor.alerts().isEmpty());
        QVERIFY(!m_window->alertsButton().isVisible());
        QCOMPARE(m_window->sidebarText(MainWindow::Metrics), QStringLiteral("Metrics"));

        // A burst of server errors (injected: the node has no route that fails on purpose).
        m_node->services()
            .metrics()
            .httpRequests.with({QStringLiteral("GET"), QStringLiteral("/x"), QStringLiteral("500")})
            .inc(25);
        monitor.check();
        QTRY_COMPARE(monitor.alerts().size(), 1);
        QCOMPARE(monitor.alerts().first().name, QStringLiteral("errors"));
        QCOMPARE(m_window->sidebarText(MainWindow::Metrics), QStringLiteral("Metrics (1)"));
        QVERIFY(m_window->alertsButton().isVisible());
        QCOMPARE(m_window->alertsButton().text(), QStringLiteral("⚠ 1 alert"));
        QVERIFY(m_window->lastNotification().isEmpty()); // the window shows it already
        m_window->showPanel(MainWindow::Overview);
        QTRY_VERIFY2(m_window->overview().alertText().contains(QStringLiteral("errors: 100% of 25 requests")),
                     qPrintable(m_window->overview().alertText()));
        m_window->alertsButton().click();
        QCOMPARE(m_window->currentPanel(), MainWindow::Overview);

        // Hidden, a new alert is a notification: reset mail requested while SMTP is not configured.
        CreateUserRequest r;
        r.username = QStringLiteral("liv");
        r.email = QStringLiteral("liv@example.com");
        r.emailVerified = true;
        QVERIFY(m_node->services().users().create(Principal::gui(), r));
        m_window->hide();
        m_node->services().users().requestPasswordReset(Principal::anonymous(), r.email);
        monitor.check();
        QTRY_COMPARE(monitor.alerts().size(), 2);
        QVERIFY2(m_window->lastNotification().contains(QStringLiteral("smtp.host")),
                 qPrintable(m_window->lastNotification()));
        QCOMPARE(m_window->sidebarText(MainWindow::Settings), QStringLiteral("Settings (1)"));
        QCOMPARE(m_window->alertsButton().text(), QStringLiteral("⚠ 2 alerts"));
    }

    // Five minutes come from the one-second points, an hour or a day from the one-minute points
    // (quantiles over each whole minute), with time ticks on round hours.
    void metricsWindowsReachADay()
    {
        MetricsPanel &metrics = m_window->metrics();
        QCOMPARE(metrics.window().count(), 4);
        for (int i = 0; i < 5; ++i) {
            m_sampler->sample();
            QTest::qWait(2);
        }
        const qsizetype fine = m_sampler->history().size();
        for (int i = 0; i < 61; ++i) // 60 one-second samples make one minute
            m_sampler->sample();
        QCOMPARE(m_sampler->coarseHistory().size(), 1);
        metrics.window().setCurrentIndex(3); // the last 24 hours
        QCOMPARE(metrics.plottedPoints(), 1);
        const QStringList labels = metrics.timeLabels(0);
        QVERIFY(!labels.isEmpty() && labels.size() <= 6);
        for (const QString &label : labels)
            QVERIFY2(label.endsWith(QStringLiteral(":00")), qPrintable(label)); // round hours
        m_sampler->sample();
        QCOMPARE(metrics.plottedPoints(), 1); // one-second points do not reach a day's graph
        metrics.window().setCurrentIndex(1);
        QVERIFY(metrics.plottedPoints() > fine);
    }

    void bulkActionsAskSummariseAndUndo()
    {
        const User root = createUser(QStringLiteral("root"), {QStringLiteral("admin")});
        const User ann = createUser(QStringLiteral("ann"));
        const User ben = createUser(QStringLiteral("ben"));
        UsersPanel &panel = m_window->users();
        panel.refresh();
        QTRY_COMPARE(panel.model().rowCount(), 3);

        // Add a role to all three, after a confirmation that names the role and the count.
        selectRows(panel.table(), {0, 1, 2});
        QCOMPARE(panel.selectionText(), QStringLiteral("3 selected"));
        Prompt::setNextAnswers({QStringLiteral("auditor")});
        QString asked;
        answerDialog<QMessageBox>([&asked](QMessageBox &box) {
            asked = box.text();
            box.button(QMessageBox::Cancel)->click(); // the safe button; nothing happens
        });
        panel.addRoleToSelected();
        QCOMPARE(asked, QStringLiteral("Add role 'auditor' to 3 users?"));
        QVERIFY(!fetch(ann.id).roles.contains(QStringLiteral("auditor")));
        Prompt::setNextAnswers({QStringLiteral("auditor"), true});
        panel.addRoleToSelected();
        QCOMPARE(panel.results(), QStringList{QStringLiteral("3 done")});
        QVERIFY(fetch(ann.id).roles.contains(QStringLiteral("auditor")));
        QVERIFY(fetch(root.id).roles.contains(QStringLiteral("admin")));

        // Disable all three: the last administrator is refused, the others are not held back; the
        // summary counts, the list names only the refusal, and Dismiss clears it.
        selectRows(panel.table(), {0, 1, 2});
        Prompt::setNextAnswers({true});
        panel.setSelectedEnabled(false);
        const QStringList results = panel.results();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.first(), QStringLiteral("2 done, 1 refused"));
        QVERIFY2(results.last().startsWith(QStringLiteral("root: ")) &&
                     results.last().contains(QStringLiteral("administrator")),
                 qPrintable(results.join(QLatin1Char('\n'))));
        QVERIFY(panel.errorText().contains(QStringLiteral("1 of 3")));
        QCOMPARE(fetch(ben.id).status, User::Status::Disabled);
        QCOMPARE(fetch(root.id).status, User::Status::Active);
        panel.findChild<QToolButton *>(QStringLiteral("dismissResults"))->click();
        QVERIFY(panel.results().isEmpty());

        // Undo puts back what the last action changed, and only that (root was never disabled);
        // a user changed since by someone else is left as it is.
        UserPatch meanwhile;
        meanwhile.displayName = QStringLiteral("Ben, renamed meanwhile");
        QVERIFY(m_node->services().users().update(Principal::system(), ben.id, meanwhile));
        QAction *undo = panel.action(QStringLiteral("undo"));
        QVERIFY(undo->isEnabled());
        QVERIFY2(undo->text().contains(QStringLiteral("disabling")), qPrintable(undo->text()));
        undo->trigger();
        QCOMPARE(fetch(ann.id).status, User::Status::Active);
        QCOMPARE(fetch(ben.id).status, User::Status::Disabled);
        QCOMPARE(panel.results().value(0), QStringLiteral("1 done, 1 refused"));
        QVERIFY2(panel.results().value(1).startsWith(QStringLiteral("ben: Changed since")),
                 qPrintable(panel.results().join(u'\n')));
        QVERIFY(!undo->isEnabled());
        const auto latest = m_node->services().audit().recent(1);
        QVERIFY(latest && !latest->isEmpty());
        QCOMPARE(latest->first().action, QStringLiteral("user.update")); // audited as any change
        QCOMPARE(latest->first().actorType, QStringLiteral("gui"));
        QVERIFY(m_node->services().users().update(Principal::system(), ben.id, [] {
            UserPatch active;
            active.status = User::Status::Active;
            return active;
        }()));

        // Delete two after confirming, then restore one of them. (Rows created within one
        // millisecond have no fixed order, so rows are found by id.)
        selectRows(panel.table(), {rowOf(panel, ann.id), rowOf(panel, ben.id)});
        Prompt::setNextAnswers({true});
        panel.deleteSelected();
        QVERIFY2(fetch(ann.id).isDeleted() && fetch(ben.id).isDeleted(), qPrintable(panel.errorText()));
        QTRY_COMPARE(panel.model().rowCount(), 1);
        panel.findChild<QCheckBox *>()->setChecked(true); // show deleted
        QTRY_COMPARE(panel.model().rowCount(), 3);
        selectRows(panel.table(), {rowOf(panel, ann.id)});
        panel.restoreSelected();
        QVERIFY(!fetch(ann.id).isDeleted());

        // Declining the purge confirmation changes nothing; confirming erases the user.
        selectRows(panel.table(), {rowOf(panel, ben.id)});
        Prompt::setNextAnswers({false});
        panel.purgeSelected();
        QVERIFY(m_node->services().users().get(Principal::gui(), ben.id));
        Prompt::setNextAnswers({true});
        panel.purgeSelected();
        QCOMPARE(m_node->services().users().get(Principal::gui(), ben.id).error().status(), 404);
    }

    void roleChoiceHasNoDefault()
    {
        const User ann = createUser(QStringLiteral("ann"));
        UsersPanel &panel = m_window->users();
        panel.refresh();
        selectRows(panel.table(), {rowOf(panel, ann.id)});
        bool checked = false;
        answerDialog<QDialog>([&checked](QDialog &dialog) {
            auto *list = dialog.findChild<QListWidget *>();
            QVERIFY(list);
            QVERIFY(list->count() >= 3);
            QVERIFY(list->selectedItems().isEmpty());
            auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            QVERIFY(!ok->isEnabled());
            QTest::keyClick(&dialog, Qt::Key_Return); // Enter alone picks nothing
            QVERIFY(dialog.isVisible());
            dialog.reject();
            checked = true;
        });
        panel.addRoleToSelected();
        QVERIFY(checked);
        QCOMPARE(fetch(ann.id).roles, QStringList{QStringLiteral("user")});
    }

    void selectAllMatchingRunsThroughPages()
    {
        createUser(QStringLiteral("root"), {QStringLiteral("admin")});
        for (int i = 0; i < 24; ++i)
            createUser(QStringLiteral("member%1").arg(i, 2, 10, QLatin1Char('0')));
        UsersPanel &panel = m_window->users();
        // Short enough that the view never asks for the next page itself: the test pages by hand.
        panel.table().setMaximumHeight(150);
        panel.model().setPageSize(10);
        panel.refresh();
        panel.model().reload();
        QTRY_COMPARE(panel.model().rowCount(), 10);
        panel.table().selectAll(); // Ctrl+A: the loaded rows only, and the count says so
        QCOMPARE(panel.selectionText(), QStringLiteral("10 selected"));
        auto *offer = panel.findChild<QToolButton *>(QStringLiteral("selectAllMatching"));
        QVERIFY(offer->isVisible());
        QCOMPARE(offer->text(), QStringLiteral("Select all 25 matching"));
        offer->click();
        QCOMPARE(panel.selectionText(), QStringLiteral("All 25 matching selected"));
        QCOMPARE(panel.selectionCount(), 25);
        // A new search is not "all matching": the choice goes as soon as the filter changes.
        panel.search().setText(QStringLiteral("member1"));
        QTRY_VERIFY(!panel.selectionText().startsWith(QStringLiteral("All")));
        QVERIFY(settled(panel.model()));
        panel.search().clear();
        QTRY_COMPARE(panel.model().total(), 25);
        QVERIFY(settled(panel.model()));
        panel.table().selectAll();
        offer->click();
        QCOMPARE(panel.selectionText(), QStringLiteral("All 25 matching selected"));

        QString asked;
        answerDialog<QMessageBox>([&asked](QMessageBox &box) {
            asked = box.text();
            for (QAbstractButton *b : box.buttons())
                if (box.buttonRole(b) == QMessageBox::DestructiveRole)
                    b->click(); // the confirming button
        });
        panel.setSelectedEnabled(false);
        QVERIFY2(asked.startsWith(QStringLiteral("Disable 25 users?")), qPrintable(asked));
        QCOMPARE(panel.results().value(0), QStringLiteral("24 done, 1 refused"));
        UserFilter disabled;
        disabled.status = User::Status::Disabled;
        QCOMPARE(m_node->services().users().list(Principal::gui(), disabled)->total, 24);

        // A selection by hand replaces "all matching".
        selectRows(panel.table(), {0});
        QCOMPARE(panel.selectionText(), QStringLiteral("1 selected"));
        panel.table().setMaximumHeight(QWIDGETSIZE_MAX);
    }

    void actionsApplyToTheSelection()
    {
        const User ann = createUser(QStringLiteral("ann"));
        UsersPanel &panel = m_window->users();
        panel.refresh();
        const auto enabled = [&panel](const char *name) {
            return panel.action(QString::fromLatin1(name))->isEnabled();
        };
        panel.table().clearSelection();
        QVERIFY(!enabled("disable") && !enabled("delete") && !enabled("edit"));
        selectRows(panel.table(), {rowOf(panel, ann.id)});
        QVERIFY(enabled("disable") && enabled("delete") && enabled("edit"));
        QVERIFY(!enabled("enable"));
        QVERIFY(!enabled("restore")); // only for deleted users
        QVERIFY(!enabled("unlock"));  // only for locked ones
        QVERIFY(!enabled("resetMfa"));
        QVERIFY(m_node->services().users().remove(Principal::gui(), ann.id, false));
        panel.findChild<QCheckBox *>()->setChecked(true); // show deleted
        QTRY_VERIFY(panel.model().rowCount() > 0);
        selectRows(panel.table(), {rowOf(panel, ann.id)});
        QVERIFY(enabled("restore"));
        QVERIFY(!enabled("disable") && !enabled("edit") && !enabled("delete"));
    }

    void panelsShowChangesMadeElsewhere()
    {
        // A role made through the API (here: the service, as the API would) while the panels are
        // hidden shows when they are shown, and while one is shown within its refresh interval.
        RoleInput input;
        input.name = QStringLiteral("support");
        input.permissions = {QStringLiteral("users:read")};
        QVERIFY(m_node->services().roles().create(Principal::system(), input));
        const auto listed = [](QTableWidget &table, const QString &name) {
            for (int r = 0; r < table.rowCount(); ++r)
                if (table.item(r, 0)->text() == name)
                    return true;
            return false;
        };
        m_window->showPanel(MainWindow::Roles);
        QVERIFY(listed(m_window->roles().table(), QStringLiteral("support")));
        m_window->showPanel(MainWindow::Users);
        QVERIFY(m_window->users().roleFilter().findData(QStringLiteral("support")) >= 0);

        m_window->showPanel(MainWindow::Roles);
        m_window->roles().setRefreshInterval(50);
        input.name = QStringLiteral("billing");
        QVERIFY(m_node->services().roles().create(Principal::system(), input));
        QTRY_VERIFY(listed(m_window->roles().table(), QStringLiteral("billing")));
    }

    void listPositionSortAndLooks()
    {
        const User gone = createUser(QStringLiteral("gone"));
        const User held =
            createUser(QStringLiteral("held"), {QStringLiteral("user")}, QStringLiteral("a long enough passphrase"));
        for (int i = 0; i < 58; ++i)
            createUser(QStringLiteral("member%1").arg(i, 2, 10, QLatin1Char('0')));
        UsersPanel &panel = m_window->users();
        panel.model().setPageSize(10);
        panel.model().setMaxPages(4); // more than a screenful, fewer than all
        panel.model().reload();
        QCoreApplication::processEvents();
        QVERIFY2(panel.positionText().startsWith(QStringLiteral("Rows 1–")), qPrintable(panel.positionText()));
        QVERIFY2(panel.positionText().endsWith(QStringLiteral(" of 60")), qPrintable(panel.positionText()));

        // Scrolled to the end (pages above dropped), the position still counts from the top.
        QScrollBar &bar = *panel.table().verticalScrollBar();
        for (int step = 0; settled(panel.model()) && panel.model().canFetchMore({}) && step < 10; ++step) {
            bar.setValue(bar.maximum());
            QCoreApplication::processEvents();
            QVERIFY(settled(panel.model()));
        }
        bar.setValue(bar.maximum());
        QCoreApplication::processEvents();
        QVERIFY(panel.model().windowOffset() > 0);
        QVERIFY2(panel.positionText().endsWith(QStringLiteral("–60 of 60")), qPrintable(panel.positionText()));

        // A new search starts at the first row.
        panel.search().setText(QStringLiteral("member"));
        QTRY_COMPARE(panel.model().total(), 58);
        QCOMPARE(bar.value(), bar.minimum());
        QVERIFY2(panel.positionText().startsWith(QStringLiteral("Rows 1–")), qPrintable(panel.positionText()));
        panel.search().clear();
        QTRY_COMPARE(panel.model().total(), 60);

        // A column the server cannot sort by takes no arrow.
        QHeaderView &header = *panel.table().horizontalHeader();
        QCOMPARE(header.sortIndicatorSection(), int(UserTableModel::Created));
        QTest::mouseClick(header.viewport(), Qt::LeftButton, {},
                          QPoint(header.sectionViewportPosition(UserTableModel::Email) + 5, 5));
        QCOMPARE(header.sortIndicatorSection(), int(UserTableModel::Created));
        QTest::mouseClick(header.viewport(), Qt::LeftButton, {},
                          QPoint(header.sectionViewportPosition(UserTableModel::Username) + 5, 5));
        QCOMPARE(header.sortIndicatorSection(), int(UserTableModel::Username));

        // A locked user says so; a deleted one looks deleted.
        for (int i = 0; i < 5; ++i)
            (void)m_node->services().auth().login(Principal::anonymous(), QStringLiteral("held"),
                                                  QStringLiteral("wrong password"));
        QVERIFY(m_node->services().users().remove(Principal::gui(), gone.id, false));
        panel.findChild<QCheckBox *>()->setChecked(true); // show deleted
        panel.model().setPageSize(200);
        QTRY_COMPARE(panel.model().total(), 60);
        panel.model().reload();
        QCOMPARE(panel.model().index(rowOf(panel, held.id), UserTableModel::Status).data().toString(),
                 QStringLiteral("locked"));
        const QModelIndex deleted = panel.model().index(rowOf(panel, gone.id), UserTableModel::Username);
        QCOMPARE(panel.model().index(deleted.row(), UserTableModel::Status).data().toString(),
                 QStringLiteral("deleted"));
        QVERIFY(deleted.data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(!panel.model().index(rowOf(panel, held.id), 0).data(Qt::FontRole).isValid());
    }

    void resetPasswordAndDetailPaneUnlock()
    {
        const User dora =
            createUser(QStringLiteral("dora"), {QStringLiteral("user")}, QStringLiteral("an old passphrase here"));
        UsersPanel &panel = m_window->users();
        panel.refresh();
        selectRows(panel.table(), {0});
        UserDetailPane &pane = panel.details();
        QCOMPARE(pane.fieldText(QStringLiteral("lockout")), QStringLiteral("Not locked"));
        QVERIFY(pane.fieldText(QStringLiteral("password")).startsWith(QStringLiteral("Set ")));

        // A weak typed password: the service's policy error stays in the dialog.
        QString weakError;
        answerDialog<PasswordDialog>([&](PasswordDialog &d) {
            type(d, "password", QStringLiteral("password"));
            d.accept();
            weakError = d.errorText(QStringLiteral("new_password"));
            d.reject();
        });
        panel.resetPassword();
        QVERIFY2(!weakError.isEmpty(), "a blocklisted password was accepted");

        // A generated password works for login at once.
        QString generated;
        answerDialog<PasswordDialog>([&](PasswordDialog &d) {
            generated = d.password();
            d.accept();
        });
        panel.resetPassword();
        QCOMPARE(generated.size(), 20);
        QVERIFY(m_node->services().auth().login(Principal::anonymous(), QStringLiteral("dora"), generated));
        QVERIFY(fetch(dora.id).requirePasswordChange);

        // Wrong passwords over HTTP lock the account; the pane shows it and unlocks in one click.
        QNetworkAccessManager nam;
        for (int i = 0; i < 6; ++i) {
            QNetworkRequest request(QUrl(m_node->url() + QStringLiteral("/api/v1/auth/login")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            QNetworkReply *reply = nam.post(request, R"({"login":"dora","password":"wrong wrong wrong"})");
            QTRY_VERIFY(reply->isFinished());
            reply->deleteLater();
        }
        QVERIFY(fetch(dora.id).lockedUntil > 0);
        pane.refresh();
        QVERIFY2(pane.fieldText(QStringLiteral("lockout")).startsWith(QStringLiteral("Locked until")),
                 qPrintable(pane.fieldText(QStringLiteral("lockout"))));
        QVERIFY(!pane.unlockButton().isHidden());
        pane.unlockButton().click();
        QCOMPARE(fetch(dora.id).lockedUntil, 0);
        QCOMPARE(pane.fieldText(QStringLiteral("lockout")), QStringLiteral("Not locked"));
        QVERIFY(pane.events().topLevelItemCount() > 0); // the failed logins and the unlock are listed
    }

    // The pane lists a user's passkeys; a lost one is removed after a confirmation.
    void detailPaneListsAndRemovesPasskeys()
    {
        const QString password = QStringLiteral("a passphrase for passkeys");
        const User fay = createUser(QStringLiteral("fay"), {QStringLiteral("user")}, password);
        Services &services = m_node->services();
        const auto tokens = services.auth().login(Principal::anonymous(), QStringLiteral("fay"), password);
        QVERIFY(tokens);
        const auto fays = services.auth().authenticate(tokens->accessToken.toLatin1(), Principal::anonymous());
        QVERIFY(fays);
        const auto options = services.passkeys().registrationOptions(*fays, std::nullopt);
        QVERIFY(options);
        test::SoftwareAuthenticator key;
        const QString origin = QUrl(services.auth().issuer())
                                   .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
                                   .toString();
        QVERIFY(
            services.passkeys().registerPasskey(*fays, key.registration(*options, origin), QStringLiteral("YubiKey")));

        UsersPanel &panel = m_window->users();
        panel.refresh();
        selectRows(panel.table(), {rowOf(panel, fay.id)});
        UserDetailPane &pane = panel.details();
        QCOMPARE(pane.userId(), fay.id);
        QCOMPARE(pane.passkeys().topLevelItemCount(), 1);
        QCOMPARE(pane.passkeys().topLevelItem(0)->text(0), QStringLiteral("YubiKey"));
        QCOMPARE(pane.fieldText(QStringLiteral("passkeys")), QStringLiteral("1, signing in alone"));
        pane.passkeys().setCurrentItem(pane.passkeys().topLevelItem(0));
        Prompt::setNextAnswers({false}); // cancelled: kept
        pane.removePasskey();
        QCOMPARE(services.passkeys().listOfUser(Principal::gui(), fay.id)->size(), 1);
        Prompt::setNextAnswers({true});
        pane.removePasskey();
        QCOMPARE(services.passkeys().listOfUser(Principal::gui(), fay.id)->size(), 0);
        QCOMPARE(pane.passkeys().topLevelItemCount(), 0);
        QCOMPARE(pane.fieldText(QStringLiteral("passkeys")), QStringLiteral("None"));
    }

    void rolesAndApiKeys()
    {
        RolesPanel &roles = m_window->roles();
        answerDialog<RoleDialog>([](RoleDialog &d) {
            type(d, "name", QStringLiteral("support"));
            type(d, "description", QStringLiteral("Help desk"));
            auto *permissions = d.findChild<QListWidget *>(QStringLiteral("permissions"));
            QVERIFY(permissions);
            permissions->findItems(QStringLiteral("users:read"), Qt::MatchExactly).first()->setCheckState(Qt::Checked);
            d.accept();
        });
        roles.newRole();
        auto support = m_node->services().roles().get(Principal::gui(), QStringLiteral("support"));
        QVERIFY(support);
        QCOMPARE(support->permissions, QStringList{QStringLiteral("users:read")});
        QVERIFY(!roles.table().findItems(QStringLiteral("support"), Qt::MatchExactly).isEmpty());

        // A new key's secret is shown once, and it authenticates.
        ApiKeysPanel &keys = m_window->apiKeys();
        QString secret;
        answerDialog<ApiKeyDialog>([&secret](ApiKeyDialog &d) {
            type(d, "name", QStringLiteral("billing-sync"));
            QTimer::singleShot(0, [&secret] {
                auto *shown = qobject_cast<SecretDialog *>(QApplication::activeModalWidget());
                QVERIFY(shown);
                secret = shown->findChild<QLineEdit *>(QStringLiteral("secret"))->text();
                shown->accept();
            });
            d.accept();
        });
        keys.newKey();
        QVERIFY(secret.startsWith(QStringLiteral("kw_")));
        QVERIFY(m_node->services().apiKeys().authenticate(secret.toUtf8(), Principal::anonymous()));
        QCOMPARE(keys.table().rowCount(), 1);
        QVERIFY(!keys.table().item(0, 1)->text().contains(secret)); // only the prefix is listed

        keys.table().selectRow(0);
        Prompt::setNextAnswers({true});
        keys.revokeSelected();
        QVERIFY(!m_node->services().apiKeys().authenticate(secret.toUtf8(), Principal::anonymous()));
        QCOMPARE(keys.table().rowCount(), 0);
    }

    // An application registered from the console: its secret shown once and good at the token
    // endpoint's service, a bad redirect URI refused under its field, a new secret replacing the old.
    // An endpoint registered from the console: a private address refused under its field, the
    // secret shown once and good for the receiver, the deliveries listed and one sent again.
    void webhooksPanelRegistersShowsDeliveriesAndResends()
    {
        WebhooksPanel &panel = m_window->webhooks();
        test::WebhookReceiver receiver;
        QString refusal, secret;
        answerDialog<WebhookDialog>([&](WebhookDialog &d) {
            type(d, "url", receiver.url());
            auto *events = d.findChild<QListWidget *>(QStringLiteral("events"));
            QVERIFY(events);
            QCOMPARE(events->item(0)->text(), QStringLiteral("*"));
            events->findItems(QStringLiteral("user.*"), Qt::MatchExactly).first()->setCheckState(Qt::Unchecked);
            events->findItems(QStringLiteral("role.create"), Qt::MatchExactly).first()->setCheckState(Qt::Checked);
            d.accept(); // refused: this node allows no endpoint at a loopback address
            refusal = d.errorText(QStringLiteral("url"));
            m_node->services().webhooks().setAllowPrivateTargets(true);
            QTimer::singleShot(0, [&secret] {
                auto *shown = qobject_cast<SecretDialog *>(QApplication::activeModalWidget());
                QVERIFY(shown);
                secret = shown->findChild<QLineEdit *>(QStringLiteral("secret"))->text();
                shown->accept();
            });
            d.accept();
        });
        panel.newWebhook();
        QVERIFY2(refusal.contains(QStringLiteral("--webhooks-private")), qPrintable(refusal));
        QVERIFY(secret.startsWith(QStringLiteral("whsec_")));
        receiver.setSecret(secret);
        QCOMPARE(panel.table().rowCount(), 1);
        QCOMPARE(panel.table().item(0, 1)->text(), QStringLiteral("role.create"));

        RoleInput role;
        role.name = QStringLiteral("webhooked");
        QVERIFY(m_node->services().roles().create(Principal::gui(), role));
        QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 1, 10'000);
        QVERIFY(receiver.received().first().signatureValid);

        const Webhook hook = m_node->services().webhooks().list(Principal::gui())->first();
        WebhookDeliveriesDialog log(m_node->services().webhooks(), Principal::gui(), hook, m_window.get());
        QCOMPARE(log.table().rowCount(), 1);
        QCOMPARE(log.table().item(0, 1)->text(), QStringLiteral("role.create"));
        QCOMPARE(log.table().item(0, 2)->text(), QStringLiteral("delivered"));
        log.table().selectRow(0);
        log.resendSelected();
        QCOMPARE(log.table().rowCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 2, 10'000);
        QCOMPARE(receiver.received().at(1).id, receiver.received().at(0).id);

        panel.table().selectRow(0);
        Prompt::setNextAnswers({true});
        panel.deleteSelected();
        QCOMPARE(panel.table().rowCount(), 0);
        m_node->services().webhooks().setAllowPrivateTargets(false);
    }

    void clientsPanelRegistersRenewsAndDeletes()
    {
        ClientsPanel &clients = m_window->clients();
        QString refusal, secret;
        // The secret dialog that follows a save: read its secret and close it.
        const auto readSecret = [&secret] {
            QTimer::singleShot(0, [&secret] {
                auto *shown = qobject_cast<SecretDialog *>(QApplication::activeModalWidget());
                QVERIFY(shown);
                secret = shown->findChild<QLineEdit *>(QStringLiteral("secret"))->text();
                shown->accept();
            });
        };
        answerDialog<ClientDialog>([&](ClientDialog &d) {
            type(d, "name", QStringLiteral("Shop"));
            auto *uris = d.findChild<QPlainTextEdit *>(QStringLiteral("redirect_uris"));
            QVERIFY(uris);
            uris->setPlainText(QStringLiteral("http://shop.example.com/callback"));
            d.accept(); // refused: plain http to a host on the network
            refusal = d.errorText(QStringLiteral("redirect_uris"));
            uris->setPlainText(QStringLiteral("https://shop.example.com/callback\n"));
            d.findChild<QListWidget *>(QStringLiteral("grant_types"))
                ->findItems(QStringLiteral("client_credentials"), Qt::MatchExactly)
                .first()
                ->setCheckState(Qt::Checked);
            readSecret();
            d.accept();
        });
        clients.newClient();
        QVERIFY2(refusal.contains(QStringLiteral("loopback")), qPrintable(refusal));
        const QString first = secret;
        QVERIFY(first.startsWith(QStringLiteral("kws_")));
        QCOMPARE(clients.table().rowCount(), 1);
        const QString id = clients.table().item(0, 2)->text();
        const auto authenticates = [&](const QString &withSecret) {
            const ClientAuthentication auth{QStringLiteral("client_secret_basic"), id, withSecret, {}, {}};
            return bool(m_node->services().oauth().authenticateClient(Principal::anonymous(), auth));
        };
        QVERIFY(authenticates(first));

        clients.table().selectRow(0);
        Prompt::setNextAnswers({true});
        readSecret();
        clients.newSecretForSelected();
        QVERIFY(secret != first);
        QVERIFY(!authenticates(first));
        QVERIFY(authenticates(secret));

        clients.table().selectRow(0);
        Prompt::setNextAnswers({true});
        clients.deleteSelected();
        QCOMPARE(clients.table().rowCount(), 0);
        QVERIFY(!authenticates(secret));

        // A client that signs with its own keys keeps its method and keys through an edit here.
        OAuthClientInput signer;
        signer.name = QStringLiteral("Signer");
        signer.type = QStringLiteral("confidential");
        signer.authMethod = QStringLiteral("private_key_jwt");
        signer.grantTypes = QStringList{QStringLiteral("client_credentials")};
        signer.jwks = QString::fromUtf8(
            QJsonDocument(
                QJsonObject{{QStringLiteral("keys"), QJsonArray{crypto::SigningKey::generate(QStringLiteral("EdDSA"))
                                                                    ->publicJwk(QStringLiteral("k1"))}}})
                .toJson(QJsonDocument::Compact));
        auto made = m_node->services().oauthClients().create(Principal::gui(), signer);
        QVERIFY(made);
        clients.refresh();
        clients.table().selectRow(0);
        answerDialog<ClientDialog>([](ClientDialog &d) {
            auto *method = d.findChild<QComboBox *>(QStringLiteral("token_endpoint_auth_method"));
            QVERIFY(method);
            QCOMPARE(method->count(), 1);
            QVERIFY(!method->isEnabled());
            d.accept(); // saved unchanged
        });
        clients.editSelected();
        auto kept = m_node->services().oauthClients().get(Principal::gui(), made->client.id);
        QCOMPARE(kept->authMethod, QStringLiteral("private_key_jwt"));
        QCOMPARE(kept->jwks, made->client.jwks);
        QCOMPARE(kept->version, made->client.version); // nothing changed, nothing written
        QVERIFY(m_node->services().oauthClients().remove(Principal::gui(), made->client.id));
    }

    void logsPanelTailsFiltersAndExports()
    {
        LogsPanel &logs = m_window->logs();
        const int before = logs.model().rowCount();
        for (int i = 0; i < 50; ++i)
            qInfo("tail test line %d", i);
        qWarning("tail test warning");
        QTRY_VERIFY(logs.model().rowCount() >= before + 51);

        logs.textFilter().setText(QStringLiteral("tail test"));
        QCOMPARE(logs.visibleRows(), 51);
        logs.levelFilter().setCurrentIndex(2); // warnings and errors
        QCOMPARE(logs.visibleRows(), 1);

        const QString path = m_dir->filePath(QStringLiteral("export.log"));
        QVERIFY(logs.exportTo(path).isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 2); // one line and the final newline
        QVERIFY(lines.first().contains("warning") && lines.first().contains("tail test warning"));

        // Paused, nothing arrives; resumed, what the ring kept meanwhile does.
        logs.levelFilter().setCurrentIndex(0);
        logs.setPaused(true);
        qInfo("tail test while paused");
        QTest::qWait(400);
        QCOMPARE(logs.visibleRows(), 51);
        logs.setPaused(false);
        QCOMPARE(logs.visibleRows(), 52);

        // Requests in columns, by the name of who made them; a throttled or failed one is a
        // warning; a tail that follows keeps following when the filter changes.
        // (The suite runs with info lines of keyward.* off; this part needs the access lines.)
        const_cast<QLoggingCategory &>(lcAccess()).setEnabled(QtInfoMsg, true);
        const User ann =
            createUser(QStringLiteral("ann"), {QStringLiteral("user")}, QStringLiteral("a long enough passphrase"));
        QNetworkAccessManager net;
        QNetworkRequest login(QUrl(m_node->url() + QStringLiteral("/api/v1/auth/login")));
        login.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        std::unique_ptr<QNetworkReply> tokens(
            net.post(login, QByteArrayLiteral(R"({"login":"ann","password":"a long enough passphrase"})")));
        QTRY_VERIFY(tokens->isFinished());
        const QString access =
            QJsonDocument::fromJson(tokens->readAll()).object().value(QStringLiteral("access_token")).toString();
        QVERIFY(!access.isEmpty());
        QNetworkRequest me(QUrl(m_node->url() + QStringLiteral("/api/v1/me")));
        me.setRawHeader("Authorization", "Bearer " + access.toLatin1());
        std::unique_ptr<QNetworkReply> reply(net.get(me));
        QTRY_VERIFY(reply->isFinished());
        logs.textFilter().setText(QStringLiteral("/api/v1/me"));
        logs.levelFilter().setCurrentIndex(0);
        const auto findRow = [&logs]() -> int {
            for (int r = 0; r < logs.model().rowCount(); ++r)
                if (logs.model().index(r, LogTableModel::Path).data().toString() == QLatin1String("/api/v1/me") &&
                    logs.model().index(r, LogTableModel::User).data().toString() == QLatin1String("ann"))
                    return r;
            return -1;
        };
        QTRY_VERIFY(findRow() >= 0);
        const int row = findRow();
        QCOMPARE(logs.model().index(row, LogTableModel::Method).data().toString(), QStringLiteral("GET"));
        QCOMPARE(logs.model().index(row, LogTableModel::Status).data().toInt(), 200);
        QVERIFY(logs.model().index(row, LogTableModel::Duration).data().toString().endsWith(QStringLiteral(" ms")));
        QCOMPARE(logs.model().index(row, LogTableModel::User).data(Qt::ToolTipRole).toString(), ann.id);

        // A throttled request is a warning.
        QVERIFY(m_node->services().settings().update(Principal::system(),
                                                     {{QStringLiteral("rate_limits.auth_per_minute"), qint64(1)}}));
        for (int i = 0; i < 3; ++i) {
            std::unique_ptr<QNetworkReply> again(
                net.post(login, QByteArrayLiteral(R"({"login":"ann","password":"wrong"})")));
            QTRY_VERIFY(again->isFinished());
        }
        const auto throttled = [&logs]() -> int {
            for (int r = logs.model().rowCount() - 1; r >= 0; --r)
                if (logs.model().index(r, LogTableModel::Status).data().toInt() == 429)
                    return r;
            return -1;
        };
        QTRY_VERIFY(throttled() >= 0);
        QCOMPARE(logs.model().index(throttled(), LogTableModel::Level).data().toString(), QStringLiteral("warning"));

        logs.textFilter().clear();
        auto &bar = *logs.findChild<QTableView *>(QStringLiteral("logsTable"))->verticalScrollBar();
        QTRY_COMPARE(bar.value(), bar.maximum());
        logs.textFilter().setText(QStringLiteral("tail test"));
        for (int i = 0; i < 200; ++i)
            qInfo("tail test after the filter %d", i);
        QTRY_VERIFY(logs.visibleRows() >= 250);
        QCOMPARE(bar.value(), bar.maximum()); // still at the newest line
    }

    void auditPanelSearchesVerifiesAndExports()
    {
        createUser(QStringLiteral("erin"));
        createUser(QStringLiteral("finn"));
        AuditPanel &audit = m_window->audit();
        QTest::keyClicks(&audit.actionFilter(), QStringLiteral("user.create"));
        audit.applyFilter();
        QTRY_COMPARE(audit.model().rowCount(), 2);
        audit.table().setCurrentIndex(audit.model().index(0, 0));
        QVERIFY(audit.detailsText().contains(QStringLiteral("\"user.create\"")));
        QVERIFY(audit.detailsText().contains(QStringLiteral("finn")));

        audit.verifyChain();
        QVERIFY2(audit.verifyResult().startsWith(QStringLiteral("Chain intact")), qPrintable(audit.verifyResult()));

        const QString path = m_dir->filePath(QStringLiteral("audit.jsonl"));
        const QString exportError = audit.exportTo(path);
        QVERIFY2(exportError.isEmpty(), qPrintable(exportError));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(lines.first()).object().value(QStringLiteral("action")).toString(),
                 QStringLiteral("user.create"));
    }

    void auditNamesPeopleAndLeadsToThem()
    {
        const User ann =
            createUser(QStringLiteral("ann"), {QStringLiteral("user")}, QStringLiteral("a long enough passphrase"));
        QVERIFY(m_node->services().auth().login(Principal::anonymous(), QStringLiteral("ann"),
                                                QStringLiteral("a long enough passphrase")));
        m_window->showPanel(MainWindow::Audit);
        AuditPanel &audit = m_window->audit();
        audit.applyFilter();
        QTRY_VERIFY(!audit.model().loading() && audit.model().rowCount() >= 2);
        int login = -1;
        int created = -1;
        for (int r = 0; r < audit.model().rowCount(); ++r) {
            const QString action = audit.model().eventAt(r)->action;
            if (action == QLatin1String("auth.login"))
                login = r;
            else if (action == QLatin1String("user.create"))
                created = r;
        }
        QVERIFY(login >= 0 && created >= 0);
        const auto cell = [&audit](int row, int column) { return audit.model().index(row, column).data().toString(); };
        // A login's actor is the user who signed in, named, not "anonymous" or an id.
        QCOMPARE(cell(login, AuditTableModel::Actor), QStringLiteral("ann"));
        QCOMPARE(cell(login, AuditTableModel::Target), QStringLiteral("ann"));
        QCOMPARE(cell(created, AuditTableModel::Actor), QStringLiteral("console"));
        QCOMPARE(cell(created, AuditTableModel::Target), QStringLiteral("ann"));
        QVERIFY(
            audit.model().index(created, AuditTableModel::Target).data(Qt::ToolTipRole).toString().contains(ann.id));

        // A date range: nothing tomorrow; any date again brings the events back.
        audit.fromDate().setDate(QDate::currentDate().addDays(1));
        QTRY_VERIFY(!audit.model().loading() && audit.model().rowCount() == 0);
        audit.fromDate().setDate(audit.fromDate().minimumDate());
        QTRY_VERIFY(!audit.model().loading() && audit.model().rowCount() >= 2);

        // Enter on an event goes to its user.
        audit.table().setCurrentIndex(audit.model().index(created, 0));
        QTest::keyClick(&audit.table(), Qt::Key_Return);
        QCOMPARE(m_window->currentPanel(), MainWindow::Users);
        UsersPanel &users = m_window->users();
        QCOMPARE(users.details().userId(), ann.id);
        QVERIFY(settled(users.model()));
        QCOMPARE(users.model().total(), 1);
        QCOMPARE(users.table().currentIndex().data(UserTableModel::IdRole).toString(), ann.id);
        // Its recent activity names the actors too.
        QTRY_VERIFY(users.details().events().topLevelItemCount() > 0);
        QStringList actors;
        for (int i = 0; i < users.details().events().topLevelItemCount(); ++i)
            actors << users.details().events().topLevelItem(i)->text(3);
        QVERIFY2(actors.contains(QStringLiteral("ann")) && actors.contains(QStringLiteral("console")),
                 qPrintable(actors.join(u',')));
    }

    // A long list is a sliding window of pages in both tables, and refreshing it keeps the place.
    // Paging down through more users than the table holds at once keeps the current row on
    // screen and moving forward, across every page that comes and goes.
    void pageDownKeepsTheCurrentRowVisible()
    {
        m_window->resize(760, 560);
        for (int i = 0; i < 120; ++i)
            createUser(QStringLiteral("p%1").arg(i, 3, 10, QLatin1Char('0')));
        UsersPanel &panel = m_window->users();
        UserTableModel &users = panel.model();
        users.setPageSize(20);
        users.setMaxPages(3);
        users.reload();
        QVERIFY(settled(users));
        QTableView &table = panel.table();
        table.setFocus();
        table.setCurrentIndex(users.index(0, UserTableModel::Username));
        QStringList seen;
        for (int press = 0; press < 40 && seen.size() < 120; ++press) {
            QTest::keyClick(&table, Qt::Key_PageDown);
            QVERIFY(settled(users));
            QCoreApplication::processEvents();
            const QModelIndex current = table.currentIndex();
            QVERIFY(current.isValid());
            QVERIFY2(table.viewport()->rect().intersects(table.visualRect(current)),
                     qPrintable(QStringLiteral("press %1: row %2 is off screen").arg(press).arg(current.row())));
            const QString name = current.siblingAtColumn(UserTableModel::Username).data().toString();
            if (!seen.isEmpty() && seen.last() == name)
                break;                                                        // the end
            QVERIFY2(seen.isEmpty() || name > seen.last(), qPrintable(name)); // forward only
            seen << name;
        }
        QCOMPARE(seen.last(), QStringLiteral("p119"));
    }

    // The users table's scrollbar spans every matching user, not the pages held: its range is the
    // total; moved a little it scrolls, dropped far away it shows the rows there, and the rows
    // above them come when scrolling up from there.
    void scrollbarSpansTheWholeResult()
    {
        m_window->resize(760, 560);
        for (int i = 0; i < 150; ++i)
            createUser(QStringLiteral("s%1").arg(i, 3, 10, QLatin1Char('0')));
        UsersPanel &panel = m_window->users();
        UserTableModel &users = panel.model();
        users.setPageSize(40);
        users.setMaxPages(2);
        panel.table().sortByColumn(UserTableModel::Username, Qt::AscendingOrder);
        QVERIFY(settled(users));
        QCoreApplication::processEvents();
        auto *bar = panel.findChild<QScrollBar *>(QStringLiteral("resultScrollBar"));
        QVERIFY(bar && bar->isVisible());
        QVERIFY(!panel.table().verticalScrollBar()->isVisible());
        QCOMPARE(bar->maximum() + bar->pageStep(), 150);
        QCOMPARE(users.rowCount(), 40);
        QVERIFY(bar->pageStep() < 30);
        const auto topName = [&] {
            return users.index(panel.table().rowAt(0), UserTableModel::Username).data().toString();
        };
        QCOMPARE(topName(), QStringLiteral("s000"));

        bar->setValue(2); // within the rows held: the view scrolls, nothing is read
        QCOMPARE(topName(), QStringLiteral("s002"));
        QVERIFY(!users.loading());
        bar->setValue(45); // a page below them: read, then scrolled to
        QVERIFY(settled(users));
        QCoreApplication::processEvents();
        QCOMPARE(topName(), QStringLiteral("s045"));
        QCOMPARE(bar->value(), 45);

        bar->setValue(110); // far beyond them: the window starts there
        QVERIFY(settled(users));
        QTRY_COMPARE(users.windowOffset(), qint64(70)); // and a page above it follows
        QVERIFY(settled(users));
        QCoreApplication::processEvents();
        QCOMPARE(topName(), QStringLiteral("s110"));
        QCOMPARE(bar->value(), 110);
        QVERIFY2(panel.positionText().startsWith(QStringLiteral("Rows 111–")), qPrintable(panel.positionText()));

        bar->setValue(0); // and back to the start
        QVERIFY(settled(users));
        QCoreApplication::processEvents();
        QCOMPARE(users.windowOffset(), qint64(0));
        QCOMPARE(topName(), QStringLiteral("s000"));
    }

    void tablesHoldAWindowOfPages()
    {
        m_window->resize(760, 560);
        for (int i = 0; i < 120; ++i)
            createUser(QStringLiteral("w%1").arg(i, 3, 10, QLatin1Char('0')));
        UserFilter all;
        all.limit = 200;
        QStringList ids;
        const auto listed = m_node->services().users().list(Principal::gui(), all);
        QVERIFY(listed);
        for (const User &u : listed->items)
            ids << u.id;
        QCOMPARE(ids.size(), 120);

        UsersPanel &panel = m_window->users();
        UserTableModel &users = panel.model();
        users.setPageSize(20);
        users.setMaxPages(4);
        users.reload();
        QVERIFY(users.loading()); // read on the panel's service thread; the window goes on meanwhile
        const auto userKey = [&](int row) { return users.index(row, 0).data(UserTableModel::IdRole).toString(); };
        walkWindow(panel.table(), users, ids, userKey);
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(users.total(), 120);

        // Edit a user in the middle of a window that does not start at the top: refreshing keeps
        // the window where it is, the edited row selected and up to date.
        for (int i = 0; i < 2; ++i) {
            panel.table().verticalScrollBar()->setValue(panel.table().verticalScrollBar()->maximum());
            QVERIFY(settled(users));
        }
        QVERIFY(users.canFetchPrevious());
        const int row = users.rowCount() / 2;
        const QString id = userKey(row);
        const QString firstHeld = userKey(0);
        panel.table().selectRow(row);
        panel.table().scrollTo(users.index(row, 0), QAbstractItemView::PositionAtTop);
        panel.setSelectedEnabled(false);
        QCOMPARE(fetch(id).status, User::Status::Disabled);
        QVERIFY(settled(users));
        QCOMPARE(userKey(0), firstHeld);
        QCOMPARE(panel.table().currentIndex().row(), row);
        QCOMPARE(userKey(panel.table().indexAt(QPoint(0, 0)).row()), id);
        QCOMPARE(users.index(row, UserTableModel::Status).data().toString(), QStringLiteral("disabled"));

        m_window->showPanel(MainWindow::Audit);
        AuditTableModel &events = m_window->audit().model();
        QStringList seqs;
        AuditFilter f;
        f.limit = 200;
        const auto logged = m_node->services().audit().list(Principal::gui(), f);
        QVERIFY(logged);
        for (const AuditEvent &e : logged->items)
            seqs << QString::number(e.seq);
        QVERIFY(seqs.size() > 120);
        events.setPageSize(20);
        events.setMaxPages(4);
        events.reload();
        walkWindow(m_window->audit().table(), events, seqs,
                   [&](int r) { return events.eventAt(r) ? QString::number(events.eventAt(r)->seq) : QString(); });
        QVERIFY(!QTest::currentTestFailed());
    }

    // Import (a Keycloak realm, through the file and choice prompts) and export (JSON and CSV) run
    // in the background and report every user.
    // A view that lays itself out inside the model's change (as QTableView does when its delayed
    // layout runs then) scrolls and asks for more before the page being applied is in: that must
    // not read the same page twice.
    void aViewAskingMidChangeGetsNoPageTwice()
    {
        for (int i = 0; i < 35; ++i)
            createUser(QStringLiteral("m%1").arg(i, 2, 10, QLatin1Char('0')));
        UserTableModel &users = m_window->users().model();
        users.setPageSize(10);
        users.setMaxPages(10);
        users.reload();
        QVERIFY(settled(users));
        const QMetaObject::Connection eager =
            connect(&users, &QAbstractItemModel::rowsAboutToBeInserted, &users, [&users] { users.fetchMore({}); });
        const auto stop = qScopeGuard([&] { disconnect(eager); });
        for (int step = 0; users.canFetchMore({}); ++step) {
            QVERIFY(step < 10);
            users.fetchMore({});
            QVERIFY(settled(users));
        }
        QSet<QString> ids;
        for (int r = 0; r < users.rowCount(); ++r)
            ids << users.index(r, 0).data(UserTableModel::IdRole).toString();
        QCOMPARE(users.rowCount(), int(users.total()));
        QCOMPARE(ids.size(), users.rowCount());
    }

    // The import wizard: a file's format found, its first users previewed, every user checked
    // (nothing written), and nothing read from a file that cannot be imported.
    void importWizardPreviewsAndChecks()
    {
        UsersPanel &panel = m_window->users();
        ImportWizard wizard(m_node->services().users(), Principal::gui(),
                            {QStringLiteral("admin"), QStringLiteral("auditor"), QStringLiteral("user")}, &panel);
        wizard.show();
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // no file yet
        QVERIFY(!wizard.setFile(m_dir->filePath(QStringLiteral("missing.json"))));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(wizard.setFile(QStringLiteral(KEYWARD_SOURCE_DIR "/tests/data/import/users.csv")));
        QCOMPARE(wizard.formatText(), QStringLiteral("CSV: 3 users"));
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::PreviewPage));
        const QList<QStringList> rows = wizard.previewRows();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0),
                 (QStringList{QStringLiteral("casey"), QStringLiteral("casey@example.com"), QStringLiteral("Casey, C."),
                              QStringLiteral("active"), QStringLiteral("user"), QStringLiteral("bcrypt hash")}));
        QCOMPARE(rows.at(1).at(3), QStringLiteral("disabled"));
        QCOMPARE(rows.at(1).at(5), QStringLiteral("none: by password reset"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::CheckPage));
        const QStringList checked = wizard.checkResults();
        QCOMPARE(checked.first(), QStringLiteral("Checked: 2 would be created, 0 already there, 1 refused"));
        QVERIFY2(checked.at(1).startsWith(QStringLiteral("User 3 (eve): email: ")), qPrintable(checked.at(1)));
        QCOMPARE(checked.at(2), QStringLiteral("Roles not in Keyward, not assigned: contractor"));
        QTRY_COMPARE(panel.model().rowCount(), 0); // a check writes nothing
        wizard.reject();
    }

    void importAndExportUsers()
    {
        UsersPanel &panel = m_window->users();
        QFile realmFile(QStringLiteral(KEYWARD_SOURCE_DIR "/tests/data/keycloak-realm.json"));
        QVERIFY(realmFile.open(QIODevice::ReadOnly));
        const auto realm = ImportPlan::read(realmFile.readAll(), ImportFormat::Auto,
                                            {QStringLiteral("admin"), QStringLiteral("user")});
        QVERIFY(realm);
        panel.importPlan(*realm, true);
        QCOMPARE(panel.results().first(), QStringLiteral("Checked: 4 would be created, 0 already there, 2 refused"));
        QTRY_COMPARE(panel.model().rowCount(), 0);

        panel.importPlan(*realm, false);
        const QStringList lines = panel.results();
        QCOMPARE(lines.first(), QStringLiteral("Imported: 4 created, 0 already there, 2 refused"));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("User 4 (dave): email: ")), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).startsWith(QStringLiteral("User 5 (erin): credentials: ")), qPrintable(lines.at(2)));
        QCOMPARE(lines.at(3), QStringLiteral("Roles not in Keyward, not assigned: default-roles-acme, offline_access"));
        QVERIFY2(panel.errorText().startsWith(QStringLiteral("2 user")), qPrintable(panel.errorText()));
        QTRY_COMPARE(panel.model().rowCount(), 4);
        QVERIFY(m_node->services().auth().login(Principal::anonymous(), QStringLiteral("alice"),
                                                QStringLiteral("correct horse battery staple")));

        const QString json = m_dir->filePath(QStringLiteral("users.json"));
        Prompt::setNextAnswers({json});
        panel.exportToFile();
        QFile exported(json);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QJsonArray users = QJsonDocument::fromJson(exported.readAll()).array();
        QCOMPARE(users.size(), 4);
        QCOMPARE(users.first().toObject().value(QStringLiteral("username")).toString(), QStringLiteral("alice"));

        const QString csv = m_dir->filePath(QStringLiteral("users.csv"));
        QCOMPARE(panel.exportTo(csv), QString());
        QFile table(csv);
        QVERIFY(table.open(QIODevice::ReadOnly));
        QCOMPARE(table.readAll().count('\n'), 5); // header and four users
    }

    void healthPanelShowsComponents()
    {
        HealthPanel &health = m_window->health();
        health.refresh();
        QVERIFY(health.checking()); // off the GUI thread: the window does not wait for it
        QTRY_VERIFY(!health.checking());
        const auto database = health.components().findItems(QStringLiteral("database"), Qt::MatchExactly);
        QCOMPARE(database.size(), 1);
        QCOMPARE(database.first()->text(1), QStringLiteral("OK"));
        QVERIFY(!database.first()->text(3).isEmpty());
        // The facts it was judged by, under it: which database, how fast it answered.
        QStringList facts;
        for (int i = 0; i < database.first()->childCount(); ++i)
            facts << database.first()->child(i)->text(0) + QLatin1Char('=') + database.first()->child(i)->text(1);
        QVERIFY2(facts.contains(QStringLiteral("kind=sqlite")), qPrintable(facts.join(QLatin1Char(' '))));
        QCOMPARE(facts.size(), 2);
        const auto disk = health.components().findItems(QStringLiteral("disk"), Qt::MatchExactly);
        QCOMPARE(disk.size(), 1);
        QVERIFY(health.overall().startsWith(QStringLiteral("Overall: ")));
    }

    void settingsGoThroughTheSettingsService()
    {
        SettingsPanel &settings = m_window->settings();
        auto *threshold = qobject_cast<QSpinBox *>(settings.editor(QStringLiteral("lockout.threshold")));
        QVERIFY(threshold);
        QCOMPARE(threshold->value(), 5);
        threshold->setValue(7);
        settings.savePolicies();
        QCOMPARE(m_node->services().settings().current().lockoutThreshold, 7);

        // The service's validation reaches the field it concerns.
        auto *origins = qobject_cast<QLineEdit *>(settings.editor(QStringLiteral("cors.allowed_origins")));
        origins->setText(QStringLiteral("https://app.example.com, not an origin"));
        settings.savePolicies();
        QVERIFY2(settings.messageText(QStringLiteral("cors.allowed_origins")).contains(QStringLiteral("not an origin")),
                 qPrintable(settings.messageText(QStringLiteral("cors.allowed_origins"))));
        QVERIFY(m_node->services().settings().current().corsOrigins.isEmpty());

        // Startup options are checked like at start, then written to the configuration file.
        auto *listen = qobject_cast<QLineEdit *>(settings.editor(QStringLiteral("listen")));
        listen->setText(QStringLiteral("nowhere"));
        settings.saveInstallation();
        QVERIFY(settings.messageText().contains(QStringLiteral("listen")));
        QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("keyward.ini"))));
        listen->setText(QStringLiteral("127.0.0.1:9099"));
        settings.saveInstallation();
        QSettings ini(m_dir->filePath(QStringLiteral("keyward.ini")), QSettings::IniFormat);
        QCOMPARE(ini.value(QStringLiteral("listen")).toString(), QStringLiteral("127.0.0.1:9099"));
    }

    // "Back up now" writes a backup where it is told, says so, and the last-backup tile shows it.
    void backUpNowFromTheOverview()
    {
        m_window->showPanel(MainWindow::Overview);
        OverviewPanel &overview = m_window->overview();
        auto *button = overview.findChild<QToolButton *>(QStringLiteral("backUpNow"));
        QVERIFY(button);
        QTemporaryDir dir;
        Prompt::setNextAnswers({QString()}); // cancelled: nothing written
        button->click();
        QVERIFY(dir.isValid() && QDir(dir.path()).isEmpty());
        const QString file = dir.filePath(QStringLiteral("console.backup"));
        Prompt::setNextAnswers({file});
        button->click();
        QVERIFY2(overview.backupMessage().contains(file), qPrintable(overview.backupMessage()));
        QVERIFY(QFileInfo(file).size() > 0);
        QTRY_VERIFY2(!overview.tile(QStringLiteral("backup"))->text().startsWith(QStringLiteral("never")),
                     qPrintable(overview.tile(QStringLiteral("backup"))->text()));
        Prompt::setNextAnswers({dir.filePath(QStringLiteral("no/such/directory/x.backup"))});
        button->click();
        QVERIFY2(overview.backupMessage().contains(QStringLiteral("not made")), qPrintable(overview.backupMessage()));
    }

    void signingKeyRotatesAfterAsking()
    {
        SettingsPanel &settings = m_window->settings();
        auto *rotate = settings.findChild<QPushButton *>(QStringLiteral("rotateSigningKey"));
        QVERIFY(rotate);
        const QString before = m_node->services().keys().signer()->kid;
        Prompt::setNextAnswers({false});
        rotate->click();
        QCOMPARE(m_node->services().keys().signer()->kid, before);
        Prompt::setNextAnswers({true});
        rotate->click();
        const QString after = m_node->services().keys().signer()->kid;
        QVERIFY(after != before);
        QVERIFY2(settings.messageText().contains(after), qPrintable(settings.messageText()));
    }

    void wheelChangesOnlyAFocusedEditor()
    {
        m_window->showPanel(MainWindow::Settings);
        SettingsPanel &settings = m_window->settings();
        auto *threshold = qobject_cast<QSpinBox *>(settings.editor(QStringLiteral("lockout.threshold")));
        auto *security = qobject_cast<QComboBox *>(settings.editor(QStringLiteral("smtp.security")));
        QVERIFY(threshold && security);
        const auto wheel = [](QWidget *w) {
            QWheelEvent event(QPointF(5, 5), w->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, -120), Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(w, &event);
        };
        const int before = threshold->value();
        const QString security0 = security->currentText();
        wheel(threshold); // scrolling past it, on the way down the page
        wheel(security);
        QCOMPARE(threshold->value(), before);
        QCOMPARE(security->currentText(), security0);
        QVERIFY(settings.unsavedKeys().isEmpty());
        threshold->setFocus();
        QTRY_VERIFY(threshold->hasFocus());
        wheel(threshold); // once chosen, the wheel edits it
        QVERIFY(threshold->value() != before);
    }

    void durationsAndUnsavedChanges()
    {
        m_window->showPanel(MainWindow::Settings);
        SettingsPanel &settings = m_window->settings();
        auto *longest = qobject_cast<DurationEdit *>(settings.editor(QStringLiteral("lockout.max_seconds")));
        QVERIFY(longest);
        QCOMPARE(longest->amount().value(), 15);     // 900 seconds
        QCOMPARE(longest->unit().currentIndex(), 1); // minutes
        longest->unit().setCurrentIndex(2);          // hours: only how it shows ("≈ 0 hours"), not the value
        QCOMPARE(longest->seconds(), 900);
        QVERIFY(settings.unsavedKeys().isEmpty());
        longest->unit().setCurrentIndex(1);
        QCOMPARE(longest->amount().value(), 15);
        longest->unit().setCurrentIndex(2);
        longest->amount().setValue(2);
        QCOMPARE(longest->seconds(), 7200);
        QCOMPARE(settings.unsavedKeys(), QStringList{QStringLiteral("lockout.max_seconds")});
        QVERIFY(settings.findChild<QLabel *>(QStringLiteral("unsaved"))->isVisible());

        // Leaving asks: cancel stays, save saves and leaves.
        Prompt::setNextAnswers({QVariant()});
        m_window->showPanel(MainWindow::Users);
        QCOMPARE(m_window->currentPanel(), MainWindow::Settings);
        Prompt::setNextAnswers({0});
        m_window->showPanel(MainWindow::Users);
        QCOMPARE(m_window->currentPanel(), MainWindow::Users);
        QCOMPARE(m_node->services().settings().current().lockoutMaxSeconds, 7200);
        QVERIFY(settings.unsavedKeys().isEmpty());

        // Discard puts the editor back; closing the window with changes asks too.
        m_window->showPanel(MainWindow::Settings);
        longest->amount().setValue(3);
        Prompt::setNextAnswers({1});
        m_window->showPanel(MainWindow::Users);
        QCOMPARE(longest->seconds(), 7200);
        m_window->showPanel(MainWindow::Settings);
        longest->amount().setValue(3);
        Prompt::setNextAnswers({QVariant()});
        QVERIFY(!m_window->close());
        QVERIFY(m_window->isVisible());
    }

    void turningAProtectionOffAsks()
    {
        SettingsPanel &settings = m_window->settings();
        auto *limits = qobject_cast<QCheckBox *>(settings.editor(QStringLiteral("rate_limits.enabled")));
        limits->setChecked(false);
        Prompt::setNextAnswers({false});
        settings.savePolicies();
        QVERIFY(m_node->services().settings().current().rateLimitsEnabled);
        Prompt::setNextAnswers({true});
        settings.savePolicies();
        QVERIFY(!m_node->services().settings().current().rateLimitsEnabled);
    }

    void layoutIsRememberedAndFitsTheScreen()
    {
        const QSize screen = m_window->screen()->availableGeometry().size();
        QVERIFY2(m_window->width() <= screen.width() && m_window->height() <= screen.height(),
                 qPrintable(QStringLiteral("%1x%2 on %3x%4")
                                .arg(m_window->width())
                                .arg(m_window->height())
                                .arg(screen.width())
                                .arg(screen.height())));
        m_window->resize(760, 560);
        auto *split = m_window->users().findChild<QSplitter *>(QStringLiteral("usersSplit"));
        QVERIFY(split);
        split->setSizes({700, 200});
        const QList<int> sizes = split->sizes();
        QHeaderView &header = *m_window->users().table().horizontalHeader();
        header.resizeSection(UserTableModel::Email, 321);
        m_window.reset(); // saves
        m_window = std::make_unique<MainWindow>(*m_host, *m_sampler, m_dir->filePath(QStringLiteral("keyward.ini")));
        m_window->show();
        m_window->showPanel(MainWindow::Users);
        QCOMPARE(m_window->size(), QSize(760, 560));
        QCOMPARE(m_window->users().findChild<QSplitter *>(QStringLiteral("usersSplit"))->sizes(), sizes);
        QCOMPARE(m_window->users().table().horizontalHeader()->sectionSize(UserTableModel::Email), 321);
    }

    void coloursFollowThePalette()
    {
        QPalette light = QApplication::palette();
        light.setColor(QPalette::Window, Qt::white);
        light.setColor(QPalette::WindowText, Qt::black);
        QPalette dark = light;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        for (Tone tone : {Tone::Good, Tone::Fair, Tone::Warning, Tone::Bad})
            QVERIFY(toneColour(tone, dark).lightness() > toneColour(tone, light).lightness());
        const QPalette before = QApplication::palette();
        const auto restore = qScopeGuard([&] { QApplication::setPalette(before); });
        QApplication::setPalette(dark);
        HealthPanel &health = m_window->health();
        health.refresh();
        QTRY_VERIFY(!health.checking());
        const auto database = health.components().findItems(QStringLiteral("database"), Qt::MatchExactly);
        QCOMPARE(database.first()->foreground(1).color(), toneColour(Tone::Good, dark));
    }

    void keyboardSwitchesPanelsAndTranslationsApply()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(m_window->currentPanel(), MainWindow::ApiKeys);
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(m_window->currentPanel(), MainWindow::Overview);
        QTest::keyClick(m_window.get(), Qt::Key_6, Qt::ControlModifier);
        QCOMPARE(m_window->currentPanel(), MainWindow::Webhooks);
        QTest::keyClick(m_window.get(), Qt::Key_9, Qt::ControlModifier);
        QCOMPARE(m_window->currentPanel(), MainWindow::Audit);
        QTest::keyClick(m_window.get(), Qt::Key_0, Qt::ControlModifier); // the tenth panel
        QCOMPARE(m_window->currentPanel(), MainWindow::Health);
        QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
        QCOMPARE(m_window->currentPanel(), MainWindow::Settings);

        ui::installTranslations(QStringLiteral("de"));
        MainWindow german(*m_host, *m_sampler, m_dir->filePath(QStringLiteral("keyward.ini")));
        ui::installTranslations(QStringLiteral("fr"));
        MainWindow french(*m_host, *m_sampler, m_dir->filePath(QStringLiteral("keyward.ini")));
        ui::installTranslations(QStringLiteral("en"));
        QCOMPARE(german.findChild<QListWidget *>()->item(MainWindow::Users)->text(), QStringLiteral("Benutzer"));
        QCOMPARE(german.findChild<QListWidget *>()->item(MainWindow::Overview)->text(), QStringLiteral("Übersicht"));
        QCOMPARE(french.findChild<QListWidget *>()->item(MainWindow::Settings)->text(), QStringLiteral("Paramètres"));
        // Within a list panel every button has its own Alt key, in each language.
        for (const MainWindow *window : {&german, &french, m_window.get()})
            for (const QWidget *panel : {static_cast<const QWidget *>(window->findChild<RolesPanel *>()),
                                         static_cast<const QWidget *>(window->findChild<ClientsPanel *>()),
                                         static_cast<const QWidget *>(window->findChild<WebhooksPanel *>()),
                                         static_cast<const QWidget *>(window->findChild<ApiKeysPanel *>())}) {
                QVERIFY(panel);
                QStringList keys;
                for (const QAbstractButton *b : panel->findChildren<QAbstractButton *>()) {
                    const qsizetype amp = b->text().indexOf(QLatin1Char('&'));
                    if (amp < 0 || amp + 1 >= b->text().size())
                        continue;
                    const QString key = b->text().mid(amp + 1, 1).toLower();
                    QVERIFY2(!keys.contains(key), qPrintable(b->text() + QStringLiteral(" repeats Alt+") + key));
                    keys.append(key);
                }
                QVERIFY(keys.size() >= 2);
            }
        QCOMPARE(m_window->findChild<QListWidget *>()->item(MainWindow::Users)->text(), QStringLiteral("Users"));
    }

private:
    User createUser(const QString &name, const QStringList &roles = {QStringLiteral("user")},
                    const QString &password = {})
    {
        CreateUserRequest r;
        r.username = name;
        r.email = name + QStringLiteral("@example.com");
        r.roles = roles;
        if (!password.isEmpty())
            r.password = password;
        auto user = m_node->services().users().create(Principal::gui(), r);
        if (!user)
            qFatal("cannot create %s: %s", qPrintable(name), qPrintable(user.error().detail()));
        return *user;
    }

    User fetch(const QString &id) { return m_node->services().users().get(Principal::gui(), id).value(); }

    QTemporaryDir m_logDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Node> m_node;
    std::unique_ptr<console::NodeHost> m_host;
    std::unique_ptr<MetricsSampler> m_sampler;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TstConsole)
#include "tst_console.moc"
