#include "duration_edit.h"

#include <QHBoxLayout>

#include <array>
#include <limits>

namespace keyward {

namespace {

constexpr std::array<qint64, 4> UnitSeconds{1, 60, 3600, 86400};

} // namespace

DurationEdit::DurationEdit(QWidget *parent)
    : QWidget(parent)
    , m_amount(new SpinBox(this))
    , m_unit(new ComboBox(this))
{
    m_unit->addItems({tr("seconds"), tr("minutes"), tr("hours"), tr("days")});
    m_amount->setGroupSeparatorShown(true);
    m_amount->setAccessibleName(tr("Amount"));
    m_unit->setAccessibleName(tr("Unit"));
    setFocusProxy(m_amount);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_amount, 1);
    layout->addWidget(m_unit);
    connect(m_amount, &QSpinBox::valueChanged, this, [this] {
        m_seconds = qint64(m_amount->value()) * unitSeconds();
        showExact();
        Q_EMIT changed();
    });
    connect(m_unit, &QComboBox::currentIndexChanged, this, [this] {
        // Another unit shows the duration as near as it can, and changes nothing by itself: the
        // duration stays what it was until the amount is edited in the new unit.
        const QSignalBlocker quiet(m_amount);
        fitRange();
        const qint64 nearest = (m_seconds + unitSeconds() / 2) / unitSeconds();
        m_amount->setValue(int(qBound(qint64(m_amount->minimum()), nearest, qint64(m_amount->maximum()))));
        showExact();
    });
}

void DurationEdit::setRange(qint64 minSeconds, qint64 maxSeconds)
{
    m_min = minSeconds;
    m_max = maxSeconds;
    fitRange();
}

qint64 DurationEdit::unitSeconds() const
{
    return UnitSeconds.at(qBound(0, m_unit->currentIndex(), int(UnitSeconds.size()) - 1));
}

void DurationEdit::fitRange()
{
    const qint64 unit = unitSeconds();
    const qint64 low = (m_min + unit - 1) / unit;
    const qint64 high = qMax(low, m_max / unit);
    m_amount->setRange(int(qMin<qint64>(low, std::numeric_limits<int>::max())),
                       int(qMin<qint64>(high, std::numeric_limits<int>::max())));
}

qint64 DurationEdit::seconds() const
{
    return m_seconds;
}

void DurationEdit::showExact()
{
    // When the unit cannot state the duration exactly, the amount is rounded: say what it is.
    const bool exact = m_seconds == qint64(m_amount->value()) * unitSeconds();
    m_amount->setToolTip(exact ? QString() : tr("%Ln second(s)", nullptr, int(m_seconds)));
    m_amount->setPrefix(exact ? QString() : QStringLiteral("≈ "));
}

void DurationEdit::setSeconds(qint64 seconds)
{
    int unit = 0;
    for (int i = int(UnitSeconds.size()) - 1; i > 0; --i)
        if (seconds > 0 && seconds % UnitSeconds.at(i) == 0) {
            unit = i;
            break;
        }
    {
        const QSignalBlocker quietUnit(m_unit);
        const QSignalBlocker quietAmount(m_amount);
        m_unit->setCurrentIndex(unit);
        fitRange();
        m_amount->setValue(int(seconds / UnitSeconds.at(unit)));
    }
    m_seconds = seconds;
    showExact();
    Q_EMIT changed();
}

} // namespace keyward
