#include "client_dialog.h"

#include "check_list.h"
#include "services/oauth_client_service.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace keyward {

ClientDialog::ClientDialog(const OAuthClient *existing, Save save, QWidget *parent)
    : FormDialog([this, save = std::move(save)] { return save(client()); }, parent)
    , m_name(new QLineEdit(existing ? existing->name : QString(), this))
    , m_type(new QComboBox(this))
    , m_redirectUris(new QPlainTextEdit(existing ? existing->redirectUris.join(QLatin1Char('\n')) : QString(), this))
    , m_grants(new CheckList(
          {QStringLiteral("authorization_code"), QStringLiteral("refresh_token"), QStringLiteral("client_credentials")},
          existing ? existing->grantTypes
                   : QStringList{QStringLiteral("authorization_code"), QStringLiteral("refresh_token")},
          this))
    , m_scopes(new CheckList(
          OAuthClientService::knownScopes(),
          existing ? existing->scopes
                   : QStringList{QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email")},
          this))
    , m_authMethod(new QComboBox(this))
    , m_firstParty(new QCheckBox(tr("&Trusted: its users are not asked to consent"), this))
{
    setWindowTitle(existing ? tr("Edit client %1").arg(existing->name) : tr("New client"));
    m_name->setPlaceholderText(tr("e.g. Shop"));
    m_type->addItem(tr("Confidential: a server that keeps a secret"), QStringLiteral("confidential"));
    m_type->addItem(tr("Public: a browser or native app (PKCE, no secret)"), QStringLiteral("public"));
    m_type->setCurrentIndex(existing && existing->type == QLatin1String("public") ? 1 : 0);
    m_type->setEnabled(!existing); // a client's type is chosen once
    m_redirectUris->setPlaceholderText(tr("One per line, e.g. https://shop.example.com/callback"));
    m_redirectUris->setTabChangesFocus(true);
    // A client that signs with its own keys keeps them: they are managed through the API.
    if (existing && existing->authMethod == QLatin1String("private_key_jwt")) {
        m_authMethod->addItem(tr("Its own keys (private_key_jwt)"), QStringLiteral("private_key_jwt"));
    } else {
        m_authMethod->addItem(tr("Secret in the Authorization header (client_secret_basic)"),
                              QStringLiteral("client_secret_basic"));
        m_authMethod->addItem(tr("Secret in the form (client_secret_post)"), QStringLiteral("client_secret_post"));
    }
    if (existing)
        m_authMethod->setCurrentIndex(qMax(0, m_authMethod->findData(existing->authMethod)));
    m_firstParty->setChecked(existing && existing->firstParty);
    connect(m_type, &QComboBox::currentIndexChanged, this, &ClientDialog::typeChanged);
    typeChanged();

    addField(tr("&Name"), m_name, QStringLiteral("name"));
    addField(tr("T&ype"), m_type, QStringLiteral("type"));
    addField(tr("&Redirect URIs"), m_redirectUris, QStringLiteral("redirect_uris"));
    addField(tr("&Grants"), m_grants, QStringLiteral("grant_types"));
    addField(tr("&Scopes"), m_scopes, QStringLiteral("scopes"));
    addField(tr("&Authentication"), m_authMethod, QStringLiteral("token_endpoint_auth_method"));
    addField(QString(), m_firstParty, QStringLiteral("first_party"));
    finishLayout(existing ? QString() : tr("Reg&ister"));
}

void ClientDialog::typeChanged()
{
    m_authMethod->setEnabled(m_type->currentData().toString() == QLatin1String("confidential") &&
                             m_authMethod->count() > 1);
}

OAuthClient ClientDialog::client() const
{
    OAuthClient c;
    c.name = m_name->text().trimmed();
    c.type = m_type->currentData().toString();
    c.authMethod = c.type == QLatin1String("public") ? QStringLiteral("none") : m_authMethod->currentData().toString();
    c.redirectUris = m_redirectUris->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString &uri : c.redirectUris)
        uri = uri.trimmed();
    c.redirectUris.removeAll(QString());
    c.grantTypes = m_grants->checked();
    c.scopes = m_scopes->checked();
    c.firstParty = m_firstParty->isChecked();
    return c;
}

} // namespace keyward
