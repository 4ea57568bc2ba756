// keyward: the desktop console with the server inside; `--headless` (or no display) behaves as
// `keyward-server`. Reads ~/.config/keyward/keyward.ini when it exists and no other file is named.
#include "cli.h"
#include "console.h"
#include "console_preferences.h"

#include <QApplication>
#include <QFileInfo>

#include <algorithm>

namespace {

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
           qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const bool headless = arguments.removeAll(QStringLiteral("--headless")) > 0 || !hasDisplay();
    // The desktop program reads the file its wizard and Settings panel write, unless told otherwise.
    const bool configGiven = qEnvironmentVariableIsSet("KEYWARD_CONFIG") ||
                             std::any_of(arguments.cbegin(), arguments.cend(), [](const QString &a) {
                                 return a == QLatin1String("--config") || a.startsWith(QLatin1String("--config="));
                             });
    if (!configGiven && QFileInfo::exists(keyward::ConsolePreferences::defaultConfigFile()))
        arguments << QStringLiteral("--config") << keyward::ConsolePreferences::defaultConfigFile();
    const auto setNames = [] {
        QCoreApplication::setApplicationName(QStringLiteral("keyward"));
        QCoreApplication::setApplicationVersion(QStringLiteral(KEYWARD_VERSION));
    };
    if (headless) {
        QCoreApplication app(argc, argv);
        setNames();
        return keyward::cli::run(arguments);
    }
    QApplication app(argc, argv);
    setNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Keyward"));
    return keyward::cli::run(arguments, keyward::console::runConsole);
}
