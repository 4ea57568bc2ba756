#pragma once

#include "core/exit_code.h"

#include <QStringList>

#include <functional>

namespace keyward {
class Config;
}

namespace keyward::cli {

using namespace exit_code;

// Parses `arguments` (argv, program name first) and runs the command. Needs a QCoreApplication.
// `serveWith`, when given, replaces the headless `serve` (the desktop console runs its window).
int run(const QStringList &arguments, const std::function<int(const Config &)> &serveWith = {});

} // namespace keyward::cli
