#include "console_preferences.h"

#include <QSettings>
#include <QStandardPaths>

namespace keyward {

namespace {

// ~/.config/keyward/console.ini
class Store : public QSettings {
public:
    Store()
        : QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("keyward"), QStringLiteral("console"))
    {
    }
};

} // namespace

QString ConsolePreferences::language()
{
    return Store().value(QStringLiteral("language")).toString();
}

void ConsolePreferences::setLanguage(const QString &language)
{
    Store().setValue(QStringLiteral("language"), language);
}

bool ConsolePreferences::closeToTray()
{
    return Store().value(QStringLiteral("close-to-tray"), false).toBool();
}

void ConsolePreferences::setCloseToTray(bool on)
{
    Store().setValue(QStringLiteral("close-to-tray"), on);
}

QString ConsolePreferences::defaultConfigFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/keyward/keyward.ini");
}

} // namespace keyward
