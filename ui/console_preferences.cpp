#include "console_preferences.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

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

QByteArray ConsolePreferences::layout(const QString &name)
{
    return Store().value(QStringLiteral("layout/") + name).toByteArray();
}

void ConsolePreferences::setLayout(const QString &name, const QByteArray &state)
{
    Store().setValue(QStringLiteral("layout/") + name, state);
}

QString ConsolePreferences::defaultConfigFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/keyward/keyward.ini");
}

namespace ui {

void installTranslations(const QString &language)
{
    // One translator each for Keyward's strings and Qt's own (standard buttons and dialogs).
    static QTranslator *keyward = nullptr;
    static QTranslator *qt = nullptr;
    for (QTranslator *t : {keyward, qt}) {
        if (t)
            QCoreApplication::removeTranslator(t);
        delete t;
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    keyward = new QTranslator;
    if (keyward->load(locale, QStringLiteral("keyward"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(keyward);
    qt = new QTranslator;
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace ui
} // namespace keyward
