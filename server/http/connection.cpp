#include "connection.h"

#include "core/api_error.h"
#include "core/logging.h"
#include "worker.h"

#include <QTcpSocket>
#include <QUrl>

namespace keyward {

namespace {
constexpr qint64 MaxContentLengthDigits = 15;
// Requests parsed ahead of the one in flight; more wait unparsed in the socket.
constexpr qsizetype MaxPipelined = 16;
constexpr qint64 MaxUnreadBytes = 256 << 10;
// A streamed body is produced while the socket holds less than this, unsent.
constexpr qint64 StreamLowWater = 256 << 10;

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

// RFC 9110 section 5.6.2: what methods and header names are made of.
bool isToken(QByteArrayView text)
{
    static constexpr QByteArrayView extra("!#$%&'*+-.^_`|~");
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || extra.contains(c);
    });
}

// RFC 9110 section 5.5: visible characters, spaces, tabs and obs-text; never a control character.
bool isFieldValue(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u == '\t' || (u >= 0x20 && u != 0x7F);
    });
}

QByteArrayView withoutWhitespace(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

// A request target: origin-form ("/path?query"), absolute-form or "*"; visible ASCII only.
bool isTarget(QByteArrayView target)
{
    return !target.isEmpty() &&
           (target.front() == '/' || target == "*" || target.startsWith("http://") || target.startsWith("https://")) &&
           std::all_of(target.begin(), target.end(), [](char c) { return c > 0x20 && c < 0x7F; });
}
} // namespace

Connection::Connection(QTcpSocket *socket, Worker &worker)
    : QObject(socket)
    , m_socket(socket)
    , m_worker(worker)
    , m_peer(socket->peerAddress())
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

bool Connection::frame(QByteArrayView chunk)
{
    const Worker::Limits &limits = m_worker.limits();
    while (!chunk.isEmpty()) {
        if (m_state == State::Body) {
            const qint64 take = qMin<qint64>(m_bodyRemaining, chunk.size());
            m_reading.body.append(chunk.first(take));
            m_bodyRemaining -= take;
            chunk = chunk.sliced(take);
            if (m_bodyRemaining == 0)
                completeRequest();
            continue;
        }
        if (m_waiting.size() >= MaxPipelined) {
            m_backlog = chunk.toByteArray();
            return true;
        }
        // Empty lines (CRLF) before a request line are allowed (RFC 9112 section 2.2).
        if (m_head.isEmpty()) {
            while (chunk.startsWith("\r\n"))
                chunk = chunk.sliced(2);
            if (chunk.isEmpty())
                break;
        }
        const qsizetype prior = m_head.size();
        const qsizetype searchFrom = qMax<qsizetype>(0, prior - 3);
        m_head.append(chunk.first(qMin<qsizetype>(chunk.size(), limits.maxHeader - prior + 4)));
        const qsizetype end = m_head.indexOf("\r\n\r\n", searchFrom);
        // Lines end in CRLF and nothing else: a bare LF or CR is where a proxy and Keyward could read
        // one head two ways (RFC 9112 section 2.2), so it is refused as soon as it arrives.
        const qsizetype checkedTo = end < 0 ? m_head.size() : end + 4;
        for (qsizetype i = qMax<qsizetype>(0, prior - 1); i < checkedTo; ++i) {
            const bool bareLf = m_head[i] == '\n' && (i == 0 || m_head[i - 1] != '\r');
            const bool bareCr = m_head[i] == '\r' && i + 1 < m_head.size() && m_head[i + 1] != '\n';
            if (bareLf || bareCr) {
                refuse(400, QStringLiteral("bad-request"), QStringLiteral("Bad request"),
                       QStringLiteral("Lines of the request head must end in CRLF."));
                return false;
            }
        }
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
            completeRequest();
        else
            m_state = State::Body;
    }
    // The idle timer is not touched here: bytes trickling in must not keep a connection open.
    // It runs from the end of the last response, whatever arrives after it.
    return true;
}

bool Connection::parseHead(const QByteArray &head)
{
    // Strict where lenient parsers differ: a head that could be read two ways (folded or padded
    // lines, odd request lines, framing headers given twice) is refused, never guessed at.
    const auto bad = [this](const QString &detail) {
        refuse(400, QStringLiteral("bad-request"), QStringLiteral("Bad request"), detail);
        return false;
    };
    const QList<QByteArray> lines = head.left(head.size() - 4).split('\n');
    const QList<QByteArray> requestLine = lines.first().chopped(lines.size() > 1 ? 1 : 0).split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine[0]) || !isTarget(requestLine[1]) ||
        (requestLine[2] != "HTTP/1.1" && requestLine[2] != "HTTP/1.0"))
        return bad(QStringLiteral("The request line is not valid HTTP/1.1."));
    HttpRequest request;
    request.started.start();
    request.method = requestLine[0];
    request.peer = m_peer;
    const QUrl target = QUrl::fromEncoded(requestLine[1]);
    request.path = target.path(QUrl::FullyDecoded);
    request.query = QUrlQuery(target);
    std::optional<qint64> contentLength;
    int hosts = 0;
    bool expectContinue = false;
    request.keepAlive = requestLine[2] == "HTTP/1.1";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = QByteArrayView(lines[i]).chopped(i + 1 < lines.size() ? 1 : 0);
        if (line.startsWith(' ') || line.startsWith('\t'))
            return bad(QStringLiteral("Folded header lines (obs-fold) are not accepted."));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)) || !isFieldValue(line.sliced(colon + 1)))
            return bad(QStringLiteral("A header line is malformed."));
        const QByteArray name = line.first(colon).toByteArray().toLower();
        const QByteArray value = withoutWhitespace(line.sliced(colon + 1)).toByteArray();
        if (name == "host") {
            ++hosts;
        } else if (name == "connection") {
            const QByteArray v = value.toLower();
            if (v.contains("close"))
                request.keepAlive = false;
            else if (v.contains("keep-alive"))
                request.keepAlive = true;
        } else if (name == "transfer-encoding") {
            refuse(411, QStringLiteral("length-required"), QStringLiteral("Length required"),
                   QStringLiteral("Send the body with a Content-Length header; chunked bodies are not accepted."));
            return false;
        } else if (name == "content-length") {
            const bool digits = !value.isEmpty() && value.size() <= MaxContentLengthDigits &&
                                std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (!digits || contentLength)
                return bad(QStringLiteral("Content-Length is invalid or given more than once."));
            contentLength = value.toLongLong();
        } else if (name == "expect") {
            expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
        request.headers.append({name, value});
    }
    // RFC 9112 section 3.2: exactly one Host in HTTP/1.1, at most one before.
    if (hosts > 1 || (hosts == 0 && requestLine[2] == "HTTP/1.1"))
        return bad(QStringLiteral("The request needs exactly one Host header."));
    const qint64 length = contentLength.value_or(0);
    if (length > m_worker.limits().maxBody) {
        refuse(413, QStringLiteral("payload-too-large"), QStringLiteral("Payload too large"),
               QStringLiteral("The body exceeds %1 bytes.").arg(m_worker.limits().maxBody));
        return false;
    }
    request.body.reserve(length);
    m_reading = std::move(request);
    m_bodyRemaining = length;
    // The client waits for a go-ahead before the body (curl does, past 1 KiB). Only when nothing
    // is ahead of it: an interim answer must not overtake an earlier request's final one.
    if (expectContinue && length > 0 && !busy())
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    return true;
}

void Connection::completeRequest()
{
    m_state = State::Head;
    m_waiting.enqueue(std::move(m_reading));
    m_reading = {};
    dispatchNext();
}

void Connection::stopReading()
{
    m_stopped = true;
    m_backlog.clear();
    m_socket->skip(m_socket->bytesAvailable());
}

void Connection::refuse(int status, const QString &slug, const QString &title, const QString &detail)
{
    qCInfo(lcHttp).noquote() << "refused request from" << m_peer.toString() << ":" << status << detail;
    stopReading();
    m_waiting.clear();
    if (m_inFlight) {
        // Answer the request in flight first; this refusal then closes the connection.
        m_closeAfterResponse = true;
        return;
    }
    HttpResponse response = m_worker.refusal(ApiError(status, slug, title, detail), m_peer);
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
    return !busy() && m_state == State::Head && m_head.isEmpty() && m_backlog.isEmpty();
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
    stopReading();
    m_socket->disconnectFromHost();
    // A peer that never takes the last bytes must not hold the socket open either.
    QTimer::singleShot(5000, m_socket, [socket = m_socket] {
        socket->abort();
        socket->deleteLater();
    });
}

} // namespace keyward
