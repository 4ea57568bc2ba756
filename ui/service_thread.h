#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <utility>

namespace keyward {

// A thread of the console's own for service calls that can take longer than a frame (a health
// check, a count over a million rows), so the window never waits on them. Calls run in the order
// given; each result comes back on the GUI thread to `done`, and is dropped if `receiver` is gone
// by then. The thread's database connection and OpenSSL state are released before it ends.
class ServiceThread : public QObject {
    Q_OBJECT
public:
    explicit ServiceThread(QObject *parent = nullptr);
    ~ServiceThread() override;

    template <typename Work, typename Done>
    void run(QObject *receiver, Work work, Done done)
    {
        // The answer goes to this object, on the GUI thread, which outlives every call (its
        // destructor waits for them); only there is it safe to ask whether `receiver` still lives.
        QMetaObject::invokeMethod(
            m_context,
            [self = this, receiver = QPointer<QObject>(receiver), work = std::move(work),
             done = std::move(done)]() mutable {
                auto result = work();
                QMetaObject::invokeMethod(
                    self,
                    [receiver, result = std::move(result), done = std::move(done)]() mutable {
                        if (receiver)
                            done(std::move(result));
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }

private:
    QThread m_thread;
    QObject *m_context; // lives on m_thread: what queued calls run on
};

} // namespace keyward
