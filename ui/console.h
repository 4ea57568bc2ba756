#pragma once

#include "first_run_wizard.h"

#include <QString>

#include <memory>
#include <optional>

namespace keyward {

class Config;
class Node;

namespace ui {

// Loads the console's translations and Qt's own for `language` ("de", "fr", "en"; empty: the
// system's), replacing any loaded before, and makes it the default locale.
void installTranslations(const QString &language);

// Sets up a new installation from the first-run wizard's answers: writes `configFile`, opens the
// database (creating its schema) into `node`, and creates the first administrator. With `node`
// already open (a retry after a refused administrator) only the administrator is created.
std::optional<ApiError> setUpInstallation(const Config &base, const QString &configFile,
                                          const FirstRunWizard::Answers &answers, std::unique_ptr<Node> &node);

// Runs the desktop console on `config`: opens and serves the node, shows the main window, and
// drains the server when the window closes. Returns the process exit code. Needs a QApplication.
int runConsole(const Config &config);

} // namespace ui
} // namespace keyward
