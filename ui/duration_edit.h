#pragma once

#include "focused_wheel.h"

#include <QWidget>

namespace keyward {

// A duration as an amount and a unit (seconds, minutes, hours, days), held in seconds: "15 minutes"
// rather than "900". A value shows in the largest unit that states it exactly.
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

    SpinBox *m_amount;
    ComboBox *m_unit;
    qint64 m_min = 0;
    qint64 m_max = 0;
    qint64 m_seconds = 0; // as last set or edited: what a change of unit converts
};

} // namespace keyward
