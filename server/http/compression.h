#pragma once

#include <QByteArray>

namespace keyward {

struct HttpRequest;
struct HttpResponse;

// Whether an Accept-Encoding value accepts gzip (RFC 9110 §12.5.3: "gzip" or "*" with q above 0,
// the first mention winning).
bool acceptsGzip(const QByteArray &acceptEncoding);

// Gzips a response to GET (RFC 1952) when the client accepts it and it is worth it: a compressible type
// (JSON, text, CSV, JSON Lines, HTML, JavaScript, SVG) of at least MinBytes, or a streamed body
// (exports), gzipped part by part as the client takes it. Adds Content-Encoding and marks the
// response as varying by Accept-Encoding; anything else stays as it is.
void compressForClient(const HttpRequest &request, HttpResponse &response);

// Smaller bodies gain too little for the CPU.
inline constexpr qsizetype MinCompressedBytes = 1024;

} // namespace keyward
