#include "user_detail_pane.h"

#include "audit_text.h"

#include "message_banner.h"
#include "prompt.h"
#include "services/services.h"
#include "time_text.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace keyward {

namespace {

constexpr int RecentEvents = 20;

QTreeWidget *listOf(const QStringList &headers, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return tree;
}

} // namespace

UserDetailPane::UserDetailPane(Services &services, Principal actor, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_title(new QLabel(this))
    , m_unlock(new QPushButton(tr("Un&lock now"), this))
    , m_passkeys(listOf({tr("Passkey"), tr("Added"), tr("Last used"), tr("Stored")}, this))
    , m_removePasskey(new QPushButton(tr("Remove &passkey…"), this))
    , m_sessions(listOf({tr("Started"), tr("Last used"), tr("Address"), tr("Client")}, this))
    , m_events(listOf({tr("Time"), tr("Action"), tr("Outcome"), tr("Actor")}, this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    // `extra` (the unlock button) sits beside the value.
    const auto field = [&](const QString &name, const QString &label, QWidget *extra = nullptr) {
        auto *value = new QLabel(this);
        value->setObjectName(name);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        m_fields.insert(name, value);
        auto *row = new QHBoxLayout;
        row->addWidget(value, 1);
        if (extra)
            row->addWidget(extra);
        form->addRow(label, row);
    };
    field(QStringLiteral("status"), tr("Status:"));
    field(QStringLiteral("lockout"), tr("Lockout:"), m_unlock);
    field(QStringLiteral("mfa"), tr("Two-factor:"));
    field(QStringLiteral("passkeys"), tr("Passkeys:"));
    field(QStringLiteral("password"), tr("Password:"));
    field(QStringLiteral("lastLogin"), tr("Last login:"));
    field(QStringLiteral("created"), tr("Created:"));

    connect(m_unlock, &QPushButton::clicked, this, [this] {
        if (auto r = m_services.users().unlock(m_actor, m_id); !r)
            Q_EMIT failed(describe(r.error()));
        refresh();
        Q_EMIT userChanged();
    });

    m_removePasskey->setEnabled(false);
    connect(m_passkeys, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_removePasskey->setEnabled(m_passkeys->currentItem() != nullptr); });
    connect(m_removePasskey, &QPushButton::clicked, this, &UserDetailPane::removePasskey);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    // Sessions and passkeys share one place: the pane stays short enough for a small screen.
    auto *passkeysPage = new QWidget(this);
    auto *passkeysLayout = new QVBoxLayout(passkeysPage);
    passkeysLayout->setContentsMargins(0, 0, 0, 0);
    passkeysLayout->addWidget(m_passkeys, 1);
    passkeysLayout->addWidget(m_removePasskey, 0, Qt::AlignRight);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_sessions, tr("Sessions"));
    tabs->addTab(passkeysPage, tr("Passkeys"));
    layout->addWidget(tabs, 1);
    layout->addWidget(new QLabel(tr("Recent activity"), this));
    layout->addWidget(m_events, 2);
    showUser({});
}

void UserDetailPane::showUser(const QString &id)
{
    m_id = id;
    refresh();
}

QString UserDetailPane::fieldText(const QString &name) const
{
    const QLabel *label = m_fields.value(name);
    return label ? label->text() : QString();
}

void UserDetailPane::removePasskey()
{
    const QTreeWidgetItem *item = m_passkeys->currentItem();
    if (!item || m_id.isEmpty())
        return;
    if (!Prompt::confirm(this, tr("Remove passkey"),
                         tr("Remove the passkey \"%1\" of %2? It will no longer sign in; do this for an "
                            "authenticator that is lost or stolen.")
                             .arg(item->text(0), m_title->text()),
                         tr("Remove")))
        return;
    if (auto r = m_services.passkeys().removeOfUser(m_actor, m_id, item->data(0, Qt::UserRole).toString()); !r)
        Q_EMIT failed(describe(r.error()));
    refresh();
    Q_EMIT userChanged();
}

void UserDetailPane::refresh()
{
    m_passkeys->clear();
    m_sessions->clear();
    m_events->clear();
    m_unlock->hide();
    setEnabled(!m_id.isEmpty());
    for (QLabel *label : std::as_const(m_fields))
        label->clear();
    if (m_id.isEmpty()) {
        m_title->setText(tr("No user selected"));
        return;
    }
    auto user = m_services.users().get(m_actor, m_id);
    if (!user) {
        m_title->setText(describe(user.error()));
        return;
    }
    const qint64 now = m_services.clock().nowMs();
    m_title->setText(user->displayName.isEmpty() ? user->username
                                                 : tr("%1 (%2)").arg(user->displayName, user->username));
    QString status = user->isActive() ? tr("Active") : tr("Disabled");
    if (user->isDeleted())
        status = tr("Deleted %1").arg(TimeText::at(user->deletedAt));
    m_fields[QStringLiteral("status")]->setText(status);
    const bool locked = user->lockedUntil > now;
    m_fields[QStringLiteral("lockout")]->setText(locked ? tr("Locked until %1").arg(TimeText::at(user->lockedUntil))
                                                        : tr("Not locked"));
    m_unlock->setVisible(locked);
    m_fields[QStringLiteral("mfa")]->setText(user->mfaEnabled ? tr("Enabled (authenticator app)") : tr("Not enabled"));
    QString password =
        user->passwordChangedAt > 0 ? tr("Set %1").arg(TimeText::ago(user->passwordChangedAt, now)) : tr("None set");
    if (user->requirePasswordChange)
        password += tr("; must be changed at next login");
    m_fields[QStringLiteral("password")]->setText(password);
    m_fields[QStringLiteral("lastLogin")]->setText(user->lastLoginAt > 0 ? TimeText::ago(user->lastLoginAt, now)
                                                                         : tr("Never"));
    m_fields[QStringLiteral("created")]->setText(TimeText::at(user->createdAt));

    if (auto passkeys = m_services.passkeys().listOfUser(m_actor, m_id)) {
        for (const Passkey &p : *passkeys) {
            auto *item =
                new QTreeWidgetItem(m_passkeys, {p.name, TimeText::at(p.createdAt),
                                                 p.lastUsedAt > 0 ? TimeText::ago(p.lastUsedAt, now) : tr("Never"),
                                                 p.backupEligible ? tr("Synced") : tr("On one device")});
            item->setData(0, Qt::UserRole, p.id);
        }
        m_fields[QStringLiteral("passkeys")]->setText(
            passkeys->isEmpty() ? tr("None")
            : m_services.auth().passkeysSignInAlone(*user)
                ? tr("%n, signing in alone", nullptr, int(passkeys->size()))
                : tr("%n, after the password", nullptr, int(passkeys->size())));
    }
    m_removePasskey->setEnabled(false);
    if (auto sessions = m_services.sessions().listOfUser(m_actor, m_id)) {
        for (const Session &s : *sessions)
            new QTreeWidgetItem(m_sessions,
                                {TimeText::at(s.createdAt), TimeText::ago(s.lastUsedAt, now), s.ip, s.userAgent});
    }
    AuditFilter filter;
    filter.target = m_id;
    filter.limit = RecentEvents;
    if (auto events = m_services.audit().list(m_actor, filter)) {
        AuditNames names;
        if (auto found = m_services.users().usernames(m_actor, AuditNames::userIdsIn(events->items)))
            names.usernames = std::move(*found);
        for (const AuditEvent &e : events->items)
            new QTreeWidgetItem(m_events, {TimeText::at(e.time), e.action, e.outcome, names.actor(e)});
    }
}

} // namespace keyward
