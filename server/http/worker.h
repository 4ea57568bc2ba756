#pragma once

#include "http_message.h"

#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslConfiguration>

#include <memory>
#include <optional>

class QTcpServer;

namespace keyward {

class Api;
class ApiError;
class Connection;
class ConnectionCaps;
class HashingPool;
class Poller;
struct Principal;

// One HTTP worker: an event loop in its own thread with its own listening socket on the shared
// port (SO_REUSEPORT), its connections and, through Database, its own database connection.
class Worker : public QObject {
    Q_OBJECT
public:
    struct Limits {
        qint64 maxBody = 1 << 20;
        int maxHeader = 64 << 10;
        int idleTimeoutMs = 15'000;
    };

    // `tls`: when set, every accepted connection is wrapped in TLS with this configuration.
    Worker(Api &api, HashingPool &pool, ConnectionCaps &caps, Limits limits,
           std::optional<QSslConfiguration> tls = std::nullopt);
    ~Worker() override;

    // These run in the worker's thread.
    bool start(qintptr listeningSocket);
    void drain();
    void stop();

    const Limits &limits() const { return m_limits; }
    const std::optional<QSslConfiguration> &tls() const { return m_tls; }
    bool draining() const;
    ConnectionCaps &caps() { return m_caps; }
    Poller &poller() { return *m_poller; }

    void connectionOpened(Connection *connection);
    void connectionClosed(Connection *connection);
    // Runs the pipeline for the request in flight on `connection` and delivers the response.
    // `request` is the connection's, until the response is delivered.
    void process(Connection *connection, HttpRequest &request);
    // A problem response for a request refused before it was parsed (limits, timeouts), with the
    // same request id, headers and access-log line as every other response.
    HttpResponse refusal(const ApiError &error, const QHostAddress &peer);

private:
    void complete(const QPointer<Connection> &target, const HttpRequest &request, HttpResponse response,
                  const Principal &principal);

    Api &m_api;
    HashingPool &m_pool;
    ConnectionCaps &m_caps;
    Limits m_limits;
    std::optional<QSslConfiguration> m_tls;
    QTcpServer *m_listener = nullptr;
    std::unique_ptr<Poller> m_poller;
    QSet<Connection *> m_connections;
    // How work finished on other threads (the hashing pool) reaches this worker, until it stops.
    struct Mailbox {
        QMutex mutex;
        Worker *worker = nullptr;
    };
    std::shared_ptr<Mailbox> m_mailbox = std::make_shared<Mailbox>();
};

} // namespace keyward
