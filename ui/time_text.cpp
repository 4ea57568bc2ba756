#include "time_text.h"

#include <QDateTime>
#include <QLocale>

namespace keyward {

QString TimeText::at(qint64 ms, const QString &none)
{
    if (ms <= 0)
        return none;
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), QLocale::ShortFormat);
}

QString TimeText::ago(qint64 ms, qint64 nowMs)
{
    const qint64 minutes = qMax<qint64>(0, nowMs - ms) / 60'000;
    if (minutes < 1)
        return tr("just now");
    if (minutes < 60)
        return tr("%n minute(s) ago", nullptr, int(minutes));
    if (minutes < 48 * 60)
        return tr("%n hour(s) ago", nullptr, int(minutes / 60));
    return tr("%n day(s) ago", nullptr, int(minutes / (24 * 60)));
}

} // namespace keyward
