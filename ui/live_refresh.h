#pragma once

#include <functional>

class QTimer;
class QWidget;

namespace keyward {

// Keeps a panel current with what the API or another node changed: `onShow` runs each time the
// panel is shown, `onTick` every `intervalMs` while it stays shown; hidden, nothing runs. Returns
// the timer (a child of `panel`), e.g. for a test to shorten its interval.
QTimer *refreshWhileShown(QWidget *panel, int intervalMs, std::function<void()> onShow, std::function<void()> onTick);

} // namespace keyward
