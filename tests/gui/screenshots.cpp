// Renders every panel of the console, and the first-run wizard, to PNG files for the README:
// a real node on a temporary SQLite file, filled with sample users and live HTTP traffic.
// Run it through installer/screenshots.sh (under Xvfb, so fonts and styles are the desktop's).
#include "console.h"
#include "console_preferences.h"
#include "first_run_wizard.h"
#include "main_window.h"
#include "node.h"
#include "observe/metrics_sampler.h"
#include "services/services.h"
#include "user_table_model.h"
#include "users_panel.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcessEnvironment>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace keyward;

namespace {

void settle(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

void save(QWidget &widget, const QString &dir, const QString &name)
{
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    if (!widget.grab().save(path))
        qFatal("cannot write %s", qPrintable(path));
    std::printf("%s\n", qPrintable(path));
}

void seed(Services &s)
{
    const QStringList first{QStringLiteral("ada"),      QStringLiteral("grace"),   QStringLiteral("alan"),
                            QStringLiteral("edsger"),   QStringLiteral("barbara"), QStringLiteral("donald"),
                            QStringLiteral("margaret"), QStringLiteral("ken"),     QStringLiteral("radia"),
                            QStringLiteral("linus")};
    const QStringList last{QStringLiteral("lovelace"), QStringLiteral("hopper"), QStringLiteral("turing"),
                           QStringLiteral("dijkstra"), QStringLiteral("liskov"), QStringLiteral("knuth")};
    RoleInput support;
    support.name = QStringLiteral("support");
    support.description = QStringLiteral("Help desk: reads accounts, ends sessions");
    support.permissions = {QStringLiteral("users:read"), QStringLiteral("sessions:manage")};
    (void)s.roles().create(Principal::gui(), support);
    int n = 0;
    for (const QString &f : first) {
        for (const QString &l : last) {
            CreateUserRequest r;
            r.username = f + QLatin1Char('.') + l;
            r.email = r.username + QStringLiteral("@example.com");
            r.displayName = f.left(1).toUpper() + f.mid(1) + QLatin1Char(' ') + l.left(1).toUpper() + l.mid(1);
            r.roles = QStringList{n == 0       ? QStringLiteral("admin")
                                  : n % 7 == 0 ? QStringLiteral("support")
                                               : QStringLiteral("user")};
            r.status = n % 11 == 5 ? User::Status::Disabled : User::Status::Active;
            if (n < 4)
                r.password = QStringLiteral("a sample passphrase %1").arg(n);
            (void)s.users().create(Principal::gui(), r);
            ++n;
        }
    }
    ApiKeyRequest key;
    key.name = QStringLiteral("billing-sync");
    key.scopes = {QStringLiteral("users:read")};
    (void)s.apiKeys().createService(Principal::gui(), key);
    key.name = QStringLiteral("crm-import");
    key.scopes = {QStringLiteral("users:read"), QStringLiteral("users:write")};
    (void)s.apiKeys().createService(Principal::gui(), key);
}

// Logins (good and bad) and reads over the real socket, for the graphs, audit and logs.
void traffic(const QString &url, int seconds)
{
    QNetworkAccessManager nam;
    QElapsedTimer t;
    t.start();
    int i = 0;
    while (t.elapsed() < seconds * 1000) {
        QNetworkRequest login(QUrl(url + QStringLiteral("/api/v1/auth/login")));
        login.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        const QByteArray body = i % 3 == 0
                                    ? QByteArrayLiteral(R"({"login":"ada.hopper","password":"a sample passphrase 1"})")
                                    : QByteArrayLiteral(R"({"login":"ada.turing","password":"not it"})");
        QList<QNetworkReply *> replies{nam.post(login, body)};
        for (int k = 0; k < 20 + (i % 5) * 8; ++k)
            replies << nam.get(QNetworkRequest(QUrl(url + QStringLiteral("/health/live"))));
        for (QNetworkReply *r : replies) {
            while (!r->isFinished())
                QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            r->deleteLater();
        }
        settle(200);
        ++i;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    ui::installTranslations(QStringLiteral("en")); // plural forms: "3 users", not "3 user(s)"
    const QString out = QDir(app.arguments().value(1, QStringLiteral("docs/screenshots"))).absolutePath();
    QDir().mkpath(out);
    QTemporaryDir dir;
    QString error;
    auto config = Config::load({{QStringLiteral("data-dir"), dir.path()},
                                {QStringLiteral("listen"), QStringLiteral("127.0.0.1:0")},
                                {QStringLiteral("argon2-memory"), QStringLiteral("8192")}},
                               QProcessEnvironment(), &error);
    if (!config)
        qFatal("%s", qPrintable(error));
    Node node(*config);
    if (auto failure = node.open(); failure || (failure = node.serve()))
        qFatal("%s", qPrintable(failure->message));
    seed(node.services());
    MetricsSampler sampler(node.services().metrics().registry);
    sampler.start();
    console::NodeHost host(node);
    MainWindow window(host, sampler, dir.filePath(QStringLiteral("keyward.ini")));
    window.resize(1280, 780);
    window.show();
    traffic(node.url(), 12);

    UsersPanel &users = window.users();
    users.refresh();
    users.table().selectRow(1);
    const QList<QPair<MainWindow::Panel, QString>> panels{
        {MainWindow::Overview, QStringLiteral("overview")}, {MainWindow::Users, QStringLiteral("users")},
        {MainWindow::Roles, QStringLiteral("roles")},       {MainWindow::ApiKeys, QStringLiteral("api-keys")},
        {MainWindow::Metrics, QStringLiteral("metrics")},   {MainWindow::Logs, QStringLiteral("logs")},
        {MainWindow::Audit, QStringLiteral("audit")},       {MainWindow::Health, QStringLiteral("health")},
        {MainWindow::Settings, QStringLiteral("settings")},
    };
    for (const auto &[panel, name] : panels) {
        window.showPanel(panel);
        settle(300);
        save(window, out, name);
    }

    // A bulk action's confirmation, over three selected users; answered "Cancel".
    window.showPanel(MainWindow::Users);
    settle(300);
    users.table().selectionModel()->select(
        QItemSelection(users.model().index(1, 0), users.model().index(3, UserTableModel::ColumnCount - 1)),
        QItemSelectionModel::ClearAndSelect);
    QTimer::singleShot(500, [&] {
        QWidget *box = QApplication::activeModalWidget();
        if (!box)
            qFatal("no confirmation was asked");
        save(*box, out, QStringLiteral("bulk-confirm"));
        box->close();
    });
    users.setSelectedEnabled(false);

    FirstRunWizard wizard(Config::defaults(dir.filePath(QStringLiteral("new"))), console::nodeProbes(),
                          [](const auto &) { return std::optional<ApiError>(); });
    wizard.show();
    for (int page = FirstRunWizard::DataPage; page < FirstRunWizard::AdminPage; ++page)
        wizard.next();
    wizard.findChild<QLineEdit *>(QStringLiteral("email"))->setText(QStringLiteral("admin@example.com"));
    wizard.findChild<QLineEdit *>(QStringLiteral("password"))->setText(QStringLiteral("correct horse battery"));
    settle(200);
    save(wizard, out, QStringLiteral("wizard"));
    sampler.stop();
    node.shutdown(2000);
    return 0;
}
