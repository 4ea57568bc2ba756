#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;
class QToolButton;

namespace keyward {

class MetricsSampler;
class MetricsPanel;
class Node;
class UsersPanel;

// The console: a sidebar of panels over the running node, and a status bar with its address,
// state, load and database.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(Node &node, MetricsSampler &sampler, QWidget *parent = nullptr);

    UsersPanel &users() { return *m_users; }
    MetricsPanel &metrics() { return *m_metrics; }
    QToolButton &urlButton() { return *m_url; }
    // Shows the panel at `index` in the sidebar.
    void showPanel(int index);

private:
    void updateState();

    Node &m_node;
    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    UsersPanel *m_users;
    MetricsPanel *m_metrics;
    QToolButton *m_url;
    QLabel *m_state;
    QLabel *m_load;
    QLabel *m_database;
};

} // namespace keyward
