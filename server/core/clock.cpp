#include "clock.h"

#include <QDateTime>
#include <QString>

#include <chrono>
#include <cstdio>

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

QString formatTime(qint64 epochMs)
{
    // Every user in a list carries several timestamps: the calendar arithmetic is done here rather
    // than by QDateTime::toString, which parses its format and goes through the calendar backends
    // each time (a tenth of a users page's cost).
    // Years 1 to 9999, what four digits hold; anything else the slow way, as before.
    constexpr qint64 FirstMs = -62'135'596'800'000;
    constexpr qint64 LastMs = 253'402'300'799'999;
    if (epochMs < FirstMs || epochMs > LastMs)
        return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    using namespace std::chrono;
    const sys_time<milliseconds> at{milliseconds(epochMs)};
    const sys_days day = floor<days>(at);
    const year_month_day date{day};
    const int year = static_cast<int>(date.year());
    const hh_mm_ss time{at - day};
    char text[32];
    const int n = std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", year,
                                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                                static_cast<int>(time.seconds().count()), static_cast<int>(time.subseconds().count()));
    return QString::fromLatin1(text, n);
}

qint64 parseTime(const QString &text)
{
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() && t.timeSpec() != Qt::LocalTime ? t.toMSecsSinceEpoch() : -1;
}

} // namespace keyward
