#pragma once

#include "core/api_error.h"

#include <QLabel>

namespace keyward {

// A one-line (wrapping) message under a form or above a table: an error in a readable red, or a
// neutral note. Hidden while there is nothing to say, so text() reads empty then.
class MessageBanner : public QLabel {
    Q_OBJECT
public:
    explicit MessageBanner(QWidget *parent = nullptr);

    void showError(const QString &text);
    void showNote(const QString &text);
    void clear();
    // The text on show; empty while hidden.
    QString shownText() const { return isHidden() ? QString() : text(); }
};

// An error as the service words it: its detail, else its title.
QString describe(const ApiError &error);

} // namespace keyward
