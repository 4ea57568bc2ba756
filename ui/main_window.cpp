#include "main_window.h"

#include "core/principal.h"
#include "metrics_panel.h"
#include "node.h"
#include "observe/metrics_sampler.h"
#include "services/services.h"
#include "users_panel.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>

namespace keyward {

MainWindow::MainWindow(Node &node, MetricsSampler &sampler, QWidget *parent)
    : QMainWindow(parent)
    , m_node(node)
    , m_sidebar(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_users(new UsersPanel(node.services(), Principal::gui(), this))
    , m_metrics(new MetricsPanel(sampler, this))
    , m_url(new QToolButton(this))
    , m_state(new QLabel(this))
    , m_load(new QLabel(this))
    , m_database(new QLabel(node.database().kindName(), this))
{
    setWindowTitle(tr("Keyward"));
    const auto addPanel = [this](const QString &name, QWidget *panel) {
        m_sidebar->addItem(name);
        m_stack->addWidget(panel);
    };
    addPanel(tr("Users"), m_users);
    addPanel(tr("Metrics"), m_metrics);
    m_sidebar->setFixedWidth(m_sidebar->sizeHintForColumn(0) + 48);
    connect(m_sidebar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_sidebar->setCurrentRow(0);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_url->setAutoRaise(true);
    m_url->setToolTip(tr("Copy the address"));
    connect(m_url, &QToolButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_node.url());
        statusBar()->showMessage(tr("Address copied"), 2000);
    });
    statusBar()->addPermanentWidget(m_url);
    statusBar()->addPermanentWidget(m_state);
    statusBar()->addPermanentWidget(m_load);
    statusBar()->addPermanentWidget(m_database);
    connect(&node, &Node::stateChanged, this, &MainWindow::updateState);
    connect(&sampler, &MetricsSampler::sampled, this,
            [this](const MetricsPoint &p) { m_load->setText(tr("%1 req/s").arg(p.requestsPerSecond, 0, 'f', 1)); });
    updateState();
    resize(1100, 700);
}

void MainWindow::showPanel(int index)
{
    m_sidebar->setCurrentRow(index);
}

void MainWindow::updateState()
{
    m_url->setText(m_node.url().isEmpty() ? tr("not listening") : m_node.url());
    switch (m_node.state()) {
    case Node::State::Serving:
        m_state->setText(tr("Serving"));
        break;
    case Node::State::Starting:
        m_state->setText(tr("Starting"));
        break;
    case Node::State::Draining:
        m_state->setText(tr("Draining"));
        break;
    case Node::State::Failed:
        m_state->setText(tr("Failed"));
        break;
    case Node::State::Stopped:
        m_state->setText(tr("Stopped"));
        break;
    }
}

} // namespace keyward
