// keyward: the desktop console with the server inside; `--headless` (or no display) behaves as
// `keyward-server`.
#include "cli.h"
#include "console.h"

#include <QApplication>

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
    return keyward::cli::run(arguments, keyward::ui::runConsole);
}
