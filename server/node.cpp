#include "node.h"

#include "core/exit_code.h"
#include "core/logging.h"
#include "core/private_files.h"
#include "crypto/keychain.h"
#include "http/http_server.h"
#include "http/tls.h"
#include "services/services.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QDir>
#include <QSqlError>
#include <QTcpServer>

#include <chrono>

#include <unistd.h>

namespace keyward {

Node::Node(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    // Housekeeping (dormant accounts, expired counters and tokens): soon after start, then hourly.
    m_maintenance.setInterval(std::chrono::hours(1));
    connect(&m_maintenance, &QTimer::timeout, this, [this] { (void)m_services->maintenance().runOnce(); });
    // The audit chain's high-water mark follows the head closely: truncating the newest events
    // is seen unless it happens within these seconds.
    m_auditHighWater.setInterval(std::chrono::seconds(5));
    connect(&m_auditHighWater, &QTimer::timeout, this, [this] { (void)m_services->audit().advanceHighWater(); });
}

Node::~Node()
{
    shutdown(0);
    m_http.reset();
    if (m_services)
        (void)m_services->audit().advanceHighWater(); // what this run wrote, for the next verify
    m_services.reset();
    if (m_database)
        m_database->closeThreadConnection();
    if (m_dataDirLock >= 0)
        ::close(m_dataDirLock);
}

QString Node::masterKeyLocation() const
{
    switch (m_masterKey.source) {
    case crypto::MasterKeySource::Keychain:
        return QStringLiteral("the system keychain entry \"%1\" (service \"keyward\")").arg(m_masterKey.location);
    case crypto::MasterKeySource::File:
    case crypto::MasterKeySource::DataDirFile:
        break;
    }
    return QStringLiteral("the file %1").arg(m_masterKey.location);
}

QString Node::probeDatabase(const QString &url)
{
    QString error;
    const auto db = Database::open(url, &error);
    if (!db)
        return error;
    if (const QSqlDatabase connection = db->connection(); !connection.isOpen())
        error = connection.lastError().text();
    db->closeThreadConnection();
    return error;
}

QString Node::probeKeychain()
{
    QByteArray ignored;
    QString error;
    const auto outcome = crypto::Keychain::read(QStringLiteral("keyward"), QStringLiteral("probe"), &ignored, &error);
    return outcome == crypto::Keychain::Outcome::Unavailable ? (error.isEmpty() ? QStringLiteral("unavailable") : error)
                                                             : QString();
}

QString Node::probeListen(const QString &listen)
{
    Config candidate = Config::defaults(QString());
    candidate.set(QStringLiteral("listen"), listen);
    QTcpServer server;
    return server.listen(candidate.listenAddress(), candidate.listenPort()) ? QString() : server.errorString();
}

void Node::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

std::optional<Node::Failure> Node::open(bool migrate)
{
    setState(State::Starting);
    const auto fail = [this](int code, const QString &message) {
        setState(State::Failed);
        return Failure{code, message};
    };
    QString error;
    // A PostgreSQL node with its key elsewhere can serve without one; it loses the audit high-water file.
    if (!files::makePrivateDirectory(m_config.dataDir()))
        qCWarning(lcServices).noquote() << "cannot create the data directory" << m_config.dataDir();
    m_database = Database::open(m_config.databaseUrl(), &error);
    if (!m_database)
        return fail(exit_code::Failure, error);
    // A new master key only for a new database: one with a schema holds data sealed with its key,
    // and a new key would open none of it (nor sign its audit chain on).
    const MigrationStatus schema = Migrations(*m_database).status();
    if (!schema.problem.isEmpty())
        return fail(exit_code::Failure, schema.problem);
    auto key = crypto::loadMasterKey(m_config.value(QStringLiteral("master-key-file")), m_config.dataDir(),
                                     m_config.value(QStringLiteral("master-key-store")) == QLatin1String("keychain"),
                                     schema.current == 0, &error);
    if (!key)
        return fail(exit_code::InvalidConfig, error);
    m_masterKey = *key;
    if (migrate) {
        if (const QString problem = Services::migrate(*m_database, m_masterKey.bytes, &m_migrationsApplied);
            !problem.isEmpty())
            return fail(exit_code::Failure, problem);
    }
    m_services = std::make_unique<Services>(m_database, m_masterKey.bytes, ServiceOptions::fromConfig(m_config));
    m_services->audit().setHighWaterFile(QDir(m_config.dataDir()).filePath(QStringLiteral("audit-high-water")));
    if (auto s = m_services->start(); !s)
        return fail(exit_code::Failure, s.error().detail());
    m_auditHighWater.start();
    m_services->health().setDataDir(m_config.dataDir());
    setState(State::Stopped);
    return std::nullopt;
}

std::optional<Node::Failure> Node::serve()
{
    HttpServer::Options options = HttpServer::Options::fromConfig(m_config);
    if (const QString cert = m_config.value(QStringLiteral("tls-cert")); !cert.isEmpty()) {
        QString error;
        options.tls = loadTlsConfiguration(cert, m_config.value(QStringLiteral("tls-key")), &error);
        if (!options.tls) {
            setState(State::Failed);
            return Failure{exit_code::InvalidConfig, QStringLiteral("invalid configuration: ") + error};
        }
    }
    if (m_dataDirLock < 0)
        m_dataDirLock = files::lockDataDirectory(m_config.dataDir(), false);
    if (m_dataDirLock < 0) {
        setState(State::Failed);
        return Failure{exit_code::Failure,
                       QStringLiteral("cannot lock the data directory %1: a restore is running on it, or the "
                                      "directory is not writable")
                           .arg(m_config.dataDir())};
    }
    setState(State::Starting);
    m_services->changes().startPolling(); // before the first request: caches trust a feed that is read
    m_http = std::make_unique<HttpServer>(*m_services, options);
    QString error;
    if (!m_http->start(&error)) {
        m_http.reset();
        setState(State::Failed);
        return Failure{exit_code::Failure, error};
    }
    const QHostAddress address = m_http->address();
    m_url = QStringLiteral("%1://%2:%3")
                .arg(options.tls ? QStringLiteral("https") : QStringLiteral("http"),
                     address.protocol() == QAbstractSocket::IPv6Protocol
                         ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                         : address.toString())
                .arg(m_http->port());
    // One issuer for every node of this user base: the first node's, kept in the database.
    const QString configured = m_config.value(QStringLiteral("public-url"));
    if (auto adopted = m_services->adoptIssuer(configured.isEmpty() ? m_url : configured, !configured.isEmpty());
        !adopted) {
        m_http->shutdown(0);
        m_http.reset();
        setState(State::Failed);
        return Failure{exit_code::InvalidConfig, QStringLiteral("invalid configuration: ") + adopted.error().detail()};
    }
    m_webhooks = m_services->makeWebhookDispatcher();
    m_webhooks->start();
    m_maintenance.start();
    QTimer::singleShot(std::chrono::minutes(1), &m_maintenance, [this] { (void)m_services->maintenance().runOnce(); });
    setState(State::Serving);
    return std::nullopt;
}

void Node::shutdown(int graceMs)
{
    m_maintenance.stop();
    m_auditHighWater.stop();
    m_webhooks.reset(); // attempts under way end; their deliveries are due again when their lease runs out
    if (!m_http)
        return;
    setState(State::Draining);
    m_http->shutdown(graceMs);
    setState(State::Stopped);
}

} // namespace keyward
