#include "request_reader.h"

#include <QUrl>

#include <algorithm>
#include <optional>

namespace keyward {

namespace {

constexpr qsizetype MaxContentLengthDigits = 15;

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

RequestReader::RequestReader(Limits limits, QHostAddress peer)
    : m_limits(limits)
    , m_peer(std::move(peer))
{
}

RequestReader::Outcome RequestReader::refuse(int status, const QString &slug, const QString &title,
                                             const QString &detail)
{
    m_state = State::Refused;
    m_refusal = ApiError(status, slug, title, detail);
    return Outcome::Refused;
}

HttpRequest RequestReader::takeRequest()
{
    return std::exchange(m_request, HttpRequest());
}

RequestReader::Outcome RequestReader::read(QByteArrayView &data)
{
    if (m_state == State::Refused)
        return Outcome::Refused;
    if (m_state == State::Body) {
        const qint64 take = qMin<qint64>(m_bodyRemaining, data.size());
        m_request.body.append(data.first(take));
        m_bodyRemaining -= take;
        data = data.sliced(take);
        if (m_bodyRemaining > 0)
            return Outcome::NeedMore;
        m_state = State::Head;
        return Outcome::Request;
    }
    // Empty lines (CRLF) before a request line are allowed (RFC 9112 section 2.2).
    if (m_head.isEmpty())
        while (data.startsWith("\r\n"))
            data = data.sliced(2);
    if (data.isEmpty())
        return Outcome::NeedMore;
    const qsizetype prior = m_head.size();
    const qsizetype searchFrom = qMax<qsizetype>(0, prior - 3);
    m_head.append(data.first(qMin<qsizetype>(data.size(), m_limits.maxHeader - prior + 4)));
    const qsizetype end = m_head.indexOf("\r\n\r\n", searchFrom);
    // Lines end in CRLF and nothing else: a bare LF or CR is where a proxy and Keyward could read
    // one head two ways, so it is refused as soon as it arrives.
    const qsizetype checkedTo = end < 0 ? m_head.size() : end + 4;
    for (qsizetype i = qMax<qsizetype>(0, prior - 1); i < checkedTo; ++i) {
        const bool bareLf = m_head[i] == '\n' && (i == 0 || m_head[i - 1] != '\r');
        const bool bareCr = m_head[i] == '\r' && i + 1 < m_head.size() && m_head[i + 1] != '\n';
        if (bareLf || bareCr)
            return refuse(400, QStringLiteral("bad-request"), QStringLiteral("Bad request"),
                          QStringLiteral("Lines of the request head must end in CRLF."));
    }
    if (end < 0) {
        if (m_head.size() > m_limits.maxHeader)
            return refuse(431, QStringLiteral("header-too-large"), QStringLiteral("Request header fields too large"),
                          QStringLiteral("The request line and headers exceed %1 bytes.").arg(m_limits.maxHeader));
        data = {};
        return Outcome::NeedMore;
    }
    const qsizetype headLength = end + 4;
    const QByteArray head = m_head.left(headLength);
    m_head.clear();
    data = data.sliced(headLength - prior);
    if (!parseHead(head))
        return Outcome::Refused;
    if (m_bodyRemaining == 0)
        return Outcome::Request;
    m_state = State::Body;
    return read(data);
}

bool RequestReader::parseHead(const QByteArray &head)
{
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
    if (length > m_limits.maxBody) {
        refuse(413, QStringLiteral("payload-too-large"), QStringLiteral("Payload too large"),
               QStringLiteral("The body exceeds %1 bytes.").arg(m_limits.maxBody));
        return false;
    }
    request.body.reserve(length);
    m_request = std::move(request);
    m_bodyRemaining = length;
    m_expectContinue = expectContinue && length > 0;
    return true;
}

} // namespace keyward
