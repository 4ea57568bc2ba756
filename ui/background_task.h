#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QWidget;

namespace keyward {

// Work too slow for the GUI thread (password hashing, bulk changes, exports) runs on a thread of its
// own. Quick work finishes unseen; after a moment a modal progress dialog with Cancel appears. The
// services are thread-safe and the worker gets its own database connection.
class BackgroundTask {
public:
    // Runs step(0) … step(count - 1) in order on a worker thread; each returns its error text, empty
    // on success. Cancel stops before the next step. Returns the outcomes of the steps that ran.
    static QStringList run(QWidget *parent, const QString &label, int count, const std::function<QString(int)> &step);
};

} // namespace keyward
