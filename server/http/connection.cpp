#include "connection.h"

#include "core/api_error.h"
#include "core/logging.h"
#include "worker.h"

#include <QAbstractHttpServer>
#include <QMetaMethod>
#include <QTcpSocket>

namespace keyward {

namespace {
const char *const PropertyName = "keyward.connection";
constexpr qint64 MaxContentLengthDigits = 15;
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
{
    socket->setProperty(PropertyName, QVariant::fromValue(static_cast<QObject *>(this)));
    // Qt's server buffers whatever the socket holds; cap that too, in case framing ever lags.
    socket->setReadBufferSize(worker.limits().maxBody + worker.limits().maxHeader + 65536);
    connect(socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, &Connection::pump);
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &Connection::onIdleTimeout);
    restartIdleTimer();
    m_worker.connectionOpened(this);
}

Connection::~Connection()
{
    m_worker.connectionClosed(this);
}

Connection *Connection::of(QTcpSocket *socket)
{
    return qobject_cast<Connection *>(socket->property(PropertyName).value<QObject *>());
}

void Connection::onReadyRead()
{
    if (m_qtParserStopped)
        return;
    // Peek, do not read: Qt's server, connected after us, reads the same bytes next.
    const QByteArray chunk = m_socket->peek(m_socket->bytesAvailable());
    if (!frame(chunk))
        stopQtParser();
}

bool Connection::frame(QByteArrayView chunk)
{
    const Worker::Limits &limits = m_worker.limits();
    bool completedRequest = false;
    while (!chunk.isEmpty()) {
        if (m_state == State::Body) {
            const qint64 take = qMin<qint64>(m_bodyRemaining, chunk.size());
            m_bodyRemaining -= take;
            chunk = chunk.sliced(take);
            if (m_bodyRemaining == 0) {
                m_state = State::Head;
                completedRequest = true;
            }
            continue;
        }
        // Empty lines before a request line are allowed (RFC 9112 section 2.2).
        if (m_head.isEmpty()) {
            while (!chunk.isEmpty() && (chunk.front() == '\r' || chunk.front() == '\n'))
                chunk = chunk.sliced(1);
            if (chunk.isEmpty())
                break;
            if (completedRequest) {
                // A second request in the same read as the end of the previous one: Qt 6.4's parser
                // would merge the two into one (QTBUG-105202). Answer what is in flight, then close;
                // RFC 9112 section 9.3.2 has clients retry the rest on a new connection.
                qCDebug(lcHttp) << "pipelined requests in one read from" << m_peer << "- closing after in-flight";
                m_closeAfterResponse = true;
                if (idle())
                    closeSocket();
                return false;
            }
        }
        const qsizetype prior = m_head.size();
        const qsizetype searchFrom = qMax<qsizetype>(0, prior - 3);
        m_head.append(chunk.first(qMin<qsizetype>(chunk.size(), limits.maxHeader - prior + 4)));
        const qsizetype end = m_head.indexOf("\r\n\r\n", searchFrom);
        if (end < 0) {
            if (m_head.size() > limits.maxHeader) {
                refuse(431, QStringLiteral("header-too-large"), QStringLiteral("Request header fields too large"),
                       QStringLiteral("The request line and headers exceed %1 bytes.").arg(limits.maxHeader));
                return false;
            }
            return true;
        }
        const qsizetype headLength = end + 4;
        const QByteArray head = m_head.left(headLength);
        m_head.clear();
        chunk = chunk.sliced(headLength - prior);
        if (!parseHead(head))
            return false;
        if (m_bodyRemaining == 0)
            completedRequest = true;
        else
            m_state = State::Body;
    }
    // The idle timer is not touched here: bytes trickling in must not keep a connection open.
    // It restarts only when a response has been written.
    return true;
}

bool Connection::parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.left(head.size() - 4).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
        refuse(400, QStringLiteral("bad-request"), QStringLiteral("Bad request"),
               QStringLiteral("The request line is not valid HTTP/1.1."));
        return false;
    }
    std::optional<qint64> contentLength;
    bool keepAlive = requestLine[2] == "HTTP/1.1";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            refuse(400, QStringLiteral("bad-request"), QStringLiteral("Bad request"),
                   QStringLiteral("A header line is malformed."));
            return false;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "connection") {
            const QByteArray v = value.toLower();
            if (v.contains("close"))
                keepAlive = false;
            else if (v.contains("keep-alive"))
                keepAlive = true;
        }
        if (name == "transfer-encoding") {
            refuse(411, QStringLiteral("length-required"), QStringLiteral("Length required"),
                   QStringLiteral("Send the body with a Content-Length header; chunked bodies are not accepted."));
            return false;
        }
        if (name == "content-length") {
            bool ok = !value.isEmpty() && value.size() <= MaxContentLengthDigits &&
                      std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
            const qint64 length = value.toLongLong();
            if (!ok || (contentLength && *contentLength != length)) {
                refuse(400, QStringLiteral("bad-request"), QStringLiteral("Bad request"),
                       QStringLiteral("Content-Length is invalid."));
                return false;
            }
            contentLength = length;
        }
    }
    const qint64 length = contentLength.value_or(0);
    if (length > m_worker.limits().maxBody) {
        refuse(413, QStringLiteral("payload-too-large"), QStringLiteral("Payload too large"),
               QStringLiteral("The body exceeds %1 bytes.").arg(m_worker.limits().maxBody));
        return false;
    }
    m_bodyRemaining = length;
    m_framedKeepAlive.enqueue(keepAlive);
    return true;
}

void Connection::stopQtParser()
{
    if (m_qtParserStopped)
        return;
    m_qtParserStopped = true;
    // Disconnecting during the emission keeps Qt's slot from seeing these bytes at all.
    QObject::disconnect(m_socket, QMetaMethod::fromSignal(&QTcpSocket::readyRead), m_worker.endpoint(), QMetaMethod());
}

void Connection::refuse(int status, const QString &slug, const QString &title, const QString &detail)
{
    qCInfo(lcHttp).noquote() << "refused request from" << m_peer.toString() << ":" << status << detail;
    stopQtParser();
    m_waiting.clear();
    if (m_inFlight) {
        // Answer the request in flight first; this refusal then closes the connection.
        m_closeAfterResponse = true;
        return;
    }
    HttpResponse response = m_worker.refusal(ApiError(status, slug, title, detail), m_peer);
    write({}, response);
}

void Connection::accept(HttpRequest request)
{
    if (m_qtParserStopped)
        return;
    request.keepAlive = m_framedKeepAlive.isEmpty() ? true : m_framedKeepAlive.dequeue();
    m_waiting.enqueue(std::move(request));
    if (!m_inFlight)
        dispatchNext();
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
    if (idle())
        restartIdleTimer();
}

bool Connection::idle() const
{
    return !m_inFlight && !m_stream && m_waiting.isEmpty() && m_state == State::Head && m_head.isEmpty();
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
        refuse(408, QStringLiteral("request-timeout"), QStringLiteral("Request timeout"),
               QStringLiteral("The request was not completed in time."));
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
    stopQtParser();
    m_socket->disconnectFromHost();
    // Qt's server deletes sockets on `disconnected`, but drops that connection after its own parse
    // errors: make sure a socket that never finishes closing is still released.
    QTimer::singleShot(5000, m_socket, [socket = m_socket] {
        socket->abort();
        socket->deleteLater();
    });
}

} // namespace keyward
