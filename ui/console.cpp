#include "console.h"

#include "console_preferences.h"
#include "first_run_wizard.h"
#include "main_window.h"
#include "node.h"
#include "observe/metrics_sampler.h"
#include "services/services.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QTranslator>

namespace keyward::ui {

void installTranslations(const QString &language)
{
    // One translator each for Keyward's strings and Qt's own (standard buttons and dialogs).
    static QTranslator *keyward = nullptr;
    static QTranslator *qt = nullptr;
    for (QTranslator *t : {keyward, qt}) {
        if (t)
            QCoreApplication::removeTranslator(t);
        delete t;
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    keyward = new QTranslator;
    if (keyward->load(locale, QStringLiteral("keyward"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(keyward);
    qt = new QTranslator;
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

std::optional<ApiError> setUpInstallation(const Config &base, const QString &configFile,
                                          const FirstRunWizard::Answers &a, std::unique_ptr<Node> &node)
{
    if (!node) {
        const QMap<QString, QString> values{
            {QStringLiteral("data-dir"), a.dataDir},
            {QStringLiteral("listen"), a.listen},
            {QStringLiteral("database"), a.databaseUrl},
            {QStringLiteral("master-key-store"), a.keychain ? QStringLiteral("keychain") : QStringLiteral("file")},
        };
        Config config = base;
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            config.set(it.key(), it.value());
        config.set(QStringLiteral("config"), configFile);
        QString error;
        if (!Config::save(configFile, values, &error))
            return ApiError::serviceUnavailable(error, 0);
        auto opened = std::make_unique<Node>(config);
        if (auto failure = opened->open(true))
            return ApiError::serviceUnavailable(failure->message, 0);
        node = std::move(opened);
    }
    CreateUserRequest request;
    request.username = a.username;
    request.email = a.email;
    request.password = a.password;
    request.roles = QStringList{QStringLiteral("admin")};
    request.emailVerified = true;
    Principal wizard = Principal::gui();
    wizard.userAgent = QStringLiteral("keyward first-run wizard");
    return errorOf(node->services().users().create(wizard, request));
}

int runConsole(const Config &config)
{
    installTranslations(ConsolePreferences::language());
    // The window may close into the tray; quitting is explicit (menu, tray, or closing without tray).
    QApplication::setQuitOnLastWindowClosed(false);
    const QString configFile = config.value(QStringLiteral("config")).isEmpty()
                                   ? ConsolePreferences::defaultConfigFile()
                                   : config.value(QStringLiteral("config"));
    const auto refuse = [](const Node::Failure &failure) {
        QMessageBox::critical(nullptr, QObject::tr("Keyward"),
                              QObject::tr("Keyward could not start:\n\n%1").arg(failure.message));
        return failure.exitCode;
    };
    std::unique_ptr<Node> node;
    if (FirstRunWizard::isFirstRun(config)) {
        FirstRunWizard wizard(
            config, [&](const FirstRunWizard::Answers &a) { return setUpInstallation(config, configFile, a, node); });
        if (wizard.exec() != QDialog::Accepted)
            return 0;
    } else {
        node = std::make_unique<Node>(config);
        if (auto failure = node->open())
            return refuse(*failure);
    }
    if (auto failure = node->serve())
        return refuse(*failure);
    MetricsSampler sampler(node->services().metrics().registry);
    sampler.start();
    MainWindow window(*node, sampler, configFile);
    window.show();
    const int rc = QApplication::exec();
    sampler.stop();
    node->shutdown(10'000);
    return rc;
}

} // namespace keyward::ui
