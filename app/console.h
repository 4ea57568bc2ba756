#pragma once

#include "console_host.h"
#include "first_run_wizard.h"
#include "node.h"

#include <memory>
#include <optional>

namespace keyward {

class Config;

namespace console {

// The console's view of a Node (ui/ sees only ConsoleHost).
class NodeHost : public ConsoleHost {
    Q_OBJECT
public:
    explicit NodeHost(Node &node, QObject *parent = nullptr);

    Services &services() override;
    const Config &config() const override;
    State state() const override;
    QString url() const override;
    QString databaseKind() const override;
    QString databaseLocation() const override;

private:
    Node &m_node;
};

// The node's own checks, for the first-run wizard.
FirstRunWizard::Probes nodeProbes();

// Sets up a new installation from the first-run wizard's answers: writes `configFile`, opens the
// database (creating its schema) into `node`, and creates the first administrator. With `node`
// already open (a retry after a refused administrator) only the administrator is created.
std::optional<ApiError> setUpInstallation(const Config &base, const QString &configFile,
                                          const FirstRunWizard::Answers &answers, std::unique_ptr<Node> &node);

// Serves `node`; while its listen address is refused (a port in use), offers to change it and
// writes the new one to `configFile`, which the question names. The failure when the admin gives
// up, or one that another address would not cure.
std::optional<Node::Failure> serveOrChangeAddress(Node &node, const QString &configFile);

// Runs the desktop console on `config`: opens and serves the node, shows the main window, and
// drains the server when the window closes. Returns the process exit code. Needs a QApplication.
int runConsole(const Config &config);

} // namespace console
} // namespace keyward
