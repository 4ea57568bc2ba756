#pragma once

#include "core/oauth_client.h"
#include "form_dialog.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace keyward {

class CheckList;

// An application that signs users in through Keyward: new, or an existing one changed (its type is
// chosen once). Keys for private_key_jwt, token lifetimes and post-logout URIs are set through the
// API; changing a client here keeps them.
class ClientDialog : public FormDialog {
    Q_OBJECT
public:
    using Item = OAuthClient;
    using Save = std::function<std::optional<ApiError>(const OAuthClient &client)>;
    ClientDialog(const OAuthClient *existing, Save save, QWidget *parent = nullptr);

    // What the form says, in the fields a client has.
    OAuthClient client() const;

private:
    void typeChanged();

    QLineEdit *m_name;
    QComboBox *m_type;
    QPlainTextEdit *m_redirectUris;
    CheckList *m_grants;
    CheckList *m_scopes;
    QComboBox *m_authMethod;
    QCheckBox *m_firstParty;
};

} // namespace keyward
