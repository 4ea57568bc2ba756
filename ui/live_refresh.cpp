#include "live_refresh.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace keyward {

namespace {

// Starts the timer (after `onShow`) when the panel is shown and stops it when it is hidden.
class ShowWatcher : public QObject {
public:
    ShowWatcher(QWidget *panel, QTimer *timer, std::function<void()> onShow)
        : QObject(panel)
        , m_timer(timer)
        , m_onShow(std::move(onShow))
    {
        panel->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show) {
            m_onShow();
            m_timer->start();
        } else if (event->type() == QEvent::Hide) {
            m_timer->stop();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QTimer *m_timer;
    std::function<void()> m_onShow;
};

} // namespace

QTimer *refreshWhileShown(QWidget *panel, int intervalMs, std::function<void()> onShow, std::function<void()> onTick)
{
    auto *timer = new QTimer(panel);
    timer->setInterval(intervalMs);
    QObject::connect(timer, &QTimer::timeout, panel, [panel, timer, onTick = std::move(onTick)] {
        if (panel->isVisible())
            onTick();
        else
            timer->stop(); // hidden with its window, which sends the panel no Hide of its own
    });
    new ShowWatcher(panel, timer, std::move(onShow));
    return timer;
}

} // namespace keyward
