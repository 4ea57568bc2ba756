#pragma once

#include <QtGlobal>

namespace keyward {

// The time source of every rule that depends on time (token expiry, lockout, TOTP steps),
// so tests can move time instead of sleeping.
class Clock {
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const;
    qint64 nowSeconds() const { return nowMs() / 1000; }

    static const Clock &system();
};

// RFC 3339 UTC with milliseconds, e.g. 2026-01-02T03:04:05.678Z.
QString formatTime(qint64 epochMs);
// formatTime's text for years 1 to 9999 (FormattedTimeLength ASCII characters) written to `out`;
// false, with nothing written, for any other time.
constexpr int FormattedTimeLength = 24;
bool formatTimeTo(qint64 epochMs, char *out);
// Parses RFC 3339 (any offset); returns -1 when the text is not a valid timestamp.
qint64 parseTime(const QString &text);

} // namespace keyward
