#include "worker.h"

#include "api.h"
#include "connection.h"
#include "connection_caps.h"
#include "core/api_error.h"
#include "core/ids.h"
#include "core/logging.h"
#include "hashing_pool.h"
#include "observe/keyward_metrics.h"
#include "request_reader.h"
#include "services/services.h"
#include "transport.h"

#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

#include <cerrno>

#include <sys/resource.h>

namespace keyward {

namespace {

// Request handling runs three nice steps below password hashing (weights 526 and 1024). Either alone
// still has the whole machine; in a login storm beside a flood of reads, hashing gets two thirds of
// the CPU instead of half, so sign-ins are not starved by cheap requests (tests/bench: the storm's
// logins 23 -> 35/s, its reads' p99 10 -> 13 ms). The pool's threads are made at the process's priority
// (HashingPool), not by these threads, which they would inherit it from.
constexpr int RequestNiceness = 3;

void runBelowHashing()
{
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, 0); // on Linux, 0 is the calling thread
    if (errno == 0 && ::setpriority(PRIO_PROCESS, 0, qMin(nice + RequestNiceness, 19)) != 0)
        qCWarning(lcHttp).noquote() << "cannot lower the request threads' priority:" << qt_error_string(errno);
}

QByteArray refusalResponse()
{
    const QByteArray body("{\"type\":\"https://keyward.dev/problems/service-unavailable\",\"title\":\"Service "
                          "unavailable\",\"status\":503,\"detail\":\"Keyward is at its connection limit or shutting "
                          "down; retry.\"}");
    QByteArray out("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\nRetry-After: 1\r\n"
                   "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n");
    out.append("Content-Length: ").append(QByteArray::number(body.size())).append("\r\n\r\n").append(body);
    return out;
}

// Accepts on an already bound and listening descriptor and gives every socket its Connection,
// which reads it from then on: plain sockets through the worker's poller, TLS ones through Qt.
class Listener : public QTcpServer {
public:
    explicit Listener(Worker &worker)
        : QTcpServer(&worker)
        , m_worker(worker)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        QHostAddress peer = Transport::peerOf(descriptor);
        if (m_worker.draining() || !m_worker.caps().tryAcquire(peer)) {
            refuse(descriptor);
            return;
        }
        if (!m_worker.tls()) {
            auto transport = std::make_unique<PlainTransport>(static_cast<int>(descriptor), peer, m_worker.poller());
            if (!transport->isOpen()) {
                m_worker.caps().release(peer);
                return;
            }
            new Connection(std::move(transport), m_worker);
            return;
        }
        auto *ssl = new QSslSocket;
        ssl->setSslConfiguration(*m_worker.tls());
        if (!ssl->setSocketDescriptor(descriptor)) {
            delete ssl;
            m_worker.caps().release(peer);
            return;
        }
        new Connection(std::make_unique<SocketTransport>(ssl, std::move(peer)), m_worker);
        // The connection reads the decrypted stream; a stalled handshake meets the idle timeout.
        ssl->startServerEncryption();
    }

private:
    // Over a cap or draining: a short, complete problem instead of a silent reset, built once so
    // that overload stays cheap.
    void refuse(qintptr descriptor)
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        static const QByteArray refusal = refusalResponse();
        socket->write(refusal);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
    }

    Worker &m_worker;
};

} // namespace

Worker::Worker(Api &api, HashingPool &pool, ConnectionCaps &caps, Limits limits, std::optional<QSslConfiguration> tls)
    : m_api(api)
    , m_pool(pool)
    , m_caps(caps)
    , m_limits(limits)
    , m_tls(std::move(tls))
{
    m_mailbox->worker = this;
}

Worker::~Worker() = default;

bool Worker::start(qintptr listeningSocket)
{
    runBelowHashing();
    m_poller = std::make_unique<Poller>();
    if (!m_poller->isValid()) {
        qCCritical(lcHttp).noquote() << "cannot make an epoll set:" << qt_error_string(errno);
        return false;
    }
    auto *listener = new Listener(*this);
    if (!listener->setSocketDescriptor(listeningSocket)) {
        qCCritical(lcHttp).noquote() << "cannot use listening socket:" << listener->errorString();
        delete listener;
        return false;
    }
    m_listener = listener;
    return true;
}

bool Worker::draining() const
{
    return m_api.draining();
}

void Worker::drain()
{
    if (m_listener)
        m_listener->close();
    const auto connections = m_connections;
    for (Connection *c : connections)
        c->drain();
}

void Worker::stop()
{
    {
        QMutexLocker lock(&m_mailbox->mutex);
        m_mailbox->worker = nullptr;
    }
    const auto connections = m_connections;
    qDeleteAll(connections);
    // Deleting the listener deletes the sockets of refusals still being sent.
    delete m_listener;
    m_listener = nullptr;
    m_poller.reset();
    // The thread ends next; nothing of it may be left for after QThread::wait() returns.
    Services::releaseThread();
}

void Worker::connectionOpened(Connection *connection)
{
    m_connections.insert(connection);
}

void Worker::connectionClosed(Connection *connection)
{
    m_connections.remove(connection);
    m_caps.release(connection->peer());
}

void Worker::process(Connection *connection, HttpRequest &request)
{
    m_api.services().metrics().httpInFlight.add(1);
    Api::Prepared prepared = m_api.prepare(request);
    QPointer<Connection> target(connection);
    if (prepared.response) {
        complete(target, request, std::move(*prepared.response), prepared.principal);
        return;
    }
    if (prepared.execution == RouteOptions::Execution::Inline) {
        complete(target, request, m_api.run(request, prepared), prepared.principal);
        return;
    }
    // The pool's thread works on copies: the connection, and its request, may be gone before it ends.
    const bool queued = m_pool.tryRun([mailbox = m_mailbox, target, request, prepared, api = &m_api] {
        HttpResponse response = api->run(request, prepared);
        // Back to the worker's thread, unless it stopped meanwhile; the connection may be gone by
        // then too (the client hung up).
        QMutexLocker lock(&mailbox->mutex);
        if (Worker *worker = mailbox->worker)
            QMetaObject::invokeMethod(
                worker,
                [worker, target, request, response, principal = prepared.principal]() mutable {
                    worker->complete(target, request, std::move(response), principal);
                },
                Qt::QueuedConnection);
    });
    if (!queued) {
        HttpResponse busy = HttpResponse::problem(
            ApiError::serviceUnavailable(QStringLiteral("The server is busy hashing passwords; try again shortly."), 1),
            request);
        complete(target, request, std::move(busy), prepared.principal);
    }
}

HttpResponse Worker::refusal(const ApiError &error, const QHostAddress &peer)
{
    HttpRequest request;
    request.started.start();
    request.peer = peer;
    request.requestId = newId(QDateTime::currentMSecsSinceEpoch());
    request.route = QStringLiteral("(refused)");
    HttpResponse response = HttpResponse::problem(error, request);
    if (error.status() == 405)
        response.setHeader("Allow", RequestReader::knownMethods());
    response.closeConnection = true;
    m_api.finish(request, response, Principal(), true);
    return response;
}

void Worker::complete(const QPointer<Connection> &target, const HttpRequest &request, HttpResponse response,
                      const Principal &principal)
{
    m_api.services().metrics().httpInFlight.add(-1);
    m_api.finish(request, response, principal, !target.isNull());
    if (target)
        target->deliver(std::move(response));
}

} // namespace keyward
