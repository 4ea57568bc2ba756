#include "api_keys_panel.h"

#include "api_key_dialog.h"
#include "message_banner.h"
#include "services/api_key_service.h"
#include "time_text.h"

#include <QDateTime>
#include <QTableWidget>

namespace keyward {

ApiKeysPanel::ApiKeysPanel(ApiKeyService &keys, Principal actor, QWidget *parent)
    : ListPanel({tr("Name"), tr("Key starts"), tr("Scopes"), tr("Created"), tr("Expires"), tr("Last used")}, 2, parent)
    , m_keys(keys)
    , m_actor(std::move(actor))
{
    addButton(tr("&New key…"), [this] { newKey(); });
    addButton(tr("Re&voke…"), [this] { revokeSelected(); });
    refresh();
}

void ApiKeysPanel::refresh()
{
    auto keys = m_keys.listService(m_actor);
    if (!keys) {
        message().showError(describe(keys.error()));
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<QStringList> rows;
    QStringList ids;
    for (const ApiKey &k : *keys) {
        if (!k.isLive(now))
            continue; // revoked and expired keys are gone for good; the audit log remembers them
        rows << QStringList{k.name,
                            k.prefix + QStringLiteral("…"),
                            k.scopes.join(QStringLiteral(", ")),
                            TimeText::at(k.createdAt),
                            TimeText::at(k.expiresAt, tr("never")),
                            TimeText::at(k.lastUsedAt, tr("never"))};
        ids << k.id;
    }
    setRows(rows, ids);
}

void ApiKeysPanel::newKey()
{
    QString secret;
    ApiKeyDialog dialog(
        [this, &secret](const ApiKeyDialog::Values &v) -> std::optional<ApiError> {
            ApiKeyRequest request;
            request.name = v.name;
            request.scopes = v.scopes;
            request.expiresAt = v.expiresAt;
            auto created = m_keys.createService(m_actor, request);
            if (!created)
                return created.error();
            secret = created->secret;
            return std::nullopt;
        },
        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    message().clear();
    refresh();
    SecretDialog(tr("API key created"), secret, this).exec();
}

void ApiKeysPanel::revokeSelected()
{
    confirmAndApply(tr("Revoke API key"), tr("Revoke the key %1? Clients using it are refused from now on."),
                    tr("Revoke"), [this](const QString &id) { return m_keys.revokeService(m_actor, id); });
}

} // namespace keyward
