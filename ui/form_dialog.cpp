#include "form_dialog.h"

#include "form_row.h"
#include "message_banner.h"
#include "title_fit.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace keyward {

FormDialog::FormDialog(Save save, QWidget *parent)
    : QDialog(parent)
    , m_save(std::move(save))
    , m_form(new QFormLayout)
    , m_general(new MessageBanner(this))
{
}

void FormDialog::addField(const QString &label, QWidget *widget, const QString &field)
{
    auto *box = new QVBoxLayout;
    box->setContentsMargins(0, 0, 0, 0);
    box->addWidget(widget);
    auto *error = new MessageBanner(this);
    error->setObjectName(QStringLiteral("fieldError"));
    box->addWidget(error);
    m_fieldErrors.insert(field, error);
    if (widget->objectName().isEmpty())
        widget->setObjectName(field);
    addFormRow(m_form, label, widget, box);
}

void FormDialog::addRow(QWidget *widget)
{
    m_form->addRow(QString(), widget);
}

void FormDialog::finishLayout(const QString &saveText)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    if (saveText.isEmpty())
        buttons->addButton(QDialogButtonBox::Save);
    else
        buttons->addButton(saveText, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &FormDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FormDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_general);
    layout->addWidget(buttons);
    fitTitle(*this);
}

QString FormDialog::errorText(const QString &field) const
{
    const MessageBanner *banner = field.isEmpty() ? m_general : m_fieldErrors.value(field);
    return banner ? banner->shownText() : QString();
}

void FormDialog::accept()
{
    for (MessageBanner *banner : std::as_const(m_fieldErrors))
        banner->clear();
    m_general->clear();
    if (const auto error = m_save()) {
        showError(*error);
        return;
    }
    QDialog::accept();
}

void FormDialog::showError(const ApiError &error)
{
    QStringList unplaced;
    for (const FieldError &e : error.fieldErrors()) {
        // Errors inside a collection name the element ("attributes.colour", "scopes[2]"): shown under it.
        const QString field = e.field.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('['), 0, 0);
        if (MessageBanner *banner = m_fieldErrors.value(e.field, m_fieldErrors.value(field)))
            banner->showError(banner->shownText().isEmpty() ? e.message
                                                            : banner->text() + QLatin1Char('\n') + e.message);
        else
            unplaced << e.message;
    }
    if (error.fieldErrors().isEmpty() || !unplaced.isEmpty())
        m_general->showError(unplaced.isEmpty() ? describe(error) : unplaced.join(QLatin1Char('\n')));
}

} // namespace keyward
