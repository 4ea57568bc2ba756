#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QObject>

#include <cstdint>
#include <memory>

class QSocketNotifier;
class QTcpSocket;

namespace keyward {

// The byte stream under a Connection: a plain socket the worker's Poller runs, or a socket Qt runs
// (TLS). Reads are bounded: past the read limit the transport stops reading and TCP pushes back.
class Transport {
public:
    // What the transport tells its connection. `closed` may come from inside the transport's own
    // calls (a send that fails), so what it does must be safe there.
    class Events {
    public:
        virtual void readable() = 0;
        virtual void written() = 0; // bytes that waited were taken by the kernel
        virtual void closed() = 0;  // the peer is gone, or a close finished

    protected:
        ~Events() = default;
    };

    explicit Transport(QHostAddress peer)
        : m_peer(std::move(peer))
    {
    }
    virtual ~Transport() = default;
    Q_DISABLE_COPY_MOVE(Transport)

    void setEvents(Events *events) { m_events = events; }
    const QHostAddress &peer() const { return m_peer; }

    virtual void setReadLimit(qint64 bytes) = 0;
    virtual bool hasInput() const = 0;
    virtual QByteArray takeInput() = 0;
    virtual void discardInput() = 0;
    // Sends after what was written before; what the kernel does not take now waits here.
    virtual void write(QByteArrayView data) = 0;
    // Bytes written that the kernel has not taken yet (for TLS, counting the encrypted ones).
    virtual qint64 unsent() const = 0;
    // Reads no more, sends what waits, then closes: true when it closed at once.
    virtual bool close() = 0;
    // Ends with a reset, so that a body that ends with the connection cannot look whole.
    virtual void abort() = 0;

    // The address at the other end of an accepted socket, IPv4-mapped ones as IPv4.
    static QHostAddress peerOf(qintptr descriptor);

protected:
    Events *m_events = nullptr;

private:
    QHostAddress m_peer;
};

class PlainTransport;

// The plain sockets of one worker thread, on one epoll set that Qt watches through a single
// notifier: a wake-up serves every ready socket, and a socket costs Qt's event loop nothing.
class Poller : public QObject {
public:
    explicit Poller(QObject *parent = nullptr);
    ~Poller() override;

    bool isValid() const { return m_epoll >= 0; }
    bool watch(int fd, PlainTransport *transport, std::uint32_t events);
    void change(int fd, PlainTransport *transport, std::uint32_t events);
    void forget(int fd);
    // A scratch buffer for reads, shared by the thread's sockets.
    QByteArray &scratch() { return m_scratch; }

private:
    void dispatch();

    int m_epoll = -1;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_scratch;
};

// A plain TCP socket read and written with system calls as its Poller reports it ready: per
// request one read and one send, nothing buffered twice.
class PlainTransport final : public Transport {
public:
    PlainTransport(int fd, QHostAddress peer, Poller &poller);
    ~PlainTransport() override;
    // False when the poller could not take the socket (it is closed then).
    bool isOpen() const { return m_fd >= 0; }

    void setReadLimit(qint64 bytes) override { m_readLimit = bytes; }
    bool hasInput() const override { return !m_in.isEmpty(); }
    QByteArray takeInput() override;
    void discardInput() override;
    void write(QByteArrayView data) override;
    qint64 unsent() const override { return m_out.size() - m_outFrom; }
    bool close() override;
    void abort() override;

    // From the poller.
    void ready(std::uint32_t events);

private:
    void fill();
    void flush();
    void watchFor();
    // Closes the descriptor and tells the connection.
    void finish();

    int m_fd;
    Poller &m_poller;
    qint64 m_readLimit = 256 << 10;
    QByteArray m_in;
    QByteArray m_out;
    qsizetype m_outFrom = 0;
    std::uint32_t m_watched = 0;
    bool m_closing = false;
};

// A socket Qt runs, for TLS: QSslSocket does the handshake and the records.
class SocketTransport final : public Transport {
public:
    // `peer`: as the connection caps counted it.
    SocketTransport(QTcpSocket *socket, QHostAddress peer);
    ~SocketTransport() override;

    void setReadLimit(qint64 bytes) override;
    bool hasInput() const override;
    QByteArray takeInput() override;
    void discardInput() override;
    void write(QByteArrayView data) override;
    qint64 unsent() const override;
    bool close() override;
    void abort() override;

private:
    std::unique_ptr<QTcpSocket> m_socket;
};

} // namespace keyward
