#include "message_banner.h"

namespace keyward {

MessageBanner::MessageBanner(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void MessageBanner::showError(const QString &text)
{
    if (text.isEmpty()) {
        clear();
        return;
    }
    QPalette p = palette();
    p.setColor(QPalette::WindowText, QColor(0xb3, 0x26, 0x1e)); // readable red on light and dark themes
    setPalette(p);
    setText(text);
    show();
}

void MessageBanner::showNote(const QString &text)
{
    setPalette(QPalette());
    setText(text);
    setVisible(!text.isEmpty());
}

void MessageBanner::clear()
{
    QLabel::clear();
    hide();
}

QString describe(const ApiError &error)
{
    return error.detail().isEmpty() ? error.title() : error.detail();
}

} // namespace keyward
