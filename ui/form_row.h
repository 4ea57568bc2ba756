#pragma once

#include <QString>

class QFormLayout;
class QLayout;
class QWidget;

namespace keyward {

// Adds a row to `form` whose label's mnemonic ("&Name:") moves the focus to `editor`. QFormLayout
// gives its label a buddy only when the field is itself the editor; a field that is a layout or a
// box around the editor (with its error line) would otherwise show a literal "&Name:".
void addFormRow(QFormLayout *form, const QString &label, QWidget *editor, QLayout *field);
void addFormRow(QFormLayout *form, const QString &label, QWidget *editor, QWidget *field);

} // namespace keyward
