#pragma once

#include "http_message.h"
#include "request_reader.h"

#include <QByteArray>
#include <QObject>
#include <QQueue>
#include <QTimer>

#include <optional>

class QTcpSocket;

namespace keyward {

class Worker;

// One client connection: its requests, read by a strict RequestReader (431 and 413 before a body
// is read, 400 for anything ambiguous), answered one at a time and in order however many are
// pipelined, and an idle timeout that runs from the end of the last response, whatever arrives
// after it. It is the socket's child and dies with it, so asynchronous completions hold a
// QPointer and find out.
class Connection : public QObject {
    Q_OBJECT
public:
    Connection(QTcpSocket *socket, Worker &worker);
    ~Connection() override;

    // The response to the request in flight.
    void deliver(HttpResponse response);
    // Shutdown: finish what is in flight, then close.
    void drain();
    QHostAddress peer() const { return m_peer; }

private:
    void onReadyRead();
    // Reads requests out of what has arrived; false when the connection was refused and is closing.
    bool frame(QByteArrayView data);
    void refuse(const ApiError &error);
    // Stops parsing; later bytes are read and dropped, so a peer that leaves is seen to leave.
    void stopReading();
    void dispatchNext();
    void write(const HttpRequest &request, HttpResponse &response);
    // Writes the next parts of a streamed body while the socket's buffer is low.
    void pump();
    // The response is out: close, or go on with the next request.
    void finishResponse(bool close);
    void restartIdleTimer();
    void closeSocket();
    void onIdleTimeout();
    bool idle() const;
    bool busy() const { return m_inFlight || m_stream || !m_waiting.isEmpty(); }

    QTcpSocket *m_socket;
    Worker &m_worker;
    QHostAddress m_peer;
    QTimer m_idleTimer;

    RequestReader m_reader;
    bool m_stopped = false;
    QByteArray m_backlog; // bytes behind a full queue of pipelined requests, parsed as it drains

    // Requests: at most one in flight, the rest wait in order.
    QQueue<HttpRequest> m_waiting;
    std::optional<HttpRequest> m_inFlight;
    bool m_closeAfterResponse = false;
    // The body being streamed, if any: later requests wait until it is out.
    std::function<std::optional<QByteArray>()> m_stream;
    bool m_closeAfterStream = false;
};

} // namespace keyward
