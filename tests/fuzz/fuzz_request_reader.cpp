// The HTTP/1.1 request reader, fed arbitrary bytes in arbitrary pieces.
#include "http/request_reader.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype piece = data[0] % 23 + 1; // the first byte chooses how the stream is cut
    QByteArrayView rest(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size) - 1);
    keyward::RequestReader reader({4096, 2048}, QHostAddress(QHostAddress::LocalHost));
    while (!rest.isEmpty()) {
        QByteArrayView chunk = rest.first(qMin(piece, rest.size()));
        rest = rest.sliced(chunk.size());
        while (!chunk.isEmpty()) {
            switch (reader.read(chunk)) {
            case keyward::RequestReader::Outcome::Request: {
                const keyward::HttpRequest request = reader.takeRequest();
                if (request.method.isEmpty() || request.body.size() > 4096)
                    std::abort(); // a request the reader must never let through
                break;
            }
            case keyward::RequestReader::Outcome::Refused: {
                // Each refusal is a client error the reader names; anything else is a bug.
                const int status = reader.refusal().status();
                if (status != 400 && status != 405 && status != 411 && status != 413 && status != 431)
                    std::abort();
                return 0;
            }
            case keyward::RequestReader::Outcome::NeedMore:
                if (!chunk.isEmpty())
                    std::abort(); // NeedMore takes everything
                break;
            }
        }
    }
    return 0;
}
