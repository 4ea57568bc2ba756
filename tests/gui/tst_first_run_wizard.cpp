// The first-run wizard driven offscreen, end to end: its answers become a configuration file, a
// database with its schema and a first administrator who can log in.
#include "console.h"
#include "first_run_wizard.h"
#include "node.h"
#include "services/services.h"
#include "test_database.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
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

QString shownError(QWizard &wizard)
{
    const auto *label = wizard.currentPage()->findChild<QLabel *>(QStringLiteral("adminError"));
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

        // The administrator: a common password is refused before anything is created.
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::AdminPage));
        setText(wizard, "username", QStringLiteral("chief"));
        setText(wizard, "email", QStringLiteral("chief@example.com"));
        setText(wizard, "password", QStringLiteral("password"));
        setText(wizard, "confirm", QStringLiteral("passwort"));
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled()); // the two differ
        setText(wizard, "confirm", QStringLiteral("password"));
        wizard.button(QWizard::FinishButton)->click();
        QVERIFY(wizard.isVisible());
        QVERIFY2(!shownError(wizard).isEmpty(), "no error for a common password");
        QCOMPARE(finishCalls, 0);
        QVERIFY(!node);

        const QString password = QStringLiteral("correct horse battery staple");
        setText(wizard, "password", password);
        setText(wizard, "confirm", password);
        wizard.button(QWizard::FinishButton)->click();
        QVERIFY2(shownError(wizard).isEmpty(), qPrintable(shownError(wizard)));
        QCOMPARE(wizard.result(), int(QDialog::Accepted));

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
};

QTEST_MAIN(TstFirstRunWizard)
#include "tst_first_run_wizard.moc"
