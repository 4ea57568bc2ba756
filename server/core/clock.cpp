#include "clock.h"

#include <QDateTime>
#include <QString>

#include <chrono>

namespace keyward {

qint64 Clock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

const Clock &Clock::system()
{
    static const Clock clock;
    return clock;
}

bool formatTimeTo(qint64 epochMs, char *out)
{
    // Every user in a list carries several timestamps: the calendar arithmetic is done here rather
    // than by QDateTime::toString, which parses its format and goes through the calendar backends
    // each time (a tenth of a users page's cost).
    constexpr qint64 FirstMs = -62'135'596'800'000; // 0001-01-01T00:00:00.000Z
    constexpr qint64 LastMs = 253'402'300'799'999;  // 9999-12-31T23:59:59.999Z
    if (epochMs < FirstMs || epochMs > LastMs)
        return false;
    using namespace std::chrono;
    const sys_time<milliseconds> at{milliseconds(epochMs)};
    const sys_days day = floor<days>(at);
    const year_month_day date{day};
    const hh_mm_ss time{at - day};
    const auto digits = [&out](unsigned value, int count, char after) {
        for (int i = count - 1; i >= 0; --i, value /= 10)
            out[i] = static_cast<char>('0' + value % 10);
        out[count] = after;
        out += count + 1;
    };
    digits(static_cast<unsigned>(static_cast<int>(date.year())), 4, '-');
    digits(static_cast<unsigned>(date.month()), 2, '-');
    digits(static_cast<unsigned>(date.day()), 2, 'T');
    digits(static_cast<unsigned>(time.hours().count()), 2, ':');
    digits(static_cast<unsigned>(time.minutes().count()), 2, ':');
    digits(static_cast<unsigned>(time.seconds().count()), 2, '.');
    digits(static_cast<unsigned>(time.subseconds().count()), 3, 'Z');
    return true;
}

QString formatTime(qint64 epochMs)
{
    char text[FormattedTimeLength];
    if (formatTimeTo(epochMs, text))
        return QString::fromLatin1(text, FormattedTimeLength);
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

qint64 parseTime(const QString &text)
{
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() && t.timeSpec() != Qt::LocalTime ? t.toMSecsSinceEpoch() : -1;
}

} // namespace keyward
