#include "console.h"

#include "main_window.h"
#include "node.h"
#include "observe/metrics_sampler.h"
#include "services/services.h"

#include <QApplication>
#include <QMessageBox>

namespace keyward::ui {

int runConsole(const Config &config)
{
    Node node(config);
    auto failure = node.open();
    if (!failure)
        failure = node.serve();
    if (failure) {
        QMessageBox::critical(nullptr, QObject::tr("Keyward"),
                              QObject::tr("Keyward could not start:\n\n%1").arg(failure->message));
        return failure->exitCode;
    }
    MetricsSampler sampler(node.services().metrics().registry);
    sampler.start();
    MainWindow window(node, sampler);
    window.show();
    const int rc = QApplication::exec();
    sampler.stop();
    node.shutdown(10'000);
    return rc;
}

} // namespace keyward::ui
