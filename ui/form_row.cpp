#include "form_row.h"

#include <QFormLayout>
#include <QLabel>

namespace keyward {

namespace {

QLabel *labelFor(const QString &text, QWidget *editor)
{
    auto *label = new QLabel(text, editor->parentWidget());
    label->setBuddy(editor);
    return label;
}

} // namespace

void addFormRow(QFormLayout *form, const QString &label, QWidget *editor, QLayout *field)
{
    form->addRow(labelFor(label, editor), field);
}

void addFormRow(QFormLayout *form, const QString &label, QWidget *editor, QWidget *field)
{
    form->addRow(labelFor(label, editor), field);
}

} // namespace keyward
