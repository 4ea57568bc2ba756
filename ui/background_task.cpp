#include "background_task.h"

#include "services/services.h"

#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

namespace keyward {

QStringList BackgroundTask::run(QWidget *parent, const QString &label, int count,
                                const std::function<QString(int)> &step)
{
    QStringList outcomes(count);
    std::atomic<int> done{0};
    std::atomic<bool> cancelled{false};
    std::unique_ptr<QThread> worker(QThread::create([&] {
        for (int i = 0; i < count && !cancelled; ++i) {
            outcomes[i] = step(i);
            ++done;
        }
        // The steps opened a database connection and OpenSSL state for this thread: let them go
        // while it still runs.
        Services::releaseThread();
    }));
    QEventLoop loop;
    bool finished = false; // set on this thread when the worker's finished() arrives
    QObject::connect(worker.get(), &QThread::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    worker->start();

    // Short work should not flash a dialog: wait a moment with input held back (not dropped).
    QTimer grace;
    grace.setSingleShot(true);
    QObject::connect(&grace, &QTimer::timeout, &loop, &QEventLoop::quit);
    grace.start(300);
    loop.exec(QEventLoop::ExcludeUserInputEvents);

    if (!finished) {
        QProgressDialog progress(label, QObject::tr("Cancel"), 0, count, parent);
        progress.setWindowModality(Qt::ApplicationModal);
        progress.setMinimumDuration(0);
        progress.setAutoClose(false);
        progress.setAutoReset(false);
        QObject::connect(&progress, &QProgressDialog::canceled, [&] {
            cancelled = true;
            progress.setLabelText(QObject::tr("Cancelling after the current item…"));
        });
        QTimer tick;
        QObject::connect(&tick, &QTimer::timeout, [&] { progress.setValue(done); });
        tick.start(50);
        progress.show();
        if (!finished)
            loop.exec();
    }
    worker->wait();
    outcomes.resize(done);
    return outcomes;
}

} // namespace keyward
