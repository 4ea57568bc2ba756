#pragma once

#include "http_message.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QTimer>

class QTcpSocket;

namespace keyward {

class Worker;

// Guards one client connection in front of Qt 6.4's HTTP parser, which has no limits of its own.
// It sees every byte first (its readyRead slot is connected before Qt's) and frames requests
// itself to enforce: a head limit (431), a body limit checked on Content-Length before the body is
// read (413), no chunked bodies (411), an idle timeout, and one request at a time per connection
// with responses in order. It owns nothing Qt's server deletes: it is the socket's child and dies
// with it, so asynchronous completions hold a QPointer and find out.
class Connection : public QObject {
    Q_OBJECT
public:
    Connection(QTcpSocket *socket, Worker &worker);
    ~Connection() override;

    static Connection *of(QTcpSocket *socket);

    // A complete request parsed by Qt's server.
    void accept(HttpRequest request);
    // The response to the request in flight.
    void deliver(HttpResponse response);
    // Shutdown: finish what is in flight, then close.
    void drain();
    QHostAddress peer() const { return m_peer; }

private:
    void onReadyRead();
    bool frame(QByteArrayView chunk); // false: connection refused and closing
    bool parseHead(const QByteArray &head);
    void refuse(int status, const QString &slug, const QString &title, const QString &detail);
    void stopQtParser();
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

    QTcpSocket *m_socket;
    Worker &m_worker;
    QHostAddress m_peer;
    QTimer m_idleTimer;

    // Framing of the byte stream.
    enum class State { Head, Body } m_state = State::Head;
    QByteArray m_head;
    qint64 m_bodyRemaining = 0;
    bool m_qtParserStopped = false;

    // Requests: at most one in flight, the rest wait in order.
    QQueue<bool> m_framedKeepAlive; // per framed request, in order: Qt's request lacks the HTTP version
    QQueue<HttpRequest> m_waiting;
    std::optional<HttpRequest> m_inFlight;
    bool m_closeAfterResponse = false;
    // The body being streamed, if any: later requests wait until it is out.
    std::function<std::optional<QByteArray>()> m_stream;
    bool m_closeAfterStream = false;
};

} // namespace keyward
