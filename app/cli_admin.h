#pragma once

#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace keyward {
class Config;
}

namespace keyward::cli {

// Daily administration from a shell: `user`, `role`, `apikey`, `session`, `client` and `webhook` commands. They act
// through the same services as the API and the console, audited as actor `cli`; a table on stdout,
// or JSON (the API's shapes) with --json.

// The lines of --help that describe them.
QString adminCommandsHelp();
// Their options, added to the parser every command shares.
void addAdminOptions(QCommandLineParser &parser);
// Whether `command` (the first word) is one of them.
bool isAdminCommand(const QString &command);
// Runs `args` (the positional arguments, the command first); returns the exit code.
int runAdmin(const Config &config, const QStringList &args, const QCommandLineParser &parser);

} // namespace keyward::cli
