#pragma once

#include <QByteArray>
#include <QString>

namespace keyward {

// The console's own preferences, not the service's: they live with the desktop user (QSettings),
// not in the shared database.
class ConsolePreferences {
public:
    // "de", "fr", "en", or empty to follow the system.
    static QString language();
    static void setLanguage(const QString &language);
    // Closing the window keeps the server running in the system tray.
    static bool closeToTray();
    static void setCloseToTray(bool on);
    // The saved layout (geometry, splitter or column state) of the part of the window named `name`;
    // empty when none was saved.
    static QByteArray layout(const QString &name);
    static void setLayout(const QString &name, const QByteArray &state);
    // The INI file the console reads at start and writes from its wizard and Settings panel
    // (~/.config/keyward/keyward.ini), unless --config or KEYWARD_CONFIG names another.
    static QString defaultConfigFile();
};

namespace ui {

// Loads the console's translations and Qt's own for `language` ("de", "fr", "en"; empty: the
// system's), replacing any loaded before, and makes it the default locale.
void installTranslations(const QString &language);

} // namespace ui
} // namespace keyward
