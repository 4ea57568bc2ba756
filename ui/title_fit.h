#pragma once

class QDialog;
class QWidget;

namespace keyward {

// The width a window needs for its whole title to show: the title in a bold variant of the
// window's font (title bars are usually bold) plus room for the window manager's icon and buttons.
int titleWidth(const QWidget &window);

// Keeps `dialog` at least titleWidth() wide, so "Add role 'auditor' to 1,234 users?" is not cut to
// "Add role 'aud…". Call it once the title and contents are set (a QMessageBox rebuilds its layout
// when its text changes).
void fitTitle(QDialog &dialog);

} // namespace keyward
