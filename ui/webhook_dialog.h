#pragma once

#include "core/webhook.h"
#include "form_dialog.h"

class QCheckBox;
class QLineEdit;

namespace keyward {

class CheckList;

// An endpoint told of audit events: new, or an existing one changed. The events are chosen from
// every audit action, the "prefix.*" groups and "*".
class WebhookDialog : public FormDialog {
    Q_OBJECT
public:
    using Item = Webhook;
    using Save = std::function<std::optional<ApiError>(const Webhook &webhook)>;
    WebhookDialog(const Webhook *existing, Save save, QWidget *parent = nullptr);

    // What the form says, in the fields a webhook has.
    Webhook webhook() const;
    // What the event list offers: "*", each "prefix.*", then each action.
    static QStringList eventChoices();

private:
    QLineEdit *m_url;
    QLineEdit *m_description;
    CheckList *m_events;
    QCheckBox *m_enabled;
};

} // namespace keyward
