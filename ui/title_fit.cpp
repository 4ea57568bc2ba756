#include "title_fit.h"

#include <QDialog>
#include <QFontMetrics>
#include <QGridLayout>
#include <QMessageBox>
#include <QSpacerItem>

namespace keyward {

namespace {

constexpr int DecorationWidth = 140; // icon, close/maximise buttons and margins of a title bar

} // namespace

int titleWidth(const QWidget &window)
{
    QFont bold = window.font();
    bold.setBold(true);
    return QFontMetrics(bold).horizontalAdvance(window.windowTitle()) + DecorationWidth;
}

void fitTitle(QDialog &dialog)
{
    const int width = titleWidth(dialog);
    // A message box fixes its own size from its layout and ignores a minimum width.
    if (auto *box = qobject_cast<QMessageBox *>(&dialog)) {
        if (auto *grid = qobject_cast<QGridLayout *>(box->layout()))
            grid->addItem(new QSpacerItem(width, 0, QSizePolicy::Minimum, QSizePolicy::Fixed), grid->rowCount(), 0, 1,
                          grid->columnCount());
        return;
    }
    dialog.setMinimumWidth(qMax(dialog.minimumWidth(), width));
}

} // namespace keyward
