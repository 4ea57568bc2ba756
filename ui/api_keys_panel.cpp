#include "api_keys_panel.h"

#include "api_key_dialog.h"
#include "message_banner.h"
#include "prompt.h"
#include "services/api_key_service.h"
#include "time_text.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace keyward {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

} // namespace

ApiKeysPanel::ApiKeysPanel(ApiKeyService &keys, Principal actor, QWidget *parent)
    : QWidget(parent)
    , m_keys(keys)
    , m_actor(std::move(actor))
    , m_table(new QTableWidget(0, 6, this))
    , m_error(new MessageBanner(this))
{
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Key starts"), tr("Scopes"), tr("Created"), tr("Expires"), tr("Last used")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();

    auto *buttons = new QHBoxLayout;
    const auto button = [&](const QString &text, void (ApiKeysPanel::*slot)()) {
        auto *b = new QPushButton(text, this);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
    };
    button(tr("&New key…"), &ApiKeysPanel::newKey);
    button(tr("Re&voke…"), &ApiKeysPanel::revokeSelected);
    buttons->addStretch();
    button(tr("Re&fresh"), &ApiKeysPanel::refresh);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    refresh();
}

QString ApiKeysPanel::errorText() const
{
    return m_error->shownText();
}

void ApiKeysPanel::refresh()
{
    auto keys = m_keys.listService(m_actor);
    if (!keys) {
        m_error->showError(describe(keys.error()));
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_table->setRowCount(0);
    for (const ApiKey &k : *keys) {
        if (!k.isLive(now))
            continue; // revoked and expired keys are gone for good; the audit log remembers them
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        const QStringList cells{k.name,
                                k.prefix + QStringLiteral("…"),
                                k.scopes.join(QStringLiteral(", ")),
                                TimeText::at(k.createdAt),
                                TimeText::at(k.expiresAt, tr("never")),
                                TimeText::at(k.lastUsedAt, tr("never"))};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells.at(c)));
        m_table->item(r, 0)->setData(IdRole, k.id);
    }
    m_table->resizeColumnToContents(0);
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
    m_error->clear();
    refresh();
    SecretDialog(tr("API key created"), secret, this).exec();
}

void ApiKeysPanel::revokeSelected()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    const QString name = m_table->item(row, 0)->text();
    if (!Prompt::confirm(this, tr("Revoke API key"),
                         tr("Revoke the key %1? Clients using it are refused from now on.").arg(name), tr("Revoke")))
        return;
    if (auto r = m_keys.revokeService(m_actor, m_table->item(row, 0)->data(IdRole).toString()); !r)
        m_error->showError(describe(r.error()));
    else
        m_error->clear();
    refresh();
}

} // namespace keyward
