// The first-run wizard driven offscreen, end to end: its answers become a configuration file, a
// database with its schema and a first administrator who can log in.
#include "console.h"
#include "first_run_wizard.h"
#include "node.h"
#include "prompt.h"
#include "services/services.h"
#include "test_database.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace keyward;

namespace {

void setText(QWizard &wizard, const char *name, const QString &text)
{
    auto *edit = wizard.findChild<QLineEdit *>(QString::fromLatin1(name));
    QVERIFY2(edit, name);
    edit->clear();
    QTest::keyClicks(edit, text);
}

template <typename W>
W *child(QWizard &wizard, const char *name)
{
    auto *w = wizard.findChild<W *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

// The text of the message `name` on the current page; empty while hidden.
QString shown(QWizard &wizard, const char *name)
{
    const auto *label = wizard.currentPage()->findChild<QLabel *>(QString::fromLatin1(name));
    return label && !label->isHidden() ? label->text() : QString();
}

} // namespace

class TstFirstRunWizard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void firstRunOnlyOnAFreshInstallation()
    {
        QTemporaryDir dir;
        Config config = Config::defaults(dir.path());
        QVERIFY(FirstRunWizard::isFirstRun(config));
        Config named = config;
        named.set(QStringLiteral("config"), dir.filePath(QStringLiteral("keyward.ini")));
        QVERIFY(!FirstRunWizard::isFirstRun(named)); // a configuration file exists
        Config remote = config;
        remote.set(QStringLiteral("database"), QStringLiteral("postgresql://kw@db/kw"));
        QVERIFY(!FirstRunWizard::isFirstRun(remote)); // a database is named
        QFile db(dir.filePath(QStringLiteral("keyward.db")));
        QVERIFY(db.open(QIODevice::WriteOnly));
        db.close();
        QVERIFY(!FirstRunWizard::isFirstRun(config)); // --data-dir of an existing installation
    }

    void wizardSetsUpAWorkingInstallation()
    {
        QTemporaryDir home;
        const QString dataDir = home.filePath(QStringLiteral("data"));
        const QString configFile = home.filePath(QStringLiteral("config/keyward.ini"));
        const Config base = Config::defaults(home.filePath(QStringLiteral("unused")));
        std::unique_ptr<Node> node;
        int finishCalls = 0;
        FirstRunWizard wizard(base, console::nodeProbes(), [&](const FirstRunWizard::Answers &a) {
            ++finishCalls;
            return console::setUpInstallation(base, configFile, a, node);
        });
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));

        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled()); // the suggested directory will do
        setText(wizard, "dataDir", dataDir);
        wizard.button(QWizard::NextButton)->click();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::ServerPage));
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled()); // the default address will do
        setText(wizard, "listen", QStringLiteral("nowhere"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::ServerPage)); // refused, stays
        // A port another program holds is found now, before anything is written.
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        setText(wizard, "listen", QStringLiteral("127.0.0.1:%1").arg(squatter.serverPort()));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::ServerPage));
        QVERIFY2(shown(wizard, "listenError").contains(QStringLiteral("cannot listen")),
                 qPrintable(shown(wizard, "listenError")));
        setText(wizard, "listen", QStringLiteral("127.0.0.1:0"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::DatabasePage));

        // PostgreSQL must answer before the page lets the user on.
        QAbstractButton *nextButton = wizard.button(QWizard::NextButton);
        child<QRadioButton>(wizard, "postgres")->setChecked(true);
        QVERIFY(!nextButton->isEnabled());
        setText(wizard, "databaseUrl", QStringLiteral("postgresql://nobody:secret@127.0.0.1:1/none"));
        child<QPushButton>(wizard, "testConnection")->click();
        QVERIFY(!nextButton->isEnabled());
        QVERIFY2(shown(wizard, "databaseResult").startsWith(QStringLiteral("Nothing answers at that host and port")),
                 qPrintable(shown(wizard, "databaseResult"))); // in words, the driver's text after it
        if (!test::TestDatabase::postgresAdminUrl().isEmpty()) {
            setText(wizard, "databaseUrl", test::TestDatabase::postgresAdminUrl());
            child<QPushButton>(wizard, "testConnection")->click();
            QVERIFY(nextButton->isEnabled());
            setText(wizard, "databaseUrl", test::TestDatabase::postgresAdminUrl() + QStringLiteral("x"));
            QVERIFY(!nextButton->isEnabled()); // a changed URL is tested again
        }
        child<QRadioButton>(wizard, "sqlite")->setChecked(true);
        QVERIFY(nextButton->isEnabled());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::KeyPage));
        wizard.next();

        // The administrator: each error under its field, gone once it no longer holds, and a common
        // password refused before anything is created.
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::AdminPage));
        setText(wizard, "username", QStringLiteral("chief"));
        setText(wizard, "email", QStringLiteral("chief@example.com"));
        setText(wizard, "password", QStringLiteral("password"));
        QVERIFY(!shown(wizard, "passwordError").isEmpty());
        setText(wizard, "confirm", QStringLiteral("passwort"));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // the two differ
        QCOMPARE(shown(wizard, "confirmError"), QStringLiteral("The two passwords differ."));
        setText(wizard, "confirm", QStringLiteral("password"));
        QVERIFY(shown(wizard, "confirmError").isEmpty());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::AdminPage));
        QCOMPARE(finishCalls, 0);
        QVERIFY(!node);

        const QString password = QStringLiteral("correct horse battery staple");
        setText(wizard, "password", password);
        QVERIFY(shown(wizard, "passwordError").isEmpty()); // valid now: the error goes at once
        setText(wizard, "confirm", password);
        wizard.next();

        // A summary before anything is written, with the reminder to keep the master key.
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::SummaryPage));
        QVERIFY(!QFile::exists(configFile));
        QVERIFY(shown(wizard, "summary").contains(QDir::toNativeSeparators(dataDir)));
        QVERIFY(shown(wizard, "summary").contains(QStringLiteral("chief@example.com")));
        QVERIFY(shown(wizard, "backupReminder").contains(QStringLiteral("master key")));
        wizard.button(QWizard::FinishButton)->click();
        QVERIFY2(shown(wizard, "finishError").isEmpty(), qPrintable(shown(wizard, "finishError")));
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        QCOMPARE(finishCalls, 1);

        // The answers became a configuration file, a database and an administrator who can log in.
        QSettings ini(configFile, QSettings::IniFormat);
        QCOMPARE(ini.value(QStringLiteral("data-dir")).toString(), dataDir);
        QCOMPARE(ini.value(QStringLiteral("listen")).toString(), QStringLiteral("127.0.0.1:0"));
        QVERIFY(!ini.contains(QStringLiteral("database"))); // SQLite: the default
        QVERIFY(QFile::exists(dataDir + QStringLiteral("/keyward.db")));
        QVERIFY(node);
        auto tokens = node->services().auth().login(Principal::anonymous(), QStringLiteral("chief"), password);
        QVERIFY2(tokens, tokens ? "" : qPrintable(tokens.error().detail()));
        auto admin = node->services().users().list(Principal::gui(), {});
        QCOMPARE(admin->items.first().roles, QStringList{QStringLiteral("admin")});
        QVERIFY(admin->items.first().emailVerified);

        // The next start is not a first run: it reads the file and serves.
        QString error;
        auto next = Config::load({{QStringLiteral("config"), configFile}}, QProcessEnvironment(), &error);
        QVERIFY2(next, qPrintable(error));
        QVERIFY(!FirstRunWizard::isFirstRun(*next));
        QCOMPARE(next->dataDir(), dataDir);
    }

    void aRefusedAddressCanBeChangedAtStart()
    {
        QTemporaryDir home;
        const QString configFile = home.filePath(QStringLiteral("keyward.ini"));
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        Config config = Config::defaults(home.path());
        config.set(QStringLiteral("listen"), QStringLiteral("127.0.0.1:%1").arg(squatter.serverPort()));
        config.set(QStringLiteral("master-key-store"), QStringLiteral("file"));
        Node node(config);
        const auto opened = node.open();
        QVERIFY2(!opened, opened ? qPrintable(opened->message) : "");

        // Giving up keeps the failure; a malformed address is asked again; a free one serves and
        // is written to the configuration file.
        Prompt::setNextAnswers({QVariant()});
        const auto refused = console::serveOrChangeAddress(node, configFile);
        QVERIFY(refused);
        QVERIFY(!QFile::exists(configFile));
        Prompt::setNextAnswers({QStringLiteral("nowhere"), QStringLiteral("127.0.0.1:0")});
        const auto failure = console::serveOrChangeAddress(node, configFile);
        QVERIFY2(!failure, failure ? qPrintable(failure->message) : "");
        QVERIFY(!Prompt::hasPendingAnswers());
        QVERIFY(node.url().startsWith(QStringLiteral("http://127.0.0.1:")));
        QSettings ini(configFile, QSettings::IniFormat);
        QCOMPARE(ini.value(QStringLiteral("listen")).toString(), QStringLiteral("127.0.0.1:0"));
        node.shutdown(1000);
    }
};

QTEST_MAIN(TstFirstRunWizard)
#include "tst_first_run_wizard.moc"
