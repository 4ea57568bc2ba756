#pragma once

#include <QString>

namespace keyward {

// UUIDv7 (RFC 9562): 48-bit Unix milliseconds then random bits, so ids sort by creation time
// and B-tree inserts stay append-mostly.
QString newId(qint64 nowMs);
// A W3C Trace Context trace id: 32 lower-case hex digits of random bits.
QString newTraceId();
// Canonical lower-case hyphenated UUID text; anything else is not an id of ours.
bool isValidId(const QString &text);

} // namespace keyward
