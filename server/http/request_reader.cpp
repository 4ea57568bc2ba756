#include "request_reader.h"

#include <QStringDecoder>

#include <algorithm>
#include <optional>

namespace keyward {

namespace {

constexpr qsizetype MaxContentLengthDigits = 15;
constexpr qint64 InitialBodyReserve = 64 << 10;

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
    // No early exit: the loop is vectorised, and an access token is most of a head.
    bool valid = true;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        valid &= (u == '\t') | ((u >= 0x20) & (u != 0x7F));
    }
    return valid;
}

// A LF without its CR, or a CR before anything but LF, from `from` up to `to`. (A CR last in
// `received` may yet be followed by its LF.)
bool hasBareCrOrLf(QByteArrayView received, qsizetype from, qsizetype to)
{
    for (qsizetype i = received.indexOf('\n', from); i >= 0 && i < to; i = received.indexOf('\n', i + 1))
        if (i == 0 || received[i - 1] != '\r')
            return true;
    for (qsizetype i = received.indexOf('\r', from); i >= 0 && i < to; i = received.indexOf('\r', i + 1))
        if (i + 1 < received.size() && received[i + 1] != '\n')
            return true;
    return false;
}

// Where the empty line ending a head ("\r\n\r\n") starts at `from` or after, or -1. Found from LF
// to LF with memchr: QByteArrayView::indexOf of a string hashes every byte it passes, which was 5 %
// of a request carrying a bearer token.
qsizetype headEnd(QByteArrayView data, qsizetype from)
{
    for (qsizetype lf = data.indexOf('\n', from + 1); lf >= 0; lf = data.indexOf('\n', lf + 1))
        if (lf + 2 < data.size() && data[lf - 1] == '\r' && data[lf + 1] == '\r' && data[lf + 2] == '\n')
            return lf - 1;
    return -1;
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

// The methods Keyward answers; anything else is refused before routing, so it never reaches a log
// line or a metric label as the client spelled it.
constexpr QByteArrayView KnownMethods[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};

bool isKnownMethod(QByteArrayView method)
{
    return std::find(std::begin(KnownMethods), std::end(KnownMethods), method) != std::end(KnownMethods);
}

// Headers Keyward reads one value of. Sent twice, a proxy may act on one copy and Keyward on the
// other, so a second copy is refused rather than one picked.
// Its bit in a set of the headers seen, or 0 when it may come more than once.
unsigned singleValuedBit(QByteArrayView name)
{
    static constexpr QByteArrayView single[] = {
        "authorization", "x-api-key",    "content-type", "origin",
        "if-match",      "x-request-id", "expect",       "access-control-request-method",
        "user-agent",    "traceparent"};
    const auto it = std::find(std::begin(single), std::end(single), name);
    return it == std::end(single) ? 0 : 1u << (it - std::begin(single));
}

constexpr unsigned TraceparentBit = 1u << 9;

// List-valued headers Keyward reads: several lines are one list (RFC 9110 section 5.3), joined here
// so that every reader sees all of it. (If-Match is read once: Keyward answers one version.)
bool isListValued(QByteArrayView name)
{
    return name == "if-none-match";
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The decoded path of a request target, or nullopt when it could be read more than one way: a
// fragment, an empty or dot segment (raw or encoded), an encoded slash, backslash or control
// character, a broken escape or bytes that are not UTF-8. A proxy that normalises paths and one
// that does not must both route what Keyward routes, so nothing is normalised here: it is refused.
std::optional<QString> decodedPath(QByteArrayView path)
{
    if (!path.startsWith('/'))
        return std::nullopt;
    // The target is visible ASCII (isTarget): without escapes, only its segments need a look.
    if (!path.contains('%') && !path.contains('\\')) {
        for (qsizetype from = 1;;) {
            const qsizetype slash = path.indexOf('/', from);
            const QByteArrayView segment = path.sliced(from, (slash < 0 ? path.size() : slash) - from);
            if (segment == "." || segment == ".." || (segment.isEmpty() && slash >= 0))
                return std::nullopt;
            if (slash < 0)
                return QString::fromLatin1(path);
            from = slash + 1;
        }
    }
    QByteArray decoded;
    decoded.reserve(path.size());
    qsizetype from = 1;
    while (from <= path.size()) {
        const qsizetype slash = path.indexOf('/', from);
        const bool last = slash < 0;
        const QByteArrayView segment = path.sliced(from, (last ? path.size() : slash) - from);
        QByteArray bytes;
        for (qsizetype i = 0; i < segment.size(); ++i) {
            char c = segment[i];
            if (c == '%') {
                const int high = i + 2 < segment.size() ? hexDigit(segment[i + 1]) : -1;
                const int low = high >= 0 ? hexDigit(segment[i + 2]) : -1;
                if (low < 0)
                    return std::nullopt;
                c = static_cast<char>(high * 16 + low);
                i += 2;
                const auto u = static_cast<unsigned char>(c);
                if (c == '/' || u < 0x20 || u == 0x7F)
                    return std::nullopt;
            }
            if (c == '#' || c == '\\')
                return std::nullopt;
            bytes += c;
        }
        // Only the last segment may be empty ("/" and a trailing slash); "//" is not.
        if (bytes == "." || bytes == ".." || (bytes.isEmpty() && !last))
            return std::nullopt;
        decoded += '/' + bytes;
        if (last)
            break;
        from = slash + 1;
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(decoded);
    if (utf8.hasError())
        return std::nullopt;
    return text;
}

} // namespace

RequestReader::RequestReader(Limits limits, QHostAddress peer)
    : m_limits(limits)
    , m_peer(std::move(peer))
    , m_peerText(m_peer.toString())
{
}

RequestReader::Outcome RequestReader::refuse(int status, const QString &slug, const QString &title,
                                             const QString &detail)
{
    m_state = State::Refused;
    m_refusal = ApiError(status, slug, title, detail);
    return Outcome::Refused;
}

QByteArray RequestReader::knownMethods()
{
    QByteArray list;
    for (const QByteArrayView method : KnownMethods)
        list += (list.isEmpty() ? "" : ", ") + method.toByteArray();
    return list;
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
    // Empty lines (CRLF) before a request line are allowed (RFC 9112 section 2.2), also when one
    // is split across reads.
    for (;;) {
        if (m_head.isEmpty() && data.startsWith("\r\n"))
            data = data.sliced(2);
        else if (m_head == "\r" && data.startsWith('\n')) {
            m_head.clear();
            data = data.sliced(1);
        } else {
            break;
        }
    }
    if (data.isEmpty())
        return Outcome::NeedMore;
    const qsizetype prior = m_head.size();
    // A head that arrives whole, as most do, is read where it lies; one in parts is gathered.
    qsizetype end = prior == 0 ? headEnd(data.first(qMin<qsizetype>(data.size(), m_limits.maxHeader + 4)), 0) : -1;
    if (end < 0) {
        m_head.append(data.first(qMin<qsizetype>(data.size(), m_limits.maxHeader - prior + 4)));
        end = headEnd(m_head, qMax<qsizetype>(0, prior - 3));
    }
    const QByteArrayView received = m_head.isEmpty() ? data : QByteArrayView(m_head);
    // Lines end in CRLF and nothing else: a bare LF or CR is where a proxy and Keyward could read
    // one head two ways, so it is refused as soon as it arrives.
    if (hasBareCrOrLf(received, qMax<qsizetype>(0, prior - 1), end < 0 ? received.size() : end + 4))
        return refuse(400, QStringLiteral("bad-request"), QStringLiteral("Bad request"),
                      QStringLiteral("Lines of the request head must end in CRLF."));
    if (end < 0) {
        if (m_head.size() > m_limits.maxHeader)
            return refuse(431, QStringLiteral("header-too-large"), QStringLiteral("Request header fields too large"),
                          QStringLiteral("The request line and headers exceed %1 bytes.").arg(m_limits.maxHeader));
        data = {};
        return Outcome::NeedMore;
    }
    const qsizetype headLength = end + 4;
    const bool parsed = parseHead(received.first(headLength));
    m_head.clear();
    data = data.sliced(headLength - prior);
    if (!parsed)
        return Outcome::Refused;
    if (m_bodyRemaining == 0)
        return Outcome::Request;
    m_state = State::Body;
    return read(data);
}

bool RequestReader::parseHead(QByteArrayView head)
{
    const auto bad = [this](const QString &detail) {
        refuse(400, QStringLiteral("bad-request"), QStringLiteral("Bad request"), detail);
        return false;
    };
    // Every line ends in CRLF (read() refused anything else); the head ends in an empty line.
    QByteArrayView unread = head.first(head.size() - 2);
    const auto nextLine = [&unread] {
        const qsizetype crlf = unread.indexOf('\n') - 1;
        const QByteArrayView line = unread.first(crlf);
        unread = unread.sliced(crlf + 2);
        return line;
    };
    const QByteArrayView firstLine = nextLine();
    const qsizetype methodEnd = firstLine.indexOf(' ');
    const qsizetype targetEnd = methodEnd < 0 ? -1 : firstLine.indexOf(' ', methodEnd + 1);
    if (targetEnd < 0 || firstLine.indexOf(' ', targetEnd + 1) >= 0)
        return bad(QStringLiteral("The request line is not valid HTTP/1.1."));
    const QByteArrayView requestLine[] = {firstLine.first(methodEnd),
                                          firstLine.sliced(methodEnd + 1, targetEnd - methodEnd - 1),
                                          firstLine.sliced(targetEnd + 1)};
    if (!isToken(requestLine[0]) || !isTarget(requestLine[1]) ||
        (requestLine[2] != "HTTP/1.1" && requestLine[2] != "HTTP/1.0"))
        return bad(QStringLiteral("The request line is not valid HTTP/1.1."));
    if (!isKnownMethod(requestLine[0])) {
        refuse(405, QStringLiteral("method-not-allowed"), QStringLiteral("Method not allowed"),
               QStringLiteral("Keyward answers GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS only."));
        return false;
    }
    HttpRequest request;
    request.started.start();
    request.method = requestLine[0].toByteArray();
    request.peer = m_peer;
    request.peerText = m_peerText;
    request.http11 = requestLine[2] == "HTTP/1.1";
    QByteArrayView target = requestLine[1];
    if (target.contains('#'))
        return bad(QStringLiteral("A request target has no fragment."));
    if (target.startsWith("http://") || target.startsWith("https://")) {
        // Absolute-form (RFC 9112 section 3.2.2): the authority is not Keyward's to check, the
        // path after it is read as in origin-form.
        const qsizetype authority = target.indexOf("//") + 2;
        qsizetype pathStart = authority;
        while (pathStart < target.size() && target[pathStart] != '/' && target[pathStart] != '?')
            ++pathStart;
        if (pathStart == authority)
            return bad(QStringLiteral("The request target has no authority."));
        const QByteArrayView rest = target.sliced(pathStart);
        target = rest;
        if (rest.isEmpty() || rest.startsWith('?'))
            request.path = QStringLiteral("/");
    }
    const qsizetype question = target.indexOf('?');
    const QByteArrayView pathPart = question < 0 ? target : target.first(question);
    if (target == "*") {
        if (request.method != "OPTIONS")
            return bad(QStringLiteral("Only OPTIONS applies to the whole server (*)."));
        request.path = QStringLiteral("*");
    } else if (!pathPart.isEmpty() || request.path.isEmpty()) {
        const std::optional<QString> path = decodedPath(pathPart);
        if (!path)
            return bad(QStringLiteral("The request path is ambiguous: no empty or dot segments, encoded "
                                      "slashes or control characters, and UTF-8 only."));
        request.path = *path;
    }
    if (question >= 0) {
        request.rawQuery = target.sliced(question + 1).toByteArray();
        request.query = QUrlQuery(QString::fromLatin1(request.rawQuery));
    }
    std::optional<qint64> contentLength;
    int hosts = 0;
    bool expectContinue = false;
    bool connectionClose = false;
    bool connectionKeepAlive = false;
    unsigned seen = 0;
    while (!unread.isEmpty()) {
        const QByteArrayView line = nextLine();
        if (line.startsWith(' ') || line.startsWith('\t'))
            return bad(QStringLiteral("Folded header lines (obs-fold) are not accepted."));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)) || !isFieldValue(line.sliced(colon + 1)))
            return bad(QStringLiteral("A header line is malformed."));
        const QByteArray name = line.first(colon).toByteArray().toLower();
        const QByteArray value = withoutWhitespace(line.sliced(colon + 1)).toByteArray();
        const unsigned bit = singleValuedBit(name);
        if (bit == TraceparentBit) {
            // W3C Trace Context: more than one is no trace context at all, so the request starts a new trace.
            if (seen & bit)
                request.headers.removeIf([](const auto &header) { return header.first == "traceparent"; });
            else
                request.headers.append({name, value});
            seen |= bit;
            continue;
        }
        if (bit != 0) {
            if (seen & bit)
                return bad(QStringLiteral("The %1 header is given more than once.").arg(QString::fromLatin1(name)));
            seen |= bit;
        }
        if (isListValued(name)) {
            const auto earlier = std::find_if(request.headers.begin(), request.headers.end(),
                                              [&](const auto &header) { return header.first == name; });
            if (earlier != request.headers.end()) {
                earlier->second += ", " + value;
                continue;
            }
        }
        if (name == "host") {
            ++hosts;
        } else if (name == "connection") {
            // A list of tokens (RFC 9110 section 7.6.1), maybe over several lines.
            const QList<QByteArray> options = value.toLower().split(',');
            const auto has = [&](QByteArrayView token) {
                return std::any_of(options.begin(), options.end(),
                                   [&](const QByteArray &o) { return withoutWhitespace(o) == token; });
            };
            connectionClose = connectionClose || has("close");
            connectionKeepAlive = connectionKeepAlive || has("keep-alive");
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
    // "close" wins; HTTP/1.0 closes unless asked not to.
    request.keepAlive = !connectionClose && (request.http11 || connectionKeepAlive);
    // RFC 9112 section 3.2: exactly one Host in HTTP/1.1, at most one before.
    if (hosts > 1 || (hosts == 0 && requestLine[2] == "HTTP/1.1"))
        return bad(QStringLiteral("The request needs exactly one Host header."));
    const qint64 length = contentLength.value_or(0);
    if (length > m_limits.maxBody) {
        refuse(413, QStringLiteral("payload-too-large"), QStringLiteral("Payload too large"),
               QStringLiteral("The body exceeds %1 bytes.").arg(m_limits.maxBody));
        return false;
    }
    // Room for the body grows as it arrives: a header alone must not claim a megabyte.
    request.body.reserve(qMin(length, InitialBodyReserve));
    m_request = std::move(request);
    m_bodyRemaining = length;
    // RFC 9110 section 10.1.1: an HTTP/1.0 client's expectation is ignored, and it gets no 1xx.
    m_expectContinue = expectContinue && length > 0 && m_request.http11;
    return true;
}

} // namespace keyward
