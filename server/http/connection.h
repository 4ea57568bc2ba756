#pragma once

#include "http_message.h"
#include "request_reader.h"
#include "transport.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QObject>
#include <QQueue>
#include <QTimer>

#include <memory>
#include <optional>

namespace keyward {

class Worker;

// One client connection: its requests, read by a strict RequestReader (431 and 413 before a body
// is read, 400 for anything ambiguous), answered one at a time and in order however many are
// pipelined, and an idle timeout that runs from the end of the last response, whatever arrives
// after it. What it holds for a client is bounded: requests parsed ahead, bytes read ahead, and
// responses the client has not taken (past a high-water mark nothing more is answered). It owns
// its transport and is deleted when that closes, so asynchronous completions hold a QPointer and
// find out.
class Connection : public QObject, private Transport::Events {
    Q_OBJECT
public:
    Connection(std::unique_ptr<Transport> transport, Worker &worker);
    ~Connection() override;

    // The response to the request in flight.
    void deliver(HttpResponse response);
    // Shutdown: finish what is in flight, then close.
    void drain();
    QHostAddress peer() const { return m_transport->peer(); }

private:
    // Moves the connection on as far as it can: reads requests while there is room, dispatches the
    // next one, or sends what is owed (a refusal, a go-ahead). Every event ends here; a call made
    // from inside it (a response delivered at once) folds into the running one.
    void advance();
    void parse();
    // No request after this one: what else arrives is read and dropped, so a peer that leaves is
    // seen to leave.
    void endRequests();
    void readable() override;
    void written() override;
    void closed() override;
    void write(const HttpRequest &request, HttpResponse &response);
    // Writes the next parts of a streamed body while the socket's buffer is low.
    void pump();
    // The response is out: close, or go on with the next request.
    void finishResponse(bool close);
    // The idle deadline moves with every response, the timer only when it fires early: no timer is
    // registered or killed per request.
    void restartIdleTimer();
    void suspendIdleTimer();
    void onIdleTimeout();
    // Closes once what is written is taken; a peer that stops taking it is cut off.
    void closeSocket();
    void abortSocket();
    qint64 unsent() const { return m_transport->unsent(); }
    bool answering() const { return m_inFlight || m_stream; }

    std::unique_ptr<Transport> m_transport;
    Worker &m_worker;
    QTimer m_idleTimer;
    QDeadlineTimer m_idleDeadline;

    RequestReader m_reader;
    QByteArray m_unparsed; // read from the socket, waiting behind a full queue from m_unparsedFrom on
    qsizetype m_unparsedFrom = 0;
    bool m_endOfRequests = false;
    // A stream that cannot go on is answered in turn, after the requests ahead of it.
    std::optional<ApiError> m_refusal;
    bool m_continueOwed = false; // the client waits for "100 Continue" before sending its body

    // Requests: at most one in flight, the rest wait in order.
    QQueue<HttpRequest> m_waiting;
    qint64 m_waitingBytes = 0;
    std::optional<HttpRequest> m_inFlight;
    bool m_closeAfterResponse = false;
    // The body being streamed, if any: later requests wait until it is out.
    std::function<std::optional<QByteArray>()> m_stream;
    bool m_streamChunked = true;
    bool m_closeAfterStream = false;

    bool m_advancing = false;
    bool m_advanceAgain = false;
    bool m_closing = false;
    QTimer m_lingerTimer;
    QDeadlineTimer m_lingerDeadline;
};

} // namespace keyward
