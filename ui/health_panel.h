#pragma once

#include <QWidget>

class QLabel;
class QTimer;
class QTreeWidget;

namespace keyward {

class HealthService;

// Health: every component's state, reason and details, checked every two seconds while shown.
class HealthPanel : public QWidget {
    Q_OBJECT
public:
    explicit HealthPanel(HealthService &health, QWidget *parent = nullptr);

    QTreeWidget &components() { return *m_tree; }
    QString overall() const;

public Q_SLOTS:
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    HealthService &m_health;
    QLabel *m_overall;
    QTreeWidget *m_tree;
    QTimer *m_timer;
};

} // namespace keyward
