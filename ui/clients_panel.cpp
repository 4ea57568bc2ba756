#include "clients_panel.h"

#include "api_key_dialog.h"
#include "client_dialog.h"
#include "message_banner.h"
#include "prompt.h"
#include "services/oauth_client_service.h"

#include <QTableWidget>

namespace keyward {

namespace {

// The form's fields as a request: every one given, so a change writes what the form shows.
OAuthClientInput inputFrom(const OAuthClient &c)
{
    OAuthClientInput in;
    in.name = c.name;
    in.type = c.type;
    in.authMethod = c.authMethod;
    in.redirectUris = c.redirectUris;
    in.grantTypes = c.grantTypes;
    in.scopes = c.scopes;
    in.firstParty = c.firstParty;
    return in;
}

} // namespace

ClientsPanel::ClientsPanel(OAuthClientService &clients, Principal actor, QWidget *parent)
    : ListPanel({tr("Name"), tr("Type"), tr("Client ID"), tr("Redirect URIs"), tr("Grants")}, 3, parent)
    , m_clients(clients)
    , m_actor(std::move(actor))
{
    connect(&table(), &QTableWidget::cellDoubleClicked, this, &ClientsPanel::editSelected);
    addButton(tr("&New client…"), [this] { newClient(); });
    addButton(tr("&Edit…"), [this] { editSelected(); });
    addButton(tr("New &secret…"), [this] { newSecretForSelected(); });
    addButton(tr("&Delete…"), [this] { deleteSelected(); });
    refresh();
}

void ClientsPanel::refresh()
{
    auto clients = m_clients.list(m_actor);
    if (!clients) {
        message().showError(describe(clients.error()));
        return;
    }
    QList<QStringList> rows;
    QStringList ids;
    for (const OAuthClient &c : *clients) {
        rows << QStringList{c.name, c.type == QLatin1String("public") ? tr("public") : tr("confidential"), c.id,
                            c.redirectUris.join(QStringLiteral(", ")), c.grantTypes.join(QStringLiteral(", "))};
        ids << c.id;
    }
    setRows(rows, ids);
}

void ClientsPanel::showSecret(const QString &secret)
{
    if (!secret.isEmpty())
        SecretDialog(tr("Client secret"), secret, this,
                     tr("Copy the client secret now and configure the application with it. It is shown only this "
                        "once: Keyward stores only a hash of it."))
            .exec();
}

void ClientsPanel::newClient()
{
    const auto made = createWithDialog<ClientDialog>(
        [this](const OAuthClient &c) { return m_clients.create(m_actor, inputFrom(c)); });
    if (made)
        showSecret(made->secret);
}

void ClientsPanel::editSelected()
{
    editWithDialog<ClientDialog>([this](const QString &id) { return m_clients.get(m_actor, id); },
                                 [this](const QString &id, const OAuthClient &c, qint64 version) {
                                     return m_clients.update(m_actor, id, inputFrom(c), version);
                                 });
}

void ClientsPanel::newSecretForSelected()
{
    const QString id = currentId();
    if (id.isEmpty() ||
        !Prompt::confirm(this, tr("New client secret"),
                         tr("Give %1 a new secret? The current one stops working at once.").arg(currentName()),
                         tr("New secret")))
        return;
    auto renewed = m_clients.renewSecret(m_actor, id);
    if (!renewed) {
        message().showError(describe(renewed.error()));
        return;
    }
    message().clear();
    refresh();
    showSecret(renewed->secret);
}

void ClientsPanel::deleteSelected()
{
    confirmAndApply(tr("Delete client"), tr("Delete %1? The application can no longer sign anyone in."), tr("Delete"),
                    [this](const QString &id) { return m_clients.remove(m_actor, id); });
}

} // namespace keyward
