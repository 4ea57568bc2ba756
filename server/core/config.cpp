#include "config.h"

#include "private_files.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

namespace keyward {

const QList<ConfigOption> &Config::options()
{
    static const QList<ConfigOption> list{
        {QStringLiteral("config"), QStringLiteral("KEYWARD_CONFIG"), {}, QStringLiteral("INI configuration file")},
        {QStringLiteral("data-dir"),
         QStringLiteral("KEYWARD_DATA_DIR"),
         {},
         QStringLiteral("Directory for the SQLite database and the master key file")},
        {QStringLiteral("database"),
         QStringLiteral("KEYWARD_DATABASE_URL"),
         {},
         QStringLiteral("sqlite:///abs/path.db or postgresql://user:pass@host:port/db"),
         true},
        {QStringLiteral("listen"), QStringLiteral("KEYWARD_LISTEN"), QStringLiteral("127.0.0.1:8080"),
         QStringLiteral("Address and port to serve on (port 0 picks a free one)")},
        {QStringLiteral("workers"), QStringLiteral("KEYWARD_WORKERS"), QStringLiteral("0"),
         QStringLiteral("HTTP worker threads (0 = one per core)")},
        {QStringLiteral("hash-workers"), QStringLiteral("KEYWARD_HASH_WORKERS"), QStringLiteral("0"),
         QStringLiteral("Password hashing threads (0 = one per core)")},
        {QStringLiteral("hash-queue"), QStringLiteral("KEYWARD_HASH_QUEUE"), QStringLiteral("256"),
         QStringLiteral("Hashing jobs that may wait before requests are refused with 503")},
        {QStringLiteral("public-url"),
         QStringLiteral("KEYWARD_PUBLIC_URL"),
         {},
         QStringLiteral("External base URL, the token issuer; every node of one database shares the first node's "
                        "(default: that one, or http://<listen> on the first)")},
        {QStringLiteral("audience"), QStringLiteral("KEYWARD_AUDIENCE"), QStringLiteral("keyward"),
         QStringLiteral("The aud claim of access tokens")},
        {QStringLiteral("jwt-alg"), QStringLiteral("KEYWARD_JWT_ALG"), QStringLiteral("RS256"),
         QStringLiteral("Access token signature: RS256, EdDSA or ES256")},
        {QStringLiteral("access-ttl"), QStringLiteral("KEYWARD_ACCESS_TTL"), QStringLiteral("900"),
         QStringLiteral("Access token lifetime in seconds")},
        {QStringLiteral("refresh-idle-ttl"), QStringLiteral("KEYWARD_REFRESH_IDLE_TTL"), QStringLiteral("604800"),
         QStringLiteral("Refresh token idle timeout in seconds")},
        {QStringLiteral("refresh-absolute-ttl"), QStringLiteral("KEYWARD_REFRESH_ABSOLUTE_TTL"),
         QStringLiteral("2592000"), QStringLiteral("Session absolute lifetime in seconds")},
        {QStringLiteral("argon2-memory"), QStringLiteral("KEYWARD_ARGON2_MEMORY"), QStringLiteral("19456"),
         QStringLiteral("argon2id memory cost in KiB")},
        {QStringLiteral("argon2-iterations"), QStringLiteral("KEYWARD_ARGON2_ITERATIONS"), QStringLiteral("2"),
         QStringLiteral("argon2id time cost")},
        {QStringLiteral("argon2-parallelism"), QStringLiteral("KEYWARD_ARGON2_PARALLELISM"), QStringLiteral("1"),
         QStringLiteral("argon2id lanes")},
        {QStringLiteral("max-body"), QStringLiteral("KEYWARD_MAX_BODY"), QStringLiteral("1048576"),
         QStringLiteral("Largest accepted request body in bytes")},
        {QStringLiteral("max-header"), QStringLiteral("KEYWARD_MAX_HEADER"), QStringLiteral("65536"),
         QStringLiteral("Largest accepted request head (request line and headers) in bytes")},
        {QStringLiteral("idle-timeout"), QStringLiteral("KEYWARD_IDLE_TIMEOUT"), QStringLiteral("15"),
         QStringLiteral("Seconds a connection may take to send its next request")},
        {QStringLiteral("max-connections"), QStringLiteral("KEYWARD_MAX_CONNECTIONS"), QStringLiteral("10000"),
         QStringLiteral("Open connections across all workers")},
        {QStringLiteral("max-connections-per-address"), QStringLiteral("KEYWARD_MAX_CONNECTIONS_PER_ADDRESS"),
         QStringLiteral("256"), QStringLiteral("Open connections from one client address")},
        {QStringLiteral("tls-cert"), QStringLiteral("KEYWARD_TLS_CERT"), {}, QStringLiteral("PEM certificate chain")},
        {QStringLiteral("tls-key"), QStringLiteral("KEYWARD_TLS_KEY"), {}, QStringLiteral("PEM private key")},
        {QStringLiteral("http-redirect"),
         QStringLiteral("KEYWARD_HTTP_REDIRECT"),
         {},
         QStringLiteral("With TLS: also listen on ADDRESS:PORT for plain HTTP and redirect it to HTTPS")},
        {QStringLiteral("master-key-file"),
         QStringLiteral("KEYWARD_MASTER_KEY_FILE"),
         {},
         QStringLiteral("File holding the 256-bit master key (systemd credentials, Docker secrets)")},
        {QStringLiteral("master-key-store"), QStringLiteral("KEYWARD_MASTER_KEY_STORE"), QStringLiteral("file"),
         QStringLiteral("Where a new master key is kept: file (data directory) or keychain (the desktop's)")},
        {QStringLiteral("log-level"), QStringLiteral("KEYWARD_LOG_LEVEL"), QStringLiteral("info"),
         QStringLiteral("debug, info, warning or error")},
        {QStringLiteral("log-format"),
         QStringLiteral("KEYWARD_LOG_FORMAT"),
         {},
         QStringLiteral("json or text (default: text on a terminal, json otherwise)")},
        {QStringLiteral("log-file"),
         QStringLiteral("KEYWARD_LOG_FILE"),
         {},
         QStringLiteral("Write logs to this file (rotated by size; reopened on SIGHUP) instead of stderr")},
        {QStringLiteral("log-max-bytes"), QStringLiteral("KEYWARD_LOG_MAX_BYTES"), QStringLiteral("10485760"),
         QStringLiteral("Rotate the log file beyond this size")},
        {QStringLiteral("log-keep"), QStringLiteral("KEYWARD_LOG_KEEP"), QStringLiteral("5"),
         QStringLiteral("Rotated log files to keep")},
        {QStringLiteral("registration"), QStringLiteral("KEYWARD_REGISTRATION"), QStringLiteral("false"),
         QStringLiteral("Allow self-registration at /api/v1/auth/register")},
        {QStringLiteral("webhooks-private"), QStringLiteral("KEYWARD_WEBHOOKS_PRIVATE"), QStringLiteral("false"),
         QStringLiteral("Allow webhook endpoints at loopback and private addresses, over http too (default: "
                        "https to public addresses only)")},
    };
    return list;
}

static QString defaultDataDir()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base.isEmpty() ? QDir::homePath() : base).filePath(QStringLiteral("keyward"));
}

Config Config::defaults(const QString &dataDir)
{
    Config c;
    for (const ConfigOption &o : options()) {
        c.m_values.insert(o.key, o.defaultValue);
        c.m_sources.insert(o.key, QStringLiteral("default"));
    }
    c.m_values.insert(QStringLiteral("data-dir"), dataDir);
    return c;
}

std::optional<Config> Config::load(const QMap<QString, QString> &cli, const QProcessEnvironment &env, QString *error)
{
    Config c = defaults(defaultDataDir());
    QString file = cli.value(QStringLiteral("config"), env.value(QStringLiteral("KEYWARD_CONFIG")));
    if (!file.isEmpty()) {
        if (!QFileInfo(file).isReadable()) {
            *error = QStringLiteral("cannot read configuration file %1").arg(file);
            return std::nullopt;
        }
        QSettings ini(file, QSettings::IniFormat);
        if (ini.status() != QSettings::NoError) {
            *error = QStringLiteral("configuration file %1 is not valid INI").arg(file);
            return std::nullopt;
        }
        for (const QString &key : ini.allKeys()) {
            const bool known =
                std::any_of(options().begin(), options().end(), [&](const ConfigOption &o) { return o.key == key; });
            if (!known) {
                *error = QStringLiteral("unknown option '%1' in %2").arg(key, file);
                return std::nullopt;
            }
            c.m_values.insert(key, ini.value(key).toString());
            c.m_sources.insert(key, QStringLiteral("file"));
        }
    }
    for (const ConfigOption &o : options()) {
        if (env.contains(o.env)) {
            c.m_values.insert(o.key, env.value(o.env));
            c.m_sources.insert(o.key, QStringLiteral("environment"));
        }
        if (cli.contains(o.key)) {
            c.m_values.insert(o.key, cli.value(o.key));
            c.m_sources.insert(o.key, QStringLiteral("command line"));
        }
    }
    const QStringList problems = c.validate();
    if (!problems.isEmpty()) {
        *error = problems.join(QStringLiteral("; "));
        return std::nullopt;
    }
    return c;
}

bool Config::save(const QString &path, const QMap<QString, QString> &values, QString *error)
{
    const QFileInfo info(path);
    if (!files::makePrivateDirectory(info.absolutePath())) {
        *error = QStringLiteral("cannot create the directory %1").arg(info.absolutePath());
        return false;
    }
    {
        QSettings ini(path, QSettings::IniFormat);
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            if (it.value().isEmpty())
                ini.remove(it.key());
            else
                ini.setValue(it.key(), it.value());
        }
        ini.sync();
        if (ini.status() != QSettings::NoError) {
            *error = QStringLiteral("cannot write %1").arg(path);
            return false;
        }
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return true;
}

QString Config::databaseUrl() const
{
    const QString url = value(QStringLiteral("database"));
    if (!url.isEmpty())
        return url;
    return QStringLiteral("sqlite://") + QDir(dataDir()).absoluteFilePath(QStringLiteral("keyward.db"));
}

static bool splitListen(const QString &listen, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = listen.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint p = listen.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535)
        return false;
    QHostAddress a;
    if (host == QLatin1String("localhost"))
        a = QHostAddress(QHostAddress::LocalHost);
    else if (!a.setAddress(host))
        return false;
    *address = a;
    *port = static_cast<quint16>(p);
    return true;
}

QHostAddress Config::listenAddress() const
{
    QHostAddress a;
    quint16 p = 0;
    splitListen(value(QStringLiteral("listen")), &a, &p);
    return a;
}

quint16 Config::listenPort() const
{
    QHostAddress a;
    quint16 p = 0;
    splitListen(value(QStringLiteral("listen")), &a, &p);
    return p;
}

int Config::workers() const
{
    const int n = integer(QStringLiteral("workers"));
    return n > 0 ? n : qMax(1, QThread::idealThreadCount());
}

QStringList Config::validate() const
{
    QStringList problems;
    QHostAddress a;
    quint16 p = 0;
    if (!splitListen(value(QStringLiteral("listen")), &a, &p))
        problems << QStringLiteral("listen must be ADDRESS:PORT, got '%1'").arg(value(QStringLiteral("listen")));
    const QString db = databaseUrl();
    if (!db.startsWith(QLatin1String("sqlite://")) && !db.startsWith(QLatin1String("postgresql://")) &&
        !db.startsWith(QLatin1String("postgres://")))
        problems << QStringLiteral("database must be a sqlite:// or postgresql:// URL");
    static const struct {
        const char *key;
        qint64 min;
        qint64 max;
    } ranges[] = {
        {"workers", 0, 256},
        {"hash-workers", 0, 256},
        {"hash-queue", 1, 1000000},
        {"access-ttl", 60, 86400},
        {"refresh-idle-ttl", 300, 31536000},
        {"refresh-absolute-ttl", 300, 31536000},
        {"argon2-memory", 8, 4194304},
        {"argon2-iterations", 1, 100},
        {"argon2-parallelism", 1, 64},
        {"max-body", 1024, 1073741824},
        {"max-header", 1024, 1048576},
        {"idle-timeout", 1, 3600},
        {"max-connections", 1, 1000000},
        {"max-connections-per-address", 1, 1000000},
    };
    for (const auto &r : ranges) {
        const QString key = QLatin1String(r.key);
        bool ok = false;
        const qint64 v = value(key).toLongLong(&ok);
        if (!ok || v < r.min || v > r.max)
            problems << QStringLiteral("%1 must be a whole number from %2 to %3, got '%4'")
                            .arg(key)
                            .arg(r.min)
                            .arg(r.max)
                            .arg(value(key));
    }
    if (!value(QStringLiteral("http-redirect")).isEmpty() &&
        !value(QStringLiteral("public-url")).startsWith(QLatin1String("https://")))
        problems << QStringLiteral("http-redirect needs public-url: the https:// address clients are sent to");
    static const QStringList algs{QStringLiteral("RS256"), QStringLiteral("EdDSA"), QStringLiteral("ES256")};
    if (!algs.contains(value(QStringLiteral("jwt-alg"))))
        problems << QStringLiteral("jwt-alg must be RS256, EdDSA or ES256");
    static const QStringList levels{QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"),
                                    QStringLiteral("error")};
    if (!levels.contains(value(QStringLiteral("log-level"))))
        problems << QStringLiteral("log-level must be debug, info, warning or error");
    const QString fmt = value(QStringLiteral("log-format"));
    if (!fmt.isEmpty() && fmt != QLatin1String("json") && fmt != QLatin1String("text"))
        problems << QStringLiteral("log-format must be json or text");
    const QString redirect = value(QStringLiteral("http-redirect"));
    QHostAddress ra;
    quint16 rp = 0;
    if (!redirect.isEmpty() && (!splitListen(redirect, &ra, &rp) || value(QStringLiteral("tls-cert")).isEmpty()))
        problems << QStringLiteral("http-redirect must be ADDRESS:PORT and needs tls-cert/tls-key");
    if (value(QStringLiteral("tls-cert")).isEmpty() != value(QStringLiteral("tls-key")).isEmpty())
        problems << QStringLiteral("tls-cert and tls-key go together");
    const QString store = value(QStringLiteral("master-key-store"));
    if (store != QLatin1String("file") && store != QLatin1String("keychain"))
        problems << QStringLiteral("master-key-store must be file or keychain");
    for (const char *flag : {"registration", "webhooks-private"}) {
        const QString v = value(QString::fromLatin1(flag));
        if (v != QLatin1String("true") && v != QLatin1String("false"))
            problems << QStringLiteral("%1 must be true or false").arg(QLatin1String(flag));
    }
    if (value(QStringLiteral("refresh-absolute-ttl")).toLongLong() <
        value(QStringLiteral("refresh-idle-ttl")).toLongLong())
        problems << QStringLiteral("refresh-absolute-ttl must not be shorter than refresh-idle-ttl");
    return problems;
}

} // namespace keyward
