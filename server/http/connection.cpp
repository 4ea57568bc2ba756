#include "connection.h"

#include "core/api_error.h"
#include "core/logging.h"
#include "worker.h"

#include <QTcpSocket>
#include <QUrl>

namespace keyward {

namespace {
// Requests parsed ahead of the one in flight; more wait unparsed in the socket.
constexpr qsizetype MaxPipelined = 16;
constexpr qint64 MaxUnreadBytes = 256 << 10;
// A streamed body is produced while the socket holds less than this, unsent.
constexpr qint64 StreamLowWater = 256 << 10;

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

} // namespace

Connection::Connection(QTcpSocket *socket, Worker &worker)
    : QObject(socket)
    , m_socket(socket)
    , m_worker(worker)
    , m_peer(socket->peerAddress())
    , m_reader({worker.limits().maxBody, worker.limits().maxHeader}, m_peer)
{
    // What sits unread in the socket is bounded too: a full buffer stops reading, and TCP pushes back.
    socket->setReadBufferSize(MaxUnreadBytes);
    connect(socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, &Connection::pump);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &Connection::onIdleTimeout);
    restartIdleTimer();
    m_worker.connectionOpened(this);
}

Connection::~Connection()
{
    m_worker.connectionClosed(this);
}

void Connection::onReadyRead()
{
    if (m_stopped) {
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    // Behind a full queue the bytes stay in the socket: reading resumes as the queue drains.
    if (!m_backlog.isEmpty())
        return;
    const QByteArray data = m_socket->readAll();
    if (!frame(data))
        stopReading();
}

bool Connection::frame(QByteArrayView data)
{
    while (!data.isEmpty()) {
        if (m_waiting.size() >= MaxPipelined && !m_reader.midRequest()) {
            m_backlog = data.toByteArray();
            return true;
        }
        switch (m_reader.read(data)) {
        case RequestReader::Outcome::Request:
            (void)m_reader.takeExpectContinue(); // the body came with the head: no go-ahead needed
            m_waiting.enqueue(m_reader.takeRequest());
            dispatchNext();
            break;
        case RequestReader::Outcome::Refused:
            refuse(m_reader.refusal());
            return false;
        case RequestReader::Outcome::NeedMore:
            // The client waits for a go-ahead before the body (curl does, past 1 KiB). Only when
            // nothing is ahead of it: an interim answer must not overtake an earlier final one.
            if (m_reader.takeExpectContinue() && !busy())
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            break;
        }
    }
    // The idle timer is not touched here: bytes trickling in must not keep a connection open.
    // It runs from the end of the last response, whatever arrives after it.
    return true;
}

void Connection::stopReading()
{
    m_stopped = true;
    m_backlog.clear();
    m_socket->skip(m_socket->bytesAvailable());
}

void Connection::refuse(const ApiError &error)
{
    qCInfo(lcHttp).noquote() << "refused request from" << m_peer.toString() << ":" << error.status() << error.detail();
    stopReading();
    m_waiting.clear();
    if (m_inFlight) {
        // Answer the request in flight first; this refusal then closes the connection.
        m_closeAfterResponse = true;
        return;
    }
    HttpResponse response = m_worker.refusal(error, m_peer);
    write({}, response);
}

void Connection::dispatchNext()
{
    if (m_inFlight || m_stream || m_waiting.isEmpty())
        return;
    m_inFlight = m_waiting.dequeue();
    m_idleTimer.stop();
    m_worker.process(this, *m_inFlight);
}

void Connection::deliver(HttpResponse response)
{
    if (!m_inFlight)
        return;
    HttpRequest request = std::move(*m_inFlight);
    m_inFlight.reset();
    if (m_closeAfterResponse || !request.keepAlive || m_worker.draining())
        response.closeConnection = true;
    write(request, response);
}

void Connection::write(const HttpRequest &request, HttpResponse &response)
{
    const bool streamed = response.stream && request.method != "HEAD";
    QByteArray out;
    out.reserve(256 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    // A streamed body is chunked. RFC 9110 §8.6: no Content-Length on 204, and none on 304 (or on
    // HEAD of a streamed body) rather than a wrong one.
    if (streamed)
        out += "Transfer-Encoding: chunked\r\n";
    else if (response.status != 204 && response.status != 304 && !response.stream)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (response.closeConnection)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (streamed) {
        if (!response.body.isEmpty())
            out += chunk(response.body);
        m_socket->write(out);
        m_stream = std::move(response.stream);
        m_closeAfterStream = response.closeConnection;
        pump();
        return;
    }
    if (request.method != "HEAD")
        out += response.body;
    m_socket->write(out);
    finishResponse(response.closeConnection);
}

void Connection::pump()
{
    while (m_stream && m_socket->bytesToWrite() < StreamLowWater) {
        const std::optional<QByteArray> next = m_stream();
        if (!next) {
            // The body cannot be finished: without its last chunk the client sees it is cut short.
            m_stream = {};
            m_socket->abort();
            return;
        }
        if (next->isEmpty()) {
            m_socket->write("0\r\n\r\n");
            m_stream = {};
            finishResponse(m_closeAfterStream || m_closeAfterResponse || m_worker.draining());
            return;
        }
        m_socket->write(chunk(*next));
    }
    // A client that stops reading holds the stream up: the idle timeout ends it.
    if (m_stream)
        restartIdleTimer();
}

void Connection::finishResponse(bool close)
{
    if (close) {
        closeSocket();
        return;
    }
    dispatchNext();
    // Pipelined bytes held back behind a full queue: parse them now there is room.
    if (!m_backlog.isEmpty() && m_waiting.size() < MaxPipelined) {
        const QByteArray backlog = std::exchange(m_backlog, {});
        if (!frame(backlog))
            stopReading();
        else if (m_backlog.isEmpty() && m_socket->bytesAvailable() > 0)
            onReadyRead();
    }
    // From here the client has the idle timeout to send its next request, however much of it is
    // already here: partial heads must not keep a connection open.
    if (!m_inFlight && !m_stream)
        restartIdleTimer();
}

bool Connection::idle() const
{
    return !busy() && !m_reader.midRequest() && m_backlog.isEmpty();
}

void Connection::restartIdleTimer()
{
    m_idleTimer.start(m_worker.limits().idleTimeoutMs);
}

void Connection::onIdleTimeout()
{
    if (m_stream) {
        qCInfo(lcHttp).noquote() << "closing a stalled download to" << m_peer.toString();
        m_stream = {};
        m_socket->abort();
        return;
    }
    if (m_inFlight)
        return;
    if (!idle()) {
        // A request was started but not finished in time: a slow or stalled client.
        refuse(ApiError(408, QStringLiteral("request-timeout"), QStringLiteral("Request timeout"),
                        QStringLiteral("The request was not completed in time.")));
        return;
    }
    closeSocket();
}

void Connection::drain()
{
    m_closeAfterResponse = true;
    if (idle())
        closeSocket();
}

void Connection::closeSocket()
{
    stopReading();
    m_socket->disconnectFromHost();
    // A peer that never takes the last bytes must not hold the socket open either.
    QTimer::singleShot(5000, m_socket, [socket = m_socket] {
        socket->abort();
        socket->deleteLater();
    });
}

} // namespace keyward
