// The opaque ?cursor= of the users list, as a client may send anything.
#include "crypto/digest.h"
#include "store/user_cursor.h"

#include <cstdint>
#include <cstdlib>

namespace {

void check(const QString &text)
{
    const auto cursor = keyward::UserCursor::decode(text);
    if (!cursor)
        return;
    // What decodes encodes back to something that decodes the same.
    const auto again = keyward::UserCursor::decode(cursor->encode());
    if (!again || again->sort != cursor->sort || again->id != cursor->id || again->before != cursor->before ||
        again->key != cursor->key)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    check(QString::fromLatin1(bytes));
    // The same bytes as the JSON inside a cursor, so the fuzzer reaches the fields, not just base64.
    check(QString::fromLatin1(keyward::crypto::base64Url(bytes)));
    return 0;
}
