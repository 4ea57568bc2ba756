#pragma once

#include "core/api_error.h"

#include <QDialog>
#include <QHash>

#include <functional>
#include <optional>

class QFormLayout;

namespace keyward {

class MessageBanner;

// A dialog whose form the service validates: on Save the subclass's values go to the service; its
// field errors appear under the fields they name and the dialog stays open until it accepts.
class FormDialog : public QDialog {
    Q_OBJECT
public:
    using Save = std::function<std::optional<ApiError>()>;

    // The message under `field`, or the general one for an empty field name.
    QString errorText(const QString &field = {}) const;
    void accept() override;

protected:
    FormDialog(Save save, QWidget *parent);
    // Adds a row whose errors are those the service reports for `field`; names the widget after it.
    void addField(const QString &label, QWidget *widget, const QString &field);
    void addRow(QWidget *widget);
    // Call last: the general error line and Save/Cancel.
    void finishLayout(const QString &saveText = {});

private:
    void showError(const ApiError &error);

    Save m_save;
    QFormLayout *m_form;
    MessageBanner *m_general;
    QHash<QString, MessageBanner *> m_fieldErrors;
};

} // namespace keyward
