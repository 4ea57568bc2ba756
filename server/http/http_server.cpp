#include "http_server.h"

#include "api.h"
#include "connection_caps.h"
#include "core/config.h"
#include "core/logging.h"
#include "hashing_pool.h"
#include "routes/routes.h"
#include "services/services.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTcpSocket>
#include <QTimer>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace keyward {

namespace {

// A listening socket with SO_REUSEPORT, so every worker can accept on the same port and the
// kernel spreads connections between them. Returns -1 and sets `error` on failure.
int listeningSocket(const QHostAddress &address, quint16 port, bool reusePort, QString *error)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *a6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons(port);
        const Q_IPV6ADDR ip = address.toIPv6Address();
        std::memcpy(&a6->sin6_addr, &ip, sizeof ip);
        length = sizeof(sockaddr_in6);
    } else {
        auto *a4 = reinterpret_cast<sockaddr_in *>(&storage);
        a4->sin_family = AF_INET;
        a4->sin_port = htons(port);
        a4->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    const int on = 1;
    if (fd < 0 || ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0 ||
        (reusePort && ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on) != 0) ||
        ::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) != 0 || ::listen(fd, 1024) != 0) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(QString::fromLocal8Bit(std::strerror(errno)));
        if (fd >= 0)
            ::close(fd);
        return -1;
    }
    return fd;
}

quint16 boundPort(int fd)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &length);
    if (storage.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<sockaddr_in6 *>(&storage)->sin6_port);
    return ntohs(reinterpret_cast<sockaddr_in *>(&storage)->sin_port);
}

template <typename F>
void runIn(QObject *context, F &&f)
{
    QMetaObject::invokeMethod(context, std::forward<F>(f), Qt::BlockingQueuedConnection);
}

} // namespace

HttpServer::Options HttpServer::Options::fromConfig(const Config &config)
{
    Options o;
    o.address = config.listenAddress();
    o.port = config.listenPort();
    o.workers = config.workers();
    o.limits.maxBody = config.value(QStringLiteral("max-body")).toLongLong();
    o.limits.maxHeader = config.integer(QStringLiteral("max-header"));
    o.limits.idleTimeoutMs = config.integer(QStringLiteral("idle-timeout")) * 1000;
    o.maxConnections = config.integer(QStringLiteral("max-connections"));
    o.maxConnectionsPerAddress = config.integer(QStringLiteral("max-connections-per-address"));
    const int hashWorkers = config.integer(QStringLiteral("hash-workers"));
    o.hashWorkers = hashWorkers > 0 ? hashWorkers : qMax(1, QThread::idealThreadCount());
    o.hashQueue = config.integer(QStringLiteral("hash-queue"));
    if (const QString redirect = config.value(QStringLiteral("http-redirect")); !redirect.isEmpty()) {
        Config r = config;
        r.set(QStringLiteral("listen"), redirect);
        o.redirectAddress = r.listenAddress();
        o.redirectPort = r.listenPort();
        o.redirectTo = config.value(QStringLiteral("public-url"));
        while (o.redirectTo.endsWith(QLatin1Char('/')))
            o.redirectTo.chop(1);
    }
    return o;
}

Router HttpServer::buildRouter()
{
    Router router;
    routes::registerAuth(router);
    routes::registerMe(router);
    routes::registerUsers(router);
    routes::registerRoles(router);
    routes::registerSettings(router);
    routes::registerPassword(router);
    routes::registerApiKeys(router);
    routes::registerOAuthClients(router);
    routes::registerWebhooks(router);
    routes::registerPasskeys(router);
    routes::registerOAuth2(router);
    routes::registerOAuth2Authorize(router);
    routes::registerWellKnown(router);
    routes::registerHealth(router);
    routes::registerMetrics(router);
    routes::registerAudit(router);
    routes::registerDocs(router);
    return router;
}

HttpServer::HttpServer(Services &services, Options options)
    : m_options(options)
    , m_api(std::make_unique<Api>(services, buildRouter(), Api::Options{options.tls.has_value()}))
    , m_pool(std::make_unique<HashingPool>(options.hashWorkers, options.hashQueue, &services.metrics().hashQueueDepth,
                                           &services.metrics().hashWait, &Services::releaseThread))
    , m_caps(std::make_unique<ConnectionCaps>(options.maxConnections, options.maxConnectionsPerAddress))
{
}

HttpServer::~HttpServer()
{
    shutdown(0);
}

bool HttpServer::start(QString *error)
{
    const int count = qMax(1, m_options.workers);
    QList<int> fds;
    // A port shared with SO_REUSEPORT would also be shared with another Keyward started by
    // mistake: make sure nobody holds it before joining it.
    if (m_options.port != 0) {
        const int probe = listeningSocket(m_options.address, m_options.port, false, error);
        if (probe < 0)
            return false;
        ::close(probe);
    }
    for (int i = 0; i < count; ++i) {
        const int fd = listeningSocket(m_options.address, i == 0 ? m_options.port : m_port, count > 1, error);
        if (fd < 0) {
            for (int f : fds)
                ::close(f);
            return false;
        }
        if (i == 0)
            m_port = boundPort(fd);
        fds.append(fd);
    }
    for (int i = 0; i < count; ++i) {
        WorkerThread w;
        w.thread = std::make_unique<QThread>();
        w.thread->setObjectName(QStringLiteral("http-%1").arg(i));
        w.worker = new Worker(*m_api, *m_pool, *m_caps, m_options.limits, m_options.tls);
        w.worker->moveToThread(w.thread.get());
        QObject::connect(w.thread.get(), &QThread::finished, w.worker, &QObject::deleteLater);
        w.thread->start();
        bool ok = false;
        runIn(w.worker, [&] { ok = w.worker->start(fds[i]); });
        m_workers.push_back(std::move(w));
        if (!ok) {
            *error = QStringLiteral("cannot start HTTP worker %1").arg(i);
            shutdown(0);
            return false;
        }
    }
    m_api->services().health().setServer(count, m_pool->capacity());
    if (m_options.tls && m_options.redirectPort && !startRedirect(error)) {
        shutdown(0);
        return false;
    }
    qCInfo(lcHttp).noquote() << "listening on"
                             << m_options.address.toString() + QLatin1Char(':') + QString::number(m_port) << "with"
                             << count << "workers";
    return true;
}

quint16 HttpServer::redirectPort() const
{
    return m_redirect ? m_redirect->serverPort() : 0;
}

bool HttpServer::startRedirect(QString *error)
{
    // Low traffic by nature: served on the main event loop. Reads only the head, answers 308 and closes.
    m_redirect = std::make_unique<QTcpServer>();
    if (!m_redirect->listen(m_options.redirectAddress, m_options.redirectPort)) {
        *error = QStringLiteral("cannot listen for the HTTP redirect: %1").arg(m_redirect->errorString());
        return false;
    }
    const QByteArray base = m_options.redirectTo.toLatin1();
    QObject::connect(m_redirect.get(), &QTcpServer::newConnection, m_redirect.get(), [this, base] {
        while (QTcpSocket *socket = m_redirect->nextPendingConnection()) {
            // Its connections count against the same caps: a flood here must not take every descriptor.
            const QHostAddress peer = socket->peerAddress();
            if (!m_caps->tryAcquire(peer)) {
                socket->abort();
                socket->deleteLater();
                continue;
            }
            // No context object: the server deletes its sockets after dropping its own connections.
            QObject::connect(socket, &QObject::destroyed, [caps = m_caps.get(), peer] { caps->release(peer); });
            QTimer::singleShot(5000, socket, &QTcpSocket::abort);
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, base] {
                if (socket->bytesAvailable() > 8192) {
                    socket->abort();
                    return;
                }
                const QByteArray head = socket->peek(8192);
                if (!head.contains("\r\n\r\n"))
                    return;
                // Only the path is taken from the request; where it points is configured.
                const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
                const QByteArray target = requestLine.value(1);
                const bool sane =
                    requestLine.size() == 3 && target.startsWith('/') &&
                    std::all_of(target.begin(), target.end(), [](char c) { return c > 0x20 && c < 0x7F; });
                const QByteArray location = base + target;
                socket->write(
                    sane ? "HTTP/1.1 308 Permanent Redirect\r\nLocation: " + location +
                               "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                         : QByteArray("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
                socket->disconnectFromHost();
            });
        }
    });
    return true;
}

int HttpServer::openConnections() const
{
    return m_caps->total();
}

void HttpServer::shutdown(int graceMs)
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_api->services().beginShutdown();
    for (const WorkerThread &w : std::as_const(m_workers))
        runIn(w.worker, [worker = w.worker] { worker->drain(); });
    m_redirect.reset();
    const QDeadlineTimer deadline(graceMs);
    while (m_caps->total() > 0 && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
    // What waits on the hashing pool is dropped; what runs may finish in the time left, and what
    // finishes after that finds its worker gone.
    m_pool->shutdown(static_cast<int>(deadline.remainingTime()));
    for (const WorkerThread &w : std::as_const(m_workers)) {
        runIn(w.worker, [worker = w.worker] { worker->stop(); });
        w.thread->quit();
        w.thread->wait();
    }
    m_workers.clear();
}

} // namespace keyward
