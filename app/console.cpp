#include "console.h"

#include "console_preferences.h"
#include "core/exit_code.h"
#include "first_run_wizard.h"
#include "main_window.h"
#include "node.h"
#include "observe/metrics_sampler.h"
#include "prompt.h"
#include "services/services.h"
#include "store/database.h"

#include <QApplication>
#include <QMessageBox>

namespace keyward::console {

NodeHost::NodeHost(Node &node, QObject *parent)
    : ConsoleHost(parent)
    , m_node(node)
{
    connect(&node, &Node::stateChanged, this, &ConsoleHost::stateChanged);
}

Services &NodeHost::services()
{
    return m_node.services();
}

const Config &NodeHost::config() const
{
    return m_node.config();
}

ConsoleHost::State NodeHost::state() const
{
    switch (m_node.state()) {
    case Node::State::Starting:
        return State::Starting;
    case Node::State::Serving:
        return State::Serving;
    case Node::State::Draining:
        return State::Draining;
    case Node::State::Failed:
        return State::Failed;
    case Node::State::Stopped:
        break;
    }
    return State::Stopped;
}

QString NodeHost::url() const
{
    return m_node.url();
}

QString NodeHost::databaseKind() const
{
    return m_node.database().kindName();
}

QString NodeHost::databaseLocation() const
{
    return m_node.database().displayUrl();
}

FirstRunWizard::Probes nodeProbes()
{
    return {&Node::probeDatabase, &Node::probeKeychain, &Node::probeListen};
}

std::optional<ApiError> setUpInstallation(const Config &base, const QString &configFile,
                                          const FirstRunWizard::Answers &a, std::unique_ptr<Node> &node)
{
    if (node) {
        // A retry after a refused administrator: what was created stays as it was answered.
        const Config &made = node->config();
        if (made.dataDir() != a.dataDir || made.value(QStringLiteral("listen")) != a.listen ||
            made.value(QStringLiteral("database")) != a.databaseUrl ||
            (made.value(QStringLiteral("master-key-store")) == QLatin1String("keychain")) != a.keychain)
            return ApiError::conflict(
                QObject::tr("The installation was already created with the earlier answers (%1); only the "
                            "administrator is left to create. Change the other answers back, or change them "
                            "later in Settings.")
                    .arg(configFile));
    } else {
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
    Principal wizard = Principal::gui();
    wizard.userAgent = QStringLiteral("keyward first-run wizard");
    return errorOf(node->services().users().createFirstAdministrator(wizard, a.username, a.email, a.password));
}

std::optional<Node::Failure> serveOrChangeAddress(Node &node, const QString &configFile)
{
    QString problem;
    for (;;) {
        auto failure = node.serve();
        if (!failure || failure->exitCode == exit_code::InvalidConfig)
            return failure;
        const QString listen = node.config().value(QStringLiteral("listen"));
        // Only a refused address is cured by another one.
        if (problem.isEmpty() && Node::probeListen(listen).isEmpty())
            return failure;
        const auto other = Prompt::text(
            nullptr, QObject::tr("Keyward could not start"),
            QObject::tr("Keyward could not listen on %1:\n%2\n\nAnother program may use this address. Listen on "
                        "another one (saved to %3):")
                .arg(listen, problem.isEmpty() ? failure->message : problem, configFile),
            listen);
        if (!other || other->trimmed().isEmpty())
            return failure;
        Config candidate = node.config();
        candidate.set(QStringLiteral("listen"), other->trimmed());
        const QStringList problems = candidate.validate().filter(QStringLiteral("listen"));
        problem = problems.join(QLatin1Char('\n'));
        if (problem.isEmpty())
            if (const QString refused = Node::probeListen(other->trimmed()); !refused.isEmpty())
                problem = QObject::tr("%1 is refused too: %2").arg(other->trimmed(), refused);
        if (!problem.isEmpty())
            continue;
        QString error;
        if (!Config::save(configFile, {{QStringLiteral("listen"), other->trimmed()}}, &error))
            return Node::Failure{exit_code::Failure, error};
        node.setListen(other->trimmed());
    }
}

int runConsole(const Config &config)
{
    ui::installTranslations(ConsolePreferences::language());
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
        FirstRunWizard wizard(config, nodeProbes(), [&](const FirstRunWizard::Answers &a) {
            return setUpInstallation(config, configFile, a, node);
        });
        if (wizard.exec() != QDialog::Accepted)
            return 0;
    } else {
        node = std::make_unique<Node>(config);
        if (auto failure = node->open())
            return refuse(*failure);
    }
    if (auto failure = serveOrChangeAddress(*node, configFile))
        return refuse(*failure);
    MetricsSampler sampler(node->services().metrics().registry);
    sampler.start();
    NodeHost host(*node);
    MainWindow window(host, sampler, configFile);
    window.show();
    const int rc = QApplication::exec();
    sampler.stop();
    node->shutdown(10'000);
    return rc;
}

} // namespace keyward::console
