#pragma once

#include "http_message.h"

#include <QByteArray>
#include <QObject>
#include <QQueue>
#include <QTimer>

#include <optional>

class QTcpSocket;

namespace keyward {

class Worker;

// One client connection, and the only HTTP/1.1 parser between it and the pipeline. It reads
// requests strictly (CRLF line ends, no folded or padded header lines, one Host, one
// Content-Length, no chunked bodies) so that no proxy in front can read a head one way and Keyward
// another; enforces a head limit (431), a body limit checked on Content-Length before the body is
// read (413) and an idle timeout that runs from the end of the last response, whatever arrives
// after it; and answers pipelined requests one at a time, in order. It is the socket's child and
// dies with it, so asynchronous completions hold a QPointer and find out.
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
    // Frames and parses what has arrived; false when the connection was refused and is closing.
    bool frame(QByteArrayView data);
    bool parseHead(const QByteArray &head);
    // The request being read is complete: queue it.
    void completeRequest();
    void refuse(int status, const QString &slug, const QString &title, const QString &detail);
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

    // Parsing of the byte stream.
    enum class State { Head, Body } m_state = State::Head;
    QByteArray m_head;
    HttpRequest m_reading; // the request whose body is arriving
    qint64 m_bodyRemaining = 0;
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
