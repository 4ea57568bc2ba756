#pragma once

#include "core/api_error.h"
#include "http_message.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>

namespace keyward {

// Reads HTTP/1.1 requests out of a byte stream, strictly: lines end in CRLF and nothing else, no
// folded or padded header lines, header names are tokens, exactly one Host (HTTP/1.1), at most one
// Content-Length and no chunked bodies. Whatever a proxy in front might read another way is
// refused, never guessed at: one parser, one reading. Knows nothing of sockets (fuzzed as it is).
class RequestReader {
public:
    struct Limits {
        qint64 maxBody = 1 << 20;
        int maxHeader = 64 << 10;
    };
    enum class Outcome {
        NeedMore, // all of `data` was taken; the request is not complete yet
        Request,  // a request is complete: takeRequest(); `data` holds what follows it
        Refused,  // the stream cannot go on: refusal() says why, in the status to answer with
    };

    RequestReader(Limits limits, QHostAddress peer);

    // The methods Keyward answers, as an Allow header lists them; others are refused with 405.
    static QByteArray knownMethods();

    // Takes bytes from the front of `data` until a request is complete, more is needed, or the
    // stream is refused. After Refused, nothing more is read.
    Outcome read(QByteArrayView &data);
    HttpRequest takeRequest();
    const ApiError &refusal() const { return m_refusal; }
    // A head was read whose client waits for "100 Continue" before sending the body; asked once.
    bool takeExpectContinue() { return std::exchange(m_expectContinue, false); }
    // Part of a request (a head begun, a body unfinished) has arrived.
    bool midRequest() const { return m_state == State::Body || !m_head.isEmpty(); }

private:
    Outcome refuse(int status, const QString &slug, const QString &title, const QString &detail);
    bool parseHead(QByteArrayView head);

    Limits m_limits;
    QHostAddress m_peer;
    QString m_peerText;
    enum class State { Head, Body, Refused } m_state = State::Head;
    QByteArray m_head;
    HttpRequest m_request;
    qint64 m_bodyRemaining = 0;
    bool m_expectContinue = false;
    ApiError m_refusal;
};

} // namespace keyward
