#include "check_list.h"

namespace keyward {

CheckList::CheckList(const QStringList &names, const QStringList &checked, QWidget *parent)
    : QListWidget(parent)
{
    for (const QString &name : names) {
        auto *item = new QListWidgetItem(name, this);
        item->setCheckState(checked.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
    const int rows = qBound(3, int(names.size()), 8);
    setMaximumHeight(sizeHintForRow(0) * rows + 2 * frameWidth());
}

QStringList CheckList::checked() const
{
    QStringList names;
    for (int i = 0; i < count(); ++i)
        if (item(i)->checkState() == Qt::Checked)
            names << item(i)->text();
    return names;
}

void CheckList::setChecked(const QString &name, bool on)
{
    for (QListWidgetItem *i : findItems(name, Qt::MatchExactly))
        i->setCheckState(on ? Qt::Checked : Qt::Unchecked);
}

} // namespace keyward
