#pragma once

#include <QStringList>

namespace keyward::cli {

// Exit codes of every Keyward command (API.md).
enum ExitCode { Success = 0, Failure = 1, Usage = 2, InvalidConfig = 3 };

// Parses `arguments` (argv, program name first) and runs the command. Needs a QCoreApplication.
int run(const QStringList &arguments);

} // namespace keyward::cli
