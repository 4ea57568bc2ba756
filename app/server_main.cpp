// keyward-server: the headless service and its admin commands. Links no GUI library.
#include "cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    // Qt's own event loop, not GLib's: a headless server has no GLib sources to serve, and GLib's
    // adds its bookkeeping to every socket event (a few per cent of the requests per second, and
    // a lower p99). Set before the first event loop, so every thread gets the same.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("keyward"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KEYWARD_VERSION));
    return keyward::cli::run(QCoreApplication::arguments());
}
