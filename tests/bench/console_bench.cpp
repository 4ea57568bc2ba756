// keyward-bench-console: how the console holds up at scale, offscreen.
// - Users: the first page, a search, filters, and scrolling down 500 pages and back up over a
//   seeded database, with the rows and memory the table holds afterwards.
// - Logs: 1,000 log lines a second for ten seconds into a shown Logs panel, while a 10 ms
//   heartbeat timer measures how late the GUI thread gets to it (its responsiveness).
// - Stalls: the Users, Health and Overview panels shown (and the metrics sampled every second,
//   alerts checked) while an admin searches (matching everyone, and few), sorts, scrolls, drags
//   the scrollbar to three quarters of the result, checks health and reads the Overview over the
//   whole store; a 5 ms heartbeat finds the longest time the GUI thread was away, and during
//   which step.
// Usage: keyward-bench-console --data-dir DIR --database URL (seeded by keyward-bench-seed)
#include "alert_monitor.h"
#include "health_panel.h"
#include "logs_panel.h"
#include "node.h"
#include "observe/keyward_metrics.h"
#include "observe/log_handler.h"
#include "observe/metrics_sampler.h"
#include "overview_panel.h"
#include "services/services.h"
#include "user_table_model.h"
#include "users_panel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QProcessEnvironment>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>

#include <unistd.h>

using namespace keyward;

namespace {

// The process's resident set, from /proc.
long residentKiB()
{
    long pages = 0, resident = 0;
    if (FILE *f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

template <typename F>
double millis(F &&f)
{
    QElapsedTimer t;
    t.start();
    f();
    return double(t.nsecsElapsed()) / 1e6;
}

void users(Services &services)
{
    UserTableModel model(services.users(), Principal::gui());
    const double first = millis([&] { model.reload(); });
    std::printf("users: %lld in the store\n", static_cast<long long>(model.total()));
    std::printf("  first page (200 rows):          %8.1f ms\n", first);
    const long rssBefore = residentKiB();
    const auto scroll = [&](const char *what, int pages, auto step) {
        double worst = 0, sum = 0;
        for (int i = 0; i < pages; ++i) {
            const double ms = millis(step);
            worst = std::max(worst, ms);
            sum += ms;
        }
        std::printf("  %-32s%8.1f ms mean, %.1f ms worst (%d pages)\n", what, sum / pages, worst, pages);
    };
    scroll("next page while scrolling down:", 500, [&] { model.fetchMore({}); });
    std::printf("  after 100,000 rows scrolled:    %8d rows held, resident memory %+ld KiB\n", model.rowCount(),
                residentKiB() - rssBefore);
    scroll("page before while scrolling up:", 50, [&] { model.fetchPrevious(); });
    UserFilter search;
    search.q = QStringLiteral("user0999");
    const double searched = millis([&] { model.setFilter(search); });
    std::printf("  search \"user0999\" (%lld hits): %8.1f ms\n", static_cast<long long>(model.total()), searched);
    UserFilter byRole;
    byRole.role = QStringLiteral("admin");
    const double filtered = millis([&] { model.setFilter(byRole); });
    std::printf("  filter role=admin:              %8.1f ms\n", filtered);
    byRole.role = QStringLiteral("user");
    const double common = millis([&] { model.setFilter(byRole); });
    std::printf("  filter role=user (%lld):     %8.1f ms with its count\n", static_cast<long long>(model.total()),
                common);
    scroll("role=user, next page:", 20, [&] { model.fetchMore({}); });
}

// A timer that should fire every `tickMs`: how late each tick comes is how long the GUI thread
// was busy elsewhere. `step` names what was going on, for the worst lateness.
class Heartbeat {
public:
    explicit Heartbeat(int tickMs)
        : m_tickMs(tickMs)
    {
        m_clock.start();
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last) {
                const double lag = std::max(0.0, double(now - m_last) / 1e6 - m_tickMs);
                m_lags << lag;
                if (lag > m_worst) {
                    m_worst = lag;
                    m_worstStep = m_step;
                }
            }
            m_last = now;
        });
        m_timer.start(tickMs);
    }

    void setStep(const char *step) { m_step = step; }
    void stop() { m_timer.stop(); }
    // Lateness at `percent` (0-100) of the ticks.
    double percentile(int percent)
    {
        std::sort(m_lags.begin(), m_lags.end());
        return m_lags.isEmpty() ? 0 : m_lags.at(std::min(m_lags.size() - 1, m_lags.size() * percent / 100));
    }
    double worst() const { return m_worst; }
    const char *worstStep() const { return m_worstStep; }

private:
    int m_tickMs;
    QElapsedTimer m_clock;
    QTimer m_timer;
    QList<double> m_lags;
    qint64 m_last = 0;
    double m_worst = 0;
    const char *m_step = "start";
    const char *m_worstStep = "start";
};

void logs()
{
    LogsPanel panel;
    panel.resize(1200, 700);
    panel.show();
    const int seconds = 10, perTick = 10, tickMs = 10; // 1,000 lines a second
    int emitted = 0;
    QTimer producer;
    QObject::connect(&producer, &QTimer::timeout, [&] {
        for (int i = 0; i < perTick; ++i)
            qInfo("bench line %d: GET /api/v1/users?limit=20 200 0.4 ms", ++emitted);
    });
    producer.start(tickMs);
    Heartbeat heartbeat(tickMs);
    QTimer::singleShot(seconds * 1000, qApp, &QCoreApplication::quit);
    QApplication::exec();
    heartbeat.stop();
    panel.poll();
    std::printf("logs: %d lines in %d s; panel holds %d rows (capacity 10,000)\n", emitted, seconds,
                panel.model().rowCount());
    std::printf("  GUI heartbeat lateness: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", heartbeat.percentile(50),
                heartbeat.percentile(99), heartbeat.worst());
}

void stalls(Services &services)
{
    UsersPanel users(services, Principal::gui());
    MetricsSampler sampler(services.metrics().registry);
    sampler.start();
    AlertMonitor alerts(services.health());
    HealthPanel health(alerts);
    OverviewPanel overview(services.overview(), services.backup(), sampler, alerts, Principal::gui());
    users.resize(1200, 700);
    users.show();
    health.show();
    overview.show();
    constexpr int tickMs = 5;
    Heartbeat heartbeat(tickMs);
    // Spins the event loop for `ms`, then until the panels have what they asked for.
    const auto settle = [&](int ms) {
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < ms || users.model().loading() || health.checking() || overview.loading() ||
               alerts.checking())
            QCoreApplication::processEvents(QEventLoop::AllEvents, tickMs);
    };
    // `pauseMs`: the search box waits for typing to pause before it asks.
    const auto run = [&](const char *what, int pauseMs, const auto &action) {
        heartbeat.setStep(what);
        QElapsedTimer took;
        took.start();
        action();
        settle(pauseMs > 0 ? pauseMs + 20 : 0); // a search's load starts once the pause is over
        std::printf("  %-40s%8.1f ms until shown\n", what, double(took.nsecsElapsed()) / 1e6 - pauseMs);
    };
    settle(500);
    std::printf("stalls: %lld users, Users, Health and Overview panels shown\n",
                static_cast<long long>(users.model().total()));
    run("search \"user\" (matches everyone):", 250, [&] { users.search().setText(QStringLiteral("user")); });
    run("search \"user0999\" (a few):", 250, [&] { users.search().setText(QStringLiteral("user0999")); });
    run("search cleared:", 250, [&] { users.search().clear(); });
    run("sort by username:", 0, [&] { users.table().sortByColumn(UserTableModel::Username, Qt::AscendingOrder); });
    run("sort by username, descending:", 0,
        [&] { users.table().sortByColumn(UserTableModel::Username, Qt::DescendingOrder); });
    run("sort by last login:", 0, [&] { users.table().sortByColumn(UserTableModel::LastLogin, Qt::DescendingOrder); });
    run("scroll down 20 pages:", 0, [&] {
        for (int i = 0; i < 20; ++i) {
            users.table().verticalScrollBar()->setValue(users.table().verticalScrollBar()->maximum());
            settle(0);
        }
    });
    run("scrollbar dropped at 3/4 of the result:", 0, [&] {
        QScrollBar *whole = users.findChild<QScrollBar *>(QStringLiteral("resultScrollBar"));
        whole->setValue(whole->maximum() / 4 * 3);
    });
    run("overview read, three times:", 0, [&] {
        for (int i = 0; i < 3; ++i) {
            overview.refresh();
            settle(0);
        }
    });
    run("health check, three times:", 0, [&] {
        for (int i = 0; i < 3; ++i) {
            health.refresh();
            settle(0);
        }
    });
    heartbeat.stop();
    std::printf("  GUI heartbeat lateness: p50 %.2f ms, p99 %.2f ms\n", heartbeat.percentile(50),
                heartbeat.percentile(99));
    std::printf("  longest GUI-thread stall: %.1f ms (during %s)\n", heartbeat.worst(), heartbeat.worstStep());
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({QStringLiteral("data-dir"), QStringLiteral("Data directory"), QStringLiteral("dir")});
    p.addOption({QStringLiteral("database"), QStringLiteral("Database URL"), QStringLiteral("url")});
    p.process(app);
    logging::Options log;
    log.file = p.value(QStringLiteral("data-dir")) + QStringLiteral("/bench.log");
    QString error;
    if (!logging::install(log, &error))
        qFatal("%s", qPrintable(error));
    auto config = Config::load({{QStringLiteral("data-dir"), p.value(QStringLiteral("data-dir"))},
                                {QStringLiteral("database"), p.value(QStringLiteral("database"))}},
                               QProcessEnvironment(), &error);
    if (!config)
        qFatal("%s", qPrintable(error));
    Node node(*config);
    if (auto failure = node.open())
        qFatal("%s", qPrintable(failure->message));
    users(node.services());
    stalls(node.services());
    logs();
    return 0;
}
