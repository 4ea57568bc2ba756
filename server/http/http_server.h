#pragma once

#include "worker.h"

#include <QHostAddress>
#include <QList>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QThread>

#include <optional>

#include <memory>
#include <vector>

namespace keyward {

class Api;
class ConnectionCaps;
class Config;
class HashingPool;
class Router;
class Services;

// Keyward's HTTP server: N worker threads sharing one port, a bounded hashing pool, connection
// caps, and graceful shutdown.
class HttpServer {
public:
    struct Options {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 8080;
        int workers = 2;
        Worker::Limits limits;
        int maxConnections = 10000;
        int maxConnectionsPerAddress = 256;
        int hashWorkers = 2;
        int hashQueue = 256;
        std::optional<QSslConfiguration> tls; // HTTPS when set (HSTS on)
        // A plain-HTTP listener that only redirects to HTTPS (308); port 0 = none. Clients go to
        // `redirectTo` (the public https:// URL) plus the path they asked for, never to a Host they sent.
        QHostAddress redirectAddress = QHostAddress::LocalHost;
        quint16 redirectPort = 0;
        QString redirectTo;

        static Options fromConfig(const Config &config);
    };

    HttpServer(Services &services, Options options);
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    bool start(QString *error);
    quint16 port() const { return m_port; }
    quint16 redirectPort() const;
    QHostAddress address() const { return m_options.address; }
    int workerCount() const { return static_cast<int>(m_workers.size()); }
    int openConnections() const;
    Api &api() { return *m_api; }

    // Readiness turns 503, listeners close, requests in flight finish (at most `graceMs`),
    // then every connection is closed.
    void shutdown(int graceMs = 10'000);

    // Every route of the API, as the server registers them.
    static Router buildRouter();

private:
    bool startRedirect(QString *error);

    struct WorkerThread {
        std::unique_ptr<QThread> thread;
        Worker *worker = nullptr;
    };

    Options m_options;
    std::unique_ptr<Api> m_api;
    std::unique_ptr<HashingPool> m_pool;
    std::unique_ptr<ConnectionCaps> m_caps;
    std::vector<WorkerThread> m_workers;
    quint16 m_port = 0;
    bool m_stopped = false;
    std::unique_ptr<QTcpServer> m_redirect;
};

} // namespace keyward
