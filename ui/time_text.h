#pragma once

#include <QCoreApplication>
#include <QString>

namespace keyward {

// Times as the console shows them: local, in the user's locale.
class TimeText {
    Q_DECLARE_TR_FUNCTIONS(TimeText)
public:
    // A moment (epoch ms); `none` when 0.
    static QString at(qint64 ms, const QString &none = {});
    // How long ago (epoch ms), in the largest whole unit: "3 days ago".
    static QString ago(qint64 ms, qint64 nowMs);
};

} // namespace keyward
