#include "connection.h"

#include "core/api_error.h"
#include "core/logging.h"
#include "worker.h"

#include <QScopedValueRollback>

namespace keyward {

namespace {
// Requests parsed ahead of the one in flight, and the bytes of their bodies; more wait unparsed.
constexpr qsizetype MaxPipelined = 16;
constexpr qint64 MaxWaitingBytes = 2 << 20;
constexpr qint64 MaxUnreadBytes = 256 << 10;
// Responses the client has not taken yet: past this, no further request is answered (and a
// streamed body is not produced) until it takes some.
constexpr qint64 MaxUnsentBytes = 256 << 10;
// A closing connection's last bytes: taken within this long, or with progress at least this often.
constexpr int LingerMs = 5000;
constexpr int LingerStallMs = 1000;

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

} // namespace

Connection::Connection(std::unique_ptr<Transport> transport, Worker &worker)
    : m_transport(std::move(transport))
    , m_worker(worker)
    , m_reader({worker.limits().maxBody, worker.limits().maxHeader}, m_transport->peer())
{
    // What sits unread in the socket is bounded too: a full buffer stops reading, and TCP pushes back.
    m_transport->setReadLimit(MaxUnreadBytes);
    m_transport->setEvents(this);
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &Connection::onIdleTimeout);
    m_lingerTimer.setSingleShot(true);
    connect(&m_lingerTimer, &QTimer::timeout, this, &Connection::abortSocket);
    restartIdleTimer();
    m_worker.connectionOpened(this);
}

Connection::~Connection()
{
    m_transport->setEvents(nullptr);
    m_worker.connectionClosed(this);
}

void Connection::readable()
{
    if (m_endOfRequests)
        m_transport->discardInput();
    else
        advance();
}

void Connection::closed()
{
    // The peer is gone or the close is done: nothing more is read, answered or streamed.
    m_closing = true;
    m_stream = {};
    m_idleTimer.stop();
    m_lingerTimer.stop();
    deleteLater();
}

void Connection::written()
{
    if (m_closing) {
        if (!m_lingerDeadline.hasExpired())
            m_lingerTimer.start(LingerStallMs);
        return;
    }
    // The client is taking a response that waits for it: reading slowly is not being idle. (Bytes
    // that left with nothing waiting, such as a TLS alert, are no sign of a reader.)
    if (!m_inFlight && unsent() > 0)
        restartIdleTimer();
    if (m_stream)
        pump();
    else
        advance();
}

void Connection::advance()
{
    if (m_advancing) {
        m_advanceAgain = true;
        return;
    }
    const QScopedValueRollback guard(m_advancing, true);
    do {
        m_advanceAgain = false;
        if (m_closing)
            return;
        parse();
        // Nothing overtakes what is ahead of it, and a client that does not read gets nothing more.
        if (answering() || unsent() > MaxUnsentBytes)
            continue;
        if (!m_waiting.isEmpty()) {
            m_inFlight = m_waiting.dequeue();
            m_waitingBytes -= m_inFlight->body.size();
            suspendIdleTimer();
            m_worker.process(this, *m_inFlight);
        } else if (m_refusal) {
            HttpResponse response = m_worker.refusal(*std::exchange(m_refusal, std::nullopt), peer());
            write({}, response);
        } else if (m_continueOwed) {
            m_continueOwed = false;
            m_transport->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
    } while (m_advanceAgain);
}

void Connection::parse()
{
    while (!m_endOfRequests) {
        if (!m_reader.midRequest() && (m_waiting.size() >= MaxPipelined || m_waitingBytes >= MaxWaitingBytes))
            return; // the rest waits, in m_unparsed and in the socket, until the queue drains
        if (m_unparsedFrom == m_unparsed.size()) {
            if (!m_transport->hasInput())
                return;
            m_unparsed = m_transport->takeInput();
            m_unparsedFrom = 0;
        }
        QByteArrayView data = QByteArrayView(m_unparsed).sliced(m_unparsedFrom);
        const RequestReader::Outcome outcome = m_reader.read(data);
        m_unparsedFrom = m_unparsed.size() - data.size();
        switch (outcome) {
        case RequestReader::Outcome::Request: {
            // The body is here, so no go-ahead is owed for it any more.
            (void)m_reader.takeExpectContinue();
            m_continueOwed = false;
            HttpRequest request = m_reader.takeRequest();
            m_waitingBytes += request.body.size();
            const bool last = !request.keepAlive;
            m_waiting.enqueue(std::move(request));
            if (last)
                endRequests();
            break;
        }
        case RequestReader::Outcome::Refused: {
            const ApiError &error = m_reader.refusal();
            qCInfo(lcHttp).noquote() << "refused request from" << peer().toString() << ":" << error.status()
                                     << error.detail();
            m_refusal = error;
            m_continueOwed = false;
            endRequests();
            return;
        }
        case RequestReader::Outcome::NeedMore:
            if (m_reader.takeExpectContinue())
                m_continueOwed = true;
            break;
        }
    }
}

void Connection::endRequests()
{
    m_endOfRequests = true;
    m_unparsed.clear();
    m_unparsedFrom = 0;
    m_transport->discardInput();
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
    // HTTP/1.0 knows no chunks: a streamed body runs until the connection closes.
    if (streamed && !request.http11)
        response.closeConnection = true;
    QByteArray out;
    out.reserve(256 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    // A streamed body is chunked. RFC 9110 §8.6: no Content-Length on 204, and none on 304 (or on
    // HEAD of a streamed body) rather than a wrong one.
    if (streamed && request.http11)
        out += "Transfer-Encoding: chunked\r\n";
    else if (response.status != 204 && response.status != 304 && !response.stream)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (response.closeConnection)
        out += "Connection: close\r\n";
    else if (!request.http11)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (streamed) {
        m_streamChunked = request.http11;
        if (!response.body.isEmpty())
            out += m_streamChunked ? chunk(response.body) : response.body;
        m_transport->write(out);
        if (m_closing)
            return; // the peer is gone: nothing of the body is produced
        m_stream = std::move(response.stream);
        m_closeAfterStream = response.closeConnection;
        pump();
        return;
    }
    if (request.method != "HEAD")
        out += response.body;
    m_transport->write(out);
    finishResponse(response.closeConnection);
}

void Connection::pump()
{
    while (m_stream && !m_closing && unsent() < MaxUnsentBytes) {
        const std::optional<QByteArray> next = m_stream();
        if (!next) {
            // The body cannot be finished: without its last chunk the client sees it is cut short.
            m_stream = {};
            abortSocket();
            return;
        }
        if (next->isEmpty()) {
            if (m_streamChunked)
                m_transport->write("0\r\n\r\n");
            m_stream = {};
            finishResponse(m_closeAfterStream || m_closeAfterResponse || m_worker.draining());
            return;
        }
        m_transport->write(m_streamChunked ? chunk(*next) : *next);
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
    // From here the client has the idle timeout to send its next request, however much of it is
    // already here: partial heads must not keep a connection open.
    restartIdleTimer();
    advance();
}

void Connection::restartIdleTimer()
{
    m_idleDeadline = QDeadlineTimer(m_worker.limits().idleTimeoutMs);
    if (!m_idleTimer.isActive())
        m_idleTimer.start(m_worker.limits().idleTimeoutMs);
}

void Connection::suspendIdleTimer()
{
    m_idleDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
}

void Connection::onIdleTimeout()
{
    if (m_closing || m_idleDeadline.isForever())
        return;
    if (!m_idleDeadline.hasExpired()) {
        m_idleTimer.start(qMax<qint64>(1, m_idleDeadline.remainingTime()));
        return;
    }
    if (m_stream || unsent() > 0) {
        // The client has not taken what it was sent in all that time: there is nobody to tell.
        qCInfo(lcHttp).noquote() << "closing a connection whose client stopped reading:" << peer().toString();
        abortSocket();
        return;
    }
    if (m_inFlight)
        return;
    if (m_reader.midRequest() || m_unparsedFrom < m_unparsed.size()) {
        // A request was started but not finished in time: a slow or stalled client.
        qCInfo(lcHttp).noquote() << "request from" << peer().toString() << "not completed in time";
        m_refusal = ApiError(408, QStringLiteral("request-timeout"), QStringLiteral("Request timeout"),
                             QStringLiteral("The request was not completed in time."));
        endRequests();
        advance();
        return;
    }
    closeSocket();
}

void Connection::drain()
{
    m_closeAfterResponse = true;
    endRequests();
    if (!answering())
        closeSocket();
}

void Connection::closeSocket()
{
    if (m_closing)
        return;
    m_closing = true;
    endRequests();
    m_idleTimer.stop();
    if (m_transport->close())
        return;
    m_lingerDeadline = QDeadlineTimer(LingerMs);
    m_lingerTimer.start(LingerStallMs);
}

void Connection::abortSocket()
{
    m_stream = {};
    // A reset, not a clean end: an HTTP/1.0 body that ends with the connection must not look whole.
    m_transport->abort();
    deleteLater();
}

} // namespace keyward
