#include "health_panel.h"

#include "alert_monitor.h"
#include "time_text.h"
#include "tone.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace keyward {

namespace {

using Health = HealthComponent::Status;

Tone toneOf(Health status)
{
    switch (status) {
    case Health::Ok:
        return Tone::Good;
    case Health::Degraded:
        return Tone::Warning;
    case Health::Failing:
        break;
    }
    return Tone::Bad;
}

QString statusText(Health status)
{
    switch (status) {
    case Health::Ok:
        return HealthPanel::tr("OK");
    case Health::Degraded:
        return HealthPanel::tr("Degraded");
    case Health::Failing:
        break;
    }
    return HealthPanel::tr("Failing");
}

QString valueText(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Bool:
        return v.toBool() ? HealthPanel::tr("yes") : HealthPanel::tr("no");
    case QMetaType::Double:
        return QLocale().toString(v.toDouble(), 'g', 12);
    case QMetaType::Int:
    case QMetaType::LongLong:
        return QLocale().toString(v.toLongLong());
    default:
        return v.toString();
    }
}

} // namespace

HealthPanel::HealthPanel(AlertMonitor &monitor, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_overall(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_timer(new QTimer(this))
{
    QFont big = m_overall->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_overall->setFont(big);
    m_tree->setHeaderLabels({tr("Component"), tr("State"), tr("Reason"), tr("Checked")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    auto *refreshButton = new QPushButton(tr("Check &now"), this);
    connect(refreshButton, &QPushButton::clicked, this, &HealthPanel::refresh);
    auto *top = new QHBoxLayout;
    top->addWidget(m_overall, 1);
    top->addWidget(refreshButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tree, 1);
    m_timer->setInterval(2000);
    connect(m_timer, &QTimer::timeout, this, &HealthPanel::refresh);
    connect(&m_monitor, &AlertMonitor::checked, this, [this] { showReport(*m_monitor.lastReport()); });
}

bool HealthPanel::checking() const
{
    return m_monitor.checking();
}

QString HealthPanel::overall() const
{
    return m_overall->text();
}

void HealthPanel::showEvent(QShowEvent *event)
{
    if (m_monitor.lastReport())
        showReport(*m_monitor.lastReport());
    refresh();
    m_timer->start();
    QWidget::showEvent(event);
}

void HealthPanel::hideEvent(QHideEvent *event)
{
    m_timer->stop();
    QWidget::hideEvent(event);
}

void HealthPanel::refresh()
{
    m_monitor.check();
}

void HealthPanel::showReport(const HealthService::Report &report)
{
    const QString checked = TimeText::at(QDateTime::currentMSecsSinceEpoch());
    m_overall->setText(tr("Overall: %1").arg(statusText(report.status)));
    QPalette p = m_overall->palette();
    p.setColor(QPalette::WindowText, toneColour(toneOf(report.status), palette()));
    m_overall->setPalette(p);

    // Update rows in place, so expanded components stay expanded from one check to the next.
    for (const HealthComponent &c : report.components) {
        const auto found = m_tree->findItems(c.name, Qt::MatchExactly);
        QTreeWidgetItem *item = found.isEmpty() ? new QTreeWidgetItem(m_tree, {c.name}) : found.first();
        item->setText(1, statusText(c.status));
        item->setForeground(1, toneColour(toneOf(c.status), m_tree->palette()));
        item->setText(2, c.reason);
        item->setText(3, checked);
        qDeleteAll(item->takeChildren());
        for (const auto &[name, value] : c.details)
            new QTreeWidgetItem(item, {name, valueText(value)});
    }
}

} // namespace keyward
