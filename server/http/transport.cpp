#include "transport.h"

#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpSocket>

#include <cerrno>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace keyward {

namespace {

// Ready sockets served per wake-up of the worker's event loop.
constexpr int EventsPerRound = 64;
constexpr qsizetype ScratchBytes = 64 << 10;

bool wouldBlock()
{
    return errno == EAGAIN || errno == EWOULDBLOCK;
}

void resetOnClose(int fd)
{
    const linger reset{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
}

} // namespace

QHostAddress Transport::peerOf(qintptr descriptor)
{
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(static_cast<int>(descriptor), reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return {};
    const QHostAddress peer(reinterpret_cast<const sockaddr *>(&address));
    // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d; they are the same clients to rate
    // limits, caps and the audit as on an IPv4 listener.
    bool isIPv4 = false;
    const quint32 ipv4 = peer.toIPv4Address(&isIPv4);
    return isIPv4 ? QHostAddress(ipv4) : peer;
}

Poller::Poller(QObject *parent)
    : QObject(parent)
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC))
    , m_scratch(ScratchBytes, Qt::Uninitialized)
{
    if (m_epoll < 0)
        return;
    m_notifier = new QSocketNotifier(m_epoll, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &Poller::dispatch);
}

Poller::~Poller()
{
    delete m_notifier;
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool Poller::watch(int fd, PlainTransport *transport, std::uint32_t events)
{
    epoll_event event{};
    event.events = events;
    event.data.ptr = transport;
    return ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) == 0;
}

void Poller::change(int fd, PlainTransport *transport, std::uint32_t events)
{
    epoll_event event{};
    event.events = events;
    event.data.ptr = transport;
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
}

void Poller::forget(int fd)
{
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
}

void Poller::dispatch()
{
    // Transports are deleted only from the event loop (their connections' deleteLater), never
    // while a round is handled, so every pointer in it is alive; one closed meanwhile ignores it.
    // One round per wake-up: sockets still ready keep the set readable and are served on the next
    // one, after the timers, accepts and completions waiting in the event loop.
    epoll_event events[EventsPerRound];
    const int ready = ::epoll_wait(m_epoll, events, EventsPerRound, 0);
    for (int i = 0; i < ready; ++i)
        static_cast<PlainTransport *>(events[i].data.ptr)->ready(events[i].events);
}

PlainTransport::PlainTransport(int fd, QHostAddress peer, Poller &poller)
    : Transport(std::move(peer))
    , m_fd(fd)
    , m_poller(poller)
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    // Every response goes out in one send; a pipelined one must not wait for the last one's ACK.
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    m_watched = EPOLLIN;
    if (!m_poller.watch(fd, this, m_watched)) {
        ::close(fd);
        m_fd = -1;
    }
}

PlainTransport::~PlainTransport()
{
    if (m_fd >= 0) {
        m_poller.forget(m_fd);
        ::close(m_fd);
    }
}

QByteArray PlainTransport::takeInput()
{
    QByteArray input = std::exchange(m_in, {});
    watchFor();
    return input;
}

void PlainTransport::discardInput()
{
    m_in.clear();
    watchFor();
}

void PlainTransport::write(QByteArrayView data)
{
    if (m_fd < 0)
        return;
    if (unsent() == 0) {
        // Nothing waits: to the kernel at once, as most responses go.
        const ssize_t sent = ::send(m_fd, data.data(), static_cast<size_t>(data.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent == data.size())
            return;
        if (sent > 0) {
            data = data.sliced(sent);
        } else if (errno != EINTR && !wouldBlock()) {
            finish();
            return;
        }
        m_out.clear();
        m_outFrom = 0;
    }
    m_out.append(data);
    watchFor();
}

bool PlainTransport::close()
{
    if (m_fd < 0)
        return true;
    m_closing = true;
    m_in.clear();
    if (unsent() == 0) {
        finish();
        return true;
    }
    watchFor();
    return false;
}

void PlainTransport::abort()
{
    if (m_fd < 0)
        return;
    resetOnClose(m_fd);
    finish();
}

void PlainTransport::ready(std::uint32_t events)
{
    if (m_fd < 0)
        return;
    // An error or a hang-up is reported whatever is watched: the peer is gone (a reset).
    if (events & (EPOLLERR | EPOLLHUP)) {
        finish();
        return;
    }
    if (events & EPOLLOUT)
        flush();
    if (m_fd >= 0 && (events & EPOLLIN))
        fill();
}

void PlainTransport::fill()
{
    QByteArray &scratch = m_poller.scratch();
    bool gotSome = false;
    while (m_in.size() < m_readLimit) {
        const qsizetype room = qMin(m_readLimit - m_in.size(), scratch.size());
        const ssize_t got = ::read(m_fd, scratch.data(), static_cast<size_t>(room));
        if (got > 0) {
            m_in.append(scratch.constData(), got);
            gotSome = true;
            if (got < room)
                break; // the socket is empty: no second read to hear EAGAIN
            continue;
        }
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 && wouldBlock())
            break;
        // The end of the stream or an error: the peer is gone, like a QTcpSocket that reads it.
        // What came before it is still the connection's to read first.
        if (gotSome && m_events)
            m_events->readable();
        if (m_fd >= 0)
            finish();
        return;
    }
    watchFor(); // at the read limit, reading stops until the connection takes what is here
    if (gotSome && m_events)
        m_events->readable();
}

void PlainTransport::flush()
{
    const qint64 before = unsent();
    while (unsent() > 0) {
        const ssize_t sent =
            ::send(m_fd, m_out.constData() + m_outFrom, static_cast<size_t>(unsent()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent > 0) {
            m_outFrom += sent;
            continue;
        }
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent < 0 && wouldBlock())
            break;
        finish();
        return;
    }
    if (unsent() == 0) {
        m_out.clear();
        m_outFrom = 0;
        if (m_closing) {
            finish();
            return;
        }
    } else if (m_outFrom >= ScratchBytes) {
        m_out.remove(0, m_outFrom);
        m_outFrom = 0;
    }
    watchFor();
    if (unsent() < before && m_events)
        m_events->written();
}

void PlainTransport::watchFor()
{
    if (m_fd < 0)
        return;
    std::uint32_t wanted = 0;
    if (!m_closing && m_in.size() < m_readLimit)
        wanted |= EPOLLIN;
    if (unsent() > 0)
        wanted |= EPOLLOUT;
    if (wanted != m_watched) {
        m_watched = wanted;
        m_poller.change(m_fd, this, wanted);
    }
}

void PlainTransport::finish()
{
    m_poller.forget(m_fd);
    ::close(m_fd);
    m_fd = -1;
    m_in.clear();
    m_out.clear();
    m_outFrom = 0;
    if (m_events)
        m_events->closed();
}

SocketTransport::SocketTransport(QTcpSocket *socket, QHostAddress peer)
    : Transport(std::move(peer))
    , m_socket(socket)
{
    // Each signal tells the connection, while there is one.
    const auto tell = [this](void (Events::*event)()) {
        return [this, event] {
            if (m_events)
                (m_events->*event)();
        };
    };
    QObject::connect(socket, &QTcpSocket::readyRead, socket, tell(&Events::readable));
    QObject::connect(socket, &QTcpSocket::bytesWritten, socket, tell(&Events::written));
    // Over TLS, bytesWritten tells that bytes were encrypted; that the client took them is this.
    if (auto *tls = qobject_cast<QSslSocket *>(socket))
        QObject::connect(tls, &QSslSocket::encryptedBytesWritten, socket, tell(&Events::written));
    QObject::connect(socket, &QTcpSocket::disconnected, socket, tell(&Events::closed));
}

SocketTransport::~SocketTransport()
{
    // The socket's destructor aborts it, and its signals must not reach a connection being deleted.
    m_events = nullptr;
}

void SocketTransport::setReadLimit(qint64 bytes)
{
    m_socket->setReadBufferSize(bytes);
}

bool SocketTransport::hasInput() const
{
    return m_socket->bytesAvailable() > 0;
}

QByteArray SocketTransport::takeInput()
{
    return m_socket->readAll();
}

void SocketTransport::discardInput()
{
    m_socket->skip(m_socket->bytesAvailable());
}

void SocketTransport::write(QByteArrayView data)
{
    m_socket->write(data.data(), data.size());
}

qint64 SocketTransport::unsent() const
{
    const auto *tls = qobject_cast<const QSslSocket *>(m_socket.get());
    return m_socket->bytesToWrite() + (tls ? tls->encryptedBytesToWrite() : 0);
}

bool SocketTransport::close()
{
    m_socket->disconnectFromHost();
    return m_socket->state() == QAbstractSocket::UnconnectedState;
}

void SocketTransport::abort()
{
    if (const qintptr fd = m_socket->socketDescriptor(); fd >= 0)
        resetOnClose(static_cast<int>(fd));
    m_socket->abort();
}

} // namespace keyward
