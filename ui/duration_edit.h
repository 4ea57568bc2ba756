#pragma once

#include "focused_wheel.h"

#include <QWidget>

namespace keyward {

// A duration as an amount and a unit (seconds, minutes, hours, days), held in seconds: "15 minutes"
// rather than "900". A value shows in the largest unit that states it exactly; choosing another
// unit only changes how it shows ("≈ 0 hours" for 15 minutes) until the amount is edited.
class DurationEdit : public QWidget {
    Q_OBJECT
public:
    explicit DurationEdit(QWidget *parent = nullptr);

    void setRange(qint64 minSeconds, qint64 maxSeconds);
    qint64 seconds() const;
    void setSeconds(qint64 seconds);

    SpinBox &amount() { return *m_amount; }
    ComboBox &unit() { return *m_unit; }

Q_SIGNALS:
    void changed();

private:
    qint64 unitSeconds() const;
    // The amount's range in the current unit: the whole units within [min, max].
    void fitRange();
    void showExact();

    SpinBox *m_amount;
    ComboBox *m_unit;
    qint64 m_min = 0;
    qint64 m_max = 0;
    qint64 m_seconds = 0; // the duration, as last set or as the amount was last edited
};

} // namespace keyward
