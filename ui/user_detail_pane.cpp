#include "user_detail_pane.h"

#include "audit_text.h"

#include "message_banner.h"
#include "services/services.h"
#include "time_text.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
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
    field(QStringLiteral("password"), tr("Password:"));
    field(QStringLiteral("lastLogin"), tr("Last login:"));
    field(QStringLiteral("created"), tr("Created:"));

    connect(m_unlock, &QPushButton::clicked, this, [this] {
        if (auto r = m_services.users().unlock(m_actor, m_id); !r)
            Q_EMIT failed(describe(r.error()));
        refresh();
        Q_EMIT userChanged();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Sessions"), this));
    layout->addWidget(m_sessions, 1);
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

void UserDetailPane::refresh()
{
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
