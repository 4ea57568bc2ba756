#include "compression.h"

#include "http_message.h"

#include <QList>

#include <memory>
#include <zlib.h>

namespace keyward {

namespace {

// Level 5 of 9: most of the size of level 9 at a fraction of its cost.
constexpr int Level = 5;
constexpr int GzipWindowBits = 15 + 16; // 32 KiB window, gzip header and trailer

bool compressible(const QByteArray &contentType)
{
    const qsizetype parameters = contentType.indexOf(';');
    const QByteArray type = (parameters < 0 ? contentType : contentType.left(parameters)).trimmed().toLower();
    return type.startsWith("text/") || type == "application/json" || type == "application/problem+json" ||
           type == "application/x-ndjson" || type == "application/jsonl" || type == "application/javascript" ||
           type == "application/yaml" || type == "image/svg+xml";
}

// One deflate stream, fed a part at a time; every part's output is flushed, so that none is empty
// (an empty part would end a streamed body).
class Gzip {
public:
    Gzip()
    {
        m_stream.zalloc = Z_NULL;
        m_stream.zfree = Z_NULL;
        m_stream.opaque = Z_NULL;
        m_ok = deflateInit2(&m_stream, Level, Z_DEFLATED, GzipWindowBits, 8, Z_DEFAULT_STRATEGY) == Z_OK;
    }
    ~Gzip()
    {
        if (m_ok)
            deflateEnd(&m_stream);
    }
    Gzip(const Gzip &) = delete;
    Gzip &operator=(const Gzip &) = delete;

    bool ok() const { return m_ok; }

    // The compressed form of `part`; with `last`, the end of the stream too.
    QByteArray feed(const QByteArray &part, bool last)
    {
        QByteArray out;
        m_stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(part.constData()));
        m_stream.avail_in = static_cast<uInt>(part.size());
        const int flush = last ? Z_FINISH : Z_SYNC_FLUSH;
        int status = Z_OK;
        do {
            char buffer[16384];
            m_stream.next_out = reinterpret_cast<Bytef *>(buffer);
            m_stream.avail_out = sizeof buffer;
            status = deflate(&m_stream, flush);
            if (status == Z_STREAM_ERROR) {
                m_ok = false;
                return {};
            }
            out.append(buffer, qsizetype(sizeof buffer - m_stream.avail_out));
        } while (m_stream.avail_out == 0 || (last && status != Z_STREAM_END));
        return out;
    }

private:
    z_stream m_stream{};
    bool m_ok = false;
};

} // namespace

bool acceptsGzip(const QByteArray &acceptEncoding)
{
    std::optional<bool> wildcard;
    for (const QByteArray &item : acceptEncoding.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        const QByteArray coding = parts.first().trimmed().toLower();
        double q = 1.0;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts[i].trimmed().toLower();
            if (parameter.startsWith("q="))
                q = parameter.mid(2).toDouble();
        }
        if (coding == "gzip" || coding == "x-gzip")
            return q > 0;
        if (coding == "*" && !wildcard)
            wildcard = q > 0;
    }
    return wildcard.value_or(false);
}

void compressForClient(const HttpRequest &request, HttpResponse &response)
{
    const bool streamed = bool(response.stream);
    // Only what GET reads: the answers that carry credentials (logins, refreshes, new keys, second
    // factors) come from POST, and a compressed secret beside text an attacker chose leaks through
    // its length (BREACH). The provider's pages are read by GET but hold the browser's anti-forgery
    // token beside the request's own parameters: never compressed.
    if (request.method != "GET" || request.path.startsWith(QLatin1String("/oauth2/")) || response.status == 204 ||
        response.status == 304 || (!streamed && response.body.size() < MinCompressedBytes) ||
        !response.header("Content-Encoding").isEmpty() || !compressible(response.header("Content-Type")))
        return;
    // Whether or not this client gets gzip, another may: caches must keep them apart.
    const QByteArray vary = response.header("Vary");
    response.setHeader("Vary", vary.isEmpty() ? QByteArray("Accept-Encoding") : vary + ", Accept-Encoding");
    if (!acceptsGzip(request.header("accept-encoding")))
        return;
    auto gzip = std::make_shared<Gzip>();
    if (!gzip->ok())
        return;
    if (!streamed) {
        QByteArray compressed = gzip->feed(response.body, true);
        if (!gzip->ok())
            return;
        response.body = std::move(compressed);
    } else {
        response.body = gzip->feed(response.body, false);
        response.stream = [gzip, next = std::move(response.stream),
                           ended = false]() mutable -> std::optional<QByteArray> {
            if (ended)
                return QByteArray();
            std::optional<QByteArray> part = next();
            if (!part)
                return std::nullopt; // broken off: so is the compressed body
            ended = part->isEmpty();
            QByteArray out = gzip->feed(*part, ended);
            if (!gzip->ok())
                return std::nullopt;
            return out;
        };
    }
    response.setHeader("Content-Encoding", "gzip");
}

} // namespace keyward
