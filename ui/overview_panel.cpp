#include "overview_panel.h"

#include "alert_monitor.h"
#include "background_task.h"
#include "live_refresh.h"
#include "message_banner.h"
#include "observe/metrics_sampler.h"
#include "prompt.h"
#include "service_thread.h"
#include "time_text.h"
#include "tone.h"
#include "user_table_model.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QScrollArea>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace keyward {

namespace {

constexpr qint64 DayMs = 86'400'000;
constexpr qint64 SigningKeyOldDays = 180; // when health asks for a rotation
constexpr int TrafficSeconds = 60;

QString count(qint64 n)
{
    return QLocale().toString(n);
}

QString percent(double share)
{
    // Never "0 %" for some nor "100 %" for not all.
    const double shown = share > 0 && share < 0.001 ? 0.1 : share < 1 && share > 0.999 ? 99.9 : share * 100;
    const QString text = QLocale().toString(shown, 'f', share > 0 && share < 0.1 ? 1 : 0);
    return OverviewPanel::tr("%1 %").arg(share > 0 && share < 0.001   ? QStringLiteral("<") + text
                                         : share < 1 && share > 0.999 ? QStringLiteral(">") + text
                                                                      : text);
}

} // namespace

OverviewPanel::OverviewPanel(OverviewService &overview, BackupService &backup, MetricsSampler &sampler,
                             AlertMonitor &alerts, Principal actor, QWidget *parent)
    : QWidget(parent)
    , m_overview(overview)
    , m_backup(backup)
    , m_sampler(sampler)
    , m_alerts(alerts)
    , m_actor(std::move(actor))
    , m_thread(new ServiceThread(this))
    , m_banner(new MessageBanner(this))
    , m_error(new MessageBanner(this))
    , m_backupMessage(new MessageBanner(this))
    , m_chart(new QChart)
    , m_addresses(new QTreeWidget(this))
{
    m_banner->setObjectName(QStringLiteral("alerts"));
    auto *content = new QWidget;
    auto *grid = new QGridLayout(content);
    const auto heading = [&](const QString &text, int row) {
        auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), content);
        grid->addWidget(label, row, 0, 1, 6);
    };
    heading(tr("Users"), 0);
    const auto users = [this](std::optional<User::Status> status, bool deleted = false,
                              std::optional<int> sort = std::nullopt, Qt::SortOrder order = Qt::AscendingOrder) {
        return [this, status, deleted, sort, order] { Q_EMIT usersRequested({status, deleted, sort, order}); };
    };
    const auto audit = [this](const QString &action, const QString &outcome, int days) {
        return [this, action, outcome, days] { Q_EMIT auditRequested(action, outcome, days); };
    };
    addTile(grid, QStringLiteral("active"), tr("active"), tr("Users who may sign in; list them"), 1, 0,
            users(User::Status::Active));
    addTile(grid, QStringLiteral("disabled"), tr("disabled"), tr("Users who may not sign in; list them"), 1, 1,
            users(User::Status::Disabled));
    addTile(grid, QStringLiteral("locked"), tr("locked now"),
            tr("Accounts locked after failed logins; the failed logins of the last day in the audit trail"), 1, 2,
            audit(QStringLiteral("auth.login"), QStringLiteral("failure"), 1));
    addTile(grid, QStringLiteral("deleted"), tr("deleted"), tr("Deleted users kept for restoring; list them too"), 1, 3,
            users(std::nullopt, true));
    addTile(grid, QStringLiteral("never"), tr("never signed in"), tr("Users without a login yet; list by last login"),
            1, 4, users(std::nullopt, false, UserTableModel::LastLogin, Qt::AscendingOrder));
    addTile(grid, QStringLiteral("mfa"), tr("with MFA"), tr("Share of users with a second factor; list users"), 1, 5,
            users(std::nullopt));

    heading(tr("Activity, last 30 days"), 2);
    auto *time = new QDateTimeAxis;
    time->setFormat(QStringLiteral("d MMM"));
    time->setTickCount(6);
    auto *value = new QValueAxis;
    value->setLabelFormat(QStringLiteral("%.0f"));
    m_chart->addAxis(time, Qt::AlignBottom);
    m_chart->addAxis(value, Qt::AlignLeft);
    for (const QString &name : {tr("new users"), tr("logins"), tr("failed logins")}) {
        auto *series = new QLineSeries;
        series->setName(name);
        m_chart->addSeries(series);
        series->attachAxis(time);
        series->attachAxis(value);
        m_series << series;
    }
    auto *chartView = new QChartView(m_chart, content); // owns the chart
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumHeight(220);
    grid->addWidget(chartView, 3, 0, 1, 4);
    auto *addressBox = new QVBoxLayout;
    auto *addressLabel = new QLabel(tr("Most failed logins, last 24 hours:"), content);
    addressLabel->setBuddy(m_addresses);
    m_addresses->setObjectName(QStringLiteral("failingAddresses"));
    m_addresses->setHeaderLabels({tr("Address"), tr("Failed logins")});
    m_addresses->setRootIsDecorated(false);
    m_addresses->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_addresses->setToolTip(tr("Open to see the failed logins in the audit trail"));
    connect(m_addresses, &QTreeWidget::itemActivated, this,
            [this] { Q_EMIT auditRequested(QStringLiteral("auth.login"), QStringLiteral("failure"), 1); });
    addressBox->addWidget(addressLabel);
    addressBox->addWidget(m_addresses);
    grid->addLayout(addressBox, 3, 4, 1, 2);
    auto *logins = new QToolButton(content);
    logins->setText(tr("Logins in the audit trail"));
    logins->setAutoRaise(true);
    connect(logins, &QToolButton::clicked, this, audit(QStringLiteral("auth.login"), QString(), 30));
    grid->addWidget(logins, 4, 0, 1, 2, Qt::AlignLeft);

    heading(tr("Service"), 5);
    const auto metrics = [this] { return [this] { Q_EMIT metricsRequested(); }; };
    const auto health = [this] { return [this] { Q_EMIT healthRequested(); }; };
    addTile(grid, QStringLiteral("sessions"), tr("active sessions"),
            tr("Sessions neither revoked nor expired; see Metrics"), 6, 0, metrics());
    addTile(grid, QStringLiteral("requests"), tr("5xx, last minute"),
            tr("Share of responses that were server errors, client errors and rate-limited; see Metrics"), 6, 1,
            metrics(), 2);
    addTile(grid, QStringLiteral("health"), tr("health"), tr("The worst component's state; see Health"), 6, 3,
            health());
    addTile(grid, QStringLiteral("key"), tr("signing key age"), tr("Rotate it twice a year; see Health"), 6, 4,
            health());
    addTile(grid, QStringLiteral("backup"), tr("last backup"), tr("The backups recorded in the audit trail"), 6, 5,
            audit(QStringLiteral("backup.created"), QStringLiteral("success"), 0));
    auto *backUp = new QToolButton(content);
    backUp->setObjectName(QStringLiteral("backUpNow"));
    backUp->setText(tr("&Back up now…"));
    backUp->setToolTip(tr("Write a copy of the database to a file while Keyward goes on serving"));
    connect(backUp, &QToolButton::clicked, this, &OverviewPanel::backUpNow);
    grid->addWidget(backUp, 7, 5, Qt::AlignRight);
    for (int column = 0; column < 6; ++column)
        grid->setColumnStretch(column, 1);
    grid->setRowStretch(8, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_error);
    layout->addWidget(m_backupMessage);
    layout->addWidget(scroll, 1);

    connect(&m_sampler, &MetricsSampler::sampled, this, [this] {
        if (isVisible())
            showTraffic();
    });
    connect(&m_alerts, &AlertMonitor::checked, this, &OverviewPanel::showAlerts);
    refreshWhileShown(
        this, 5'000,
        [this] {
            refresh();
            showTraffic();
            showAlerts();
        },
        [this] { refresh(); });
}

QToolButton *OverviewPanel::addTile(QGridLayout *grid, const QString &name, const QString &caption, const QString &tip,
                                    int row, int column, std::function<void()> open, int columns)
{
    auto *tile = new QToolButton(grid->parentWidget());
    tile->setObjectName(QStringLiteral("tile.") + name);
    tile->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // Columns share the width alike, whatever a tile's text; three lines fit.
    tile->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    tile->setMinimumSize(fontMetrics().averageCharWidth() * 14, fontMetrics().height() * 5);
    tile->setToolTip(tip);
    QFont font = tile->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    tile->setFont(font);
    tile->setProperty("caption", caption);
    tile->setText(QStringLiteral("…\n") + caption);
    connect(tile, &QToolButton::clicked, this, std::move(open));
    grid->addWidget(tile, row, column, 1, columns);
    m_tiles.insert(name, tile);
    return tile;
}

void OverviewPanel::setTile(const QString &name, const QString &value, const QString &caption)
{
    QToolButton *tile = m_tiles.value(name);
    tile->setText(value + QLatin1Char('\n') + (caption.isEmpty() ? tile->property("caption").toString() : caption));
}

QToolButton *OverviewPanel::tile(const QString &name) const
{
    return m_tiles.value(name);
}

QList<QPointF> OverviewPanel::activity(int series) const
{
    return m_series.value(series) ? m_series[series]->points() : QList<QPointF>();
}

QString OverviewPanel::alertText() const
{
    return m_banner->shownText();
}

void OverviewPanel::refresh()
{
    // A read under way may have started before the change this refresh is for: read again after it.
    if (m_loading) {
        m_readAgain = true;
        return;
    }
    m_loading = true;
    m_thread->run(
        this, [&overview = m_overview, actor = m_actor] { return overview.overview(actor); },
        [this](const Result<Overview> &overview) {
            m_loading = false;
            showOverview(overview);
            if (std::exchange(m_readAgain, false))
                refresh();
        });
}

void OverviewPanel::showOverview(const Result<Overview> &result)
{
    if (!result) {
        m_error->showError(describe(result.error()));
        return;
    }
    m_error->clear();
    const UserOverview &u = result->users;
    setTile(QStringLiteral("active"), count(u.active));
    setTile(QStringLiteral("disabled"), count(u.disabled));
    setTile(QStringLiteral("locked"), count(u.locked));
    setTile(QStringLiteral("deleted"), count(u.deleted));
    setTile(QStringLiteral("never"), count(u.neverLoggedIn));
    setTile(QStringLiteral("mfa"), u.users() > 0 ? percent(double(u.withMfa) / double(u.users())) : tr("–"),
            tr("with MFA (%1)").arg(count(u.withMfa)));

    qreal top = 1;
    QList<QList<QPointF>> points(m_series.size());
    for (const DailyActivity &d : u.days) {
        // At noon UTC: the day's label is that day in every time zone within twelve hours of UTC.
        const qreal x = qreal(d.day * DayMs + DayMs / 2);
        points[0].append({x, qreal(d.usersCreated)});
        points[1].append({x, qreal(d.loginsSucceeded)});
        points[2].append({x, qreal(d.loginsFailed)});
        top = qMax<qreal>(top, qMax(d.usersCreated, qMax(d.loginsSucceeded, d.loginsFailed)));
    }
    for (qsizetype i = 0; i < m_series.size(); ++i)
        m_series[i]->replace(points[i]);
    if (!u.days.isEmpty()) {
        auto *time = qobject_cast<QDateTimeAxis *>(m_chart->axes(Qt::Horizontal).value(0));
        time->setRange(QDateTime::fromMSecsSinceEpoch(u.days.first().day * DayMs + DayMs / 2),
                       QDateTime::fromMSecsSinceEpoch(u.days.last().day * DayMs + DayMs / 2));
        auto *value = qobject_cast<QValueAxis *>(m_chart->axes(Qt::Vertical).value(0));
        value->setRange(0, top * 1.1);
        value->applyNiceNumbers();
    }

    m_addresses->clear();
    for (const AddressFailures &a : u.failingAddresses)
        new QTreeWidgetItem(m_addresses, {a.address, count(a.failures)});
    if (u.failingAddresses.isEmpty())
        new QTreeWidgetItem(m_addresses, {tr("none")});

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (result->signingKeyCreatedAt > 0) {
        const qint64 days = (now - result->signingKeyCreatedAt) / DayMs;
        setTile(QStringLiteral("key"), tr("%n day(s)", nullptr, int(days)));
        m_tiles.value(QStringLiteral("key"))
            ->setStyleSheet(days > SigningKeyOldDays
                                ? QStringLiteral("color: %1").arg(toneColour(Tone::Warning, palette()).name())
                                : QString());
    } else {
        setTile(QStringLiteral("key"), tr("none"));
        m_tiles.value(QStringLiteral("key"))->setStyleSheet(QString());
    }
    setTile(QStringLiteral("backup"), u.lastBackupAt > 0 ? TimeText::ago(u.lastBackupAt, now) : tr("never"));
}

void OverviewPanel::showTraffic()
{
    const QList<MetricsPoint> &history = m_sampler.history();
    double requests = 0;
    double serverErrors = 0;
    double clientErrors = 0;
    double throttled = 0;
    double seconds = 0;
    for (auto it = history.crbegin(); it != history.crend() && seconds < TrafficSeconds; ++it) {
        const double n = it->requestsPerSecond * it->seconds;
        requests += n;
        serverErrors += n * it->errorRate;
        clientErrors += n * it->clientErrorRate;
        throttled += n * it->throttledRate;
        seconds += it->seconds;
    }
    setTile(QStringLiteral("sessions"), history.isEmpty() ? tr("–") : count(qint64(history.last().activeSessions)));
    if (requests < 1) {
        setTile(QStringLiteral("requests"), tr("–"), tr("no requests, last minute"));
        return;
    }
    setTile(QStringLiteral("requests"), percent(serverErrors / requests),
            tr("5xx · 4xx %1 · 429 %2\nof %3 requests, last minute")
                .arg(percent(clientErrors / requests), percent(throttled / requests), count(qint64(requests))));
}

void OverviewPanel::showAlerts()
{
    const auto &report = m_alerts.lastReport();
    if (!report) {
        setTile(QStringLiteral("health"), tr("checking…"));
        return;
    }
    QStringList lines;
    for (const HealthComponent &c : m_alerts.alerts())
        lines << tr("%1: %2").arg(c.name, c.reason);
    if (lines.isEmpty())
        m_banner->clear();
    else
        m_banner->showError(lines.join(QLatin1Char('\n')));
    const QString state = report->status == HealthComponent::Status::Ok         ? tr("OK")
                          : report->status == HealthComponent::Status::Degraded ? tr("degraded")
                                                                                : tr("failing");
    setTile(QStringLiteral("health"), state,
            lines.isEmpty() ? tr("health") : tr("health: %n alert(s)", nullptr, int(lines.size())));
}

QString OverviewPanel::backupMessage() const
{
    return m_backupMessage->shownText();
}

void OverviewPanel::backUpNow()
{
    const QString path =
        Prompt::saveFileName(this, tr("Back up the database"),
                             QStringLiteral("keyward-%1.backup")
                                 .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd-HHmm"))),
                             tr("Keyward backups (*.backup);;All files (*)"));
    if (path.isEmpty())
        return;
    BackupService::Report written;
    const QStringList outcome = BackgroundTask::run(this, tr("Backing up the database…"), 1, [&](int) {
        auto report = m_backup.backUp(m_actor, path, BackupService::Existing::Replace); // the file dialog asked
        if (!report)
            return describe(report.error());
        written = *report;
        return QString();
    });
    if (outcome.value(0).isEmpty() && !written.file.isEmpty())
        m_backupMessage->showNote(tr("Backed up to %1 (%2). The master key is not in the backup: keep a copy of it "
                                     "apart from the backups.")
                                      .arg(written.file, locale().formattedDataSize(written.bytes)));
    else
        m_backupMessage->showError(tr("The backup was not made: %1").arg(outcome.value(0)));
    refresh();
}

} // namespace keyward
