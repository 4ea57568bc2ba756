#pragma once

#include <QHostAddress>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace keyward {

// One configurable option. The same table feeds the command line, the KEYWARD_* environment,
// the INI file and check-config, so an option cannot exist in one place and be missing in another.
struct ConfigOption {
    QString key; // INI key and --option name, e.g. "database"
    QString env; // environment twin, e.g. KEYWARD_DATABASE_URL
    QString defaultValue;
    QString description;
    bool secret = false; // masked when printed
};

// The effective startup configuration. Precedence: command line > environment > config file > defaults.
class Config {
public:
    static const QList<ConfigOption> &options();

    // `cli` holds the values given on the command line, keyed by option key.
    // Returns an error message when the file cannot be read or a value is invalid.
    static std::optional<Config> load(const QMap<QString, QString> &cli, const QProcessEnvironment &env,
                                      QString *error);
    // Writes `values` into the INI file at `path` (created with its directory, mode 0600 since it may
    // hold a database password); an empty value removes the key. Other keys stay as they are.
    static bool save(const QString &path, const QMap<QString, QString> &values, QString *error);
    // Defaults only, with the data directory set: what tests and the GUI start from.
    static Config defaults(const QString &dataDir);

    QString value(const QString &key) const { return m_values.value(key); }
    void set(const QString &key, const QString &value) { m_values.insert(key, value); }
    // Where each effective value came from: "default", "file", "environment" or "command line".
    QString source(const QString &key) const { return m_sources.value(key); }

    QString dataDir() const { return value(QStringLiteral("data-dir")); }
    QString databaseUrl() const;
    QHostAddress listenAddress() const;
    quint16 listenPort() const;
    int workers() const;
    int integer(const QString &key) const { return value(key).toInt(); }

    // Validates every value; returns the list of problems (empty when fine).
    QStringList validate() const;

private:
    QMap<QString, QString> m_values;
    QMap<QString, QString> m_sources;
};

} // namespace keyward
