// The desktop console on a real node (SQLite file, HTTP on a free port), driven offscreen:
// what an admin does in the window must show up in the services, and the service's words must
// show up in the window.
#include "main_window.h"
#include "metrics_panel.h"
#include "node.h"
#include "observe/metrics_sampler.h"
#include "services/services.h"
#include "user_dialog.h"
#include "user_table_model.h"
#include "users_panel.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace keyward;

namespace {

// Runs `fill` on the modal dialog that the next call opens, once its event loop runs.
void answerDialog(const std::function<void(UserDialog &)> &fill)
{
    QTimer::singleShot(0, [fill] {
        auto *dialog = qobject_cast<UserDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        fill(*dialog);
    });
}

void type(UserDialog &d, const char *field, const QString &text)
{
    auto *edit = d.findChild<QLineEdit *>(QString::fromLatin1(field));
    QVERIFY(edit);
    edit->clear();
    QTest::keyClicks(edit, text);
}

} // namespace

class TstConsole : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(); // a fresh installation for every test
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
        m_window = std::make_unique<MainWindow>(*m_node, *m_sampler);
        m_window->show();
    }

    void cleanup()
    {
        m_window.reset();
        m_sampler.reset();
        m_node.reset();
        m_dir.reset();
    }

    void createUserThroughTheDialog()
    {
        UsersPanel &panel = m_window->users();
        answerDialog([](UserDialog &d) {
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
        QCOMPARE(panel.model().rowCount(), 1);
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
        QCOMPARE(panel.model().rowCount(), 3);

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
        QCOMPARE(m_node->services().users().get(Principal::gui(), bobId)->status, QStringLiteral("disabled"));
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
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Node> m_node;
    std::unique_ptr<MetricsSampler> m_sampler;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TstConsole)
#include "tst_console.moc"
