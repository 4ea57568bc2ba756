#pragma once

#include <QStringList>

#include <functional>

namespace keyward {
class Config;
}

namespace keyward::cli {

// Exit codes of every Keyward command (API.md).
enum ExitCode { Success = 0, Failure = 1, Usage = 2, InvalidConfig = 3 };

// Parses `arguments` (argv, program name first) and runs the command. Needs a QCoreApplication.
// `serveWith`, when given, replaces the headless `serve` (the desktop console runs its window).
int run(const QStringList &arguments, const std::function<int(const Config &)> &serveWith = {});

} // namespace keyward::cli
