// keyward-server: the headless service and its admin commands. Links no GUI library.
#include "cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("keyward"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KEYWARD_VERSION));
    return keyward::cli::run(QCoreApplication::arguments());
}
