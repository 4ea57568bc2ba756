#pragma once

#include "core/config.h"
#include "core/exit_code.h"
#include "crypto/master_key.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace keyward {

class Database;
class HttpServer;
class Services;
class WebhookDispatcher;

// One running Keyward: configuration, master key, database, services, the HTTP server and the
// hourly housekeeping. The headless server and the desktop console run the same Node; only the
// front differs (signals and a terminal, or a window).
class Node : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Serving, Draining, Failed };
    Q_ENUM(State)

    explicit Node(Config config, QObject *parent = nullptr);
    ~Node() override;

    // Opens the master key and the database, applies migrations and starts the services; the
    // exit code of the failure (core/exit_code.h) and a message otherwise.
    struct Failure {
        int exitCode = exit_code::Failure;
        QString message;
    };
    std::optional<Failure> open(bool migrate = true);
    // Starts serving HTTP on the configured address (after open()).
    std::optional<Failure> serve();
    // Another listen address for the next serve(), after one was refused.
    void setListen(const QString &listen) { m_config.set(QStringLiteral("listen"), listen); }
    // Readiness turns 503, requests in flight finish (at most `graceMs`), the listeners close.
    void shutdown(int graceMs = 10'000);

    // Checks for a node about to be set up: whether the PostgreSQL server at `url` answers, and
    // whether a system keychain does. Empty when it does, else why not.
    static QString probeDatabase(const QString &url);
    static QString probeKeychain();
    // Whether this process could listen on `listen` (ADDRESS:PORT) now: empty when so, else why not.
    static QString probeListen(const QString &listen);

    State state() const { return m_state; }
    const Config &config() const { return m_config; }
    Services &services() { return *m_services; }
    Database &database() { return *m_database; }
    bool isOpen() const { return m_services != nullptr; }
    // How many migrations open() applied.
    int migrationsApplied() const { return m_migrationsApplied; }
    // http(s)://address:port once serving, empty before.
    QString url() const { return m_url; }
    // Where the master key was read from, for an operator who must keep a copy of it.
    QString masterKeyLocation() const;

Q_SIGNALS:
    void stateChanged(keyward::Node::State state);

private:
    void setState(State state);

    Config m_config;
    crypto::MasterKey m_masterKey;
    std::shared_ptr<Database> m_database;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<HttpServer> m_http;
    std::unique_ptr<WebhookDispatcher> m_webhooks;
    QTimer m_maintenance;
    QTimer m_auditHighWater;
    QString m_url;
    State m_state = State::Stopped;
    int m_migrationsApplied = 0;
    int m_dataDirLock = -1; // shared while serving (core/private_files.h)
};

} // namespace keyward
