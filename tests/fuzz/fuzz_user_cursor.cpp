// The opaque ?cursor= of the users list, as a client may send anything.
#include "store/user_cursor.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromLatin1(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto cursor = keyward::UserCursor::decode(text);
    if (!cursor)
        return 0;
    // What decodes encodes back to something that decodes the same.
    const auto again = keyward::UserCursor::decode(cursor->encode());
    if (!again || again->sort != cursor->sort || again->id != cursor->id || again->before != cursor->before ||
        again->key != cursor->key)
        std::abort();
    return 0;
}
