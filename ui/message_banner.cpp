#include "message_banner.h"

#include "tone.h"

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
    QPalette p = QPalette();
    p.setColor(QPalette::WindowText, toneColour(Tone::Bad, p));
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
