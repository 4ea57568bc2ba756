#pragma once

#include <QComboBox>
#include <QSpinBox>
#include <QWheelEvent>

#include <utility>

namespace keyward {

// An editor that takes the mouse wheel only while it has the keyboard focus. Scrolling a form must
// scroll the form: a wheel turned over a spin box on the way down must not change a security
// setting. Unfocused, the wheel goes on to the scroll area around it.
template <typename Editor>
class FocusedWheel : public Editor {
public:
    template <typename... Args>
    explicit FocusedWheel(Args &&...args)
        : Editor(std::forward<Args>(args)...)
    {
        // Qt's default for these (WheelFocus) hands the focus to whatever the wheel passes over.
        this->setFocusPolicy(Qt::StrongFocus);
    }

protected:
    void wheelEvent(QWheelEvent *event) override
    {
        if (this->hasFocus())
            Editor::wheelEvent(event);
        else
            event->ignore();
    }
};

using SpinBox = FocusedWheel<QSpinBox>;
using ComboBox = FocusedWheel<QComboBox>;

} // namespace keyward
