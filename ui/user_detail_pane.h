#pragma once

#include "core/principal.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace keyward {

class Services;

// Beside the users table: one user's state at a glance (status, lockout with a one-click unlock,
// MFA, passkeys, password age, last login), its passkeys (removable, for a lost authenticator), live
// sessions and recent audit events.
class UserDetailPane : public QWidget {
    Q_OBJECT
public:
    UserDetailPane(Services &services, Principal actor, QWidget *parent = nullptr);

    // Shows the user with this id; empty clears the pane.
    void showUser(const QString &id);
    // The id of the user shown; empty when none.
    const QString &userId() const { return m_id; }
    void refresh();

    QString fieldText(const QString &name) const;
    QTreeWidget &sessions() { return *m_sessions; }
    QTreeWidget &events() { return *m_events; }
    QPushButton &unlockButton() { return *m_unlock; }
    QTreeWidget &passkeys() { return *m_passkeys; }
    // After a confirmation, removes the selected passkey (users:write).
    void removePasskey();

Q_SIGNALS:
    // The pane changed the user (unlocked it, removed a passkey): the table should show it.
    void userChanged();
    void failed(const QString &message);

private:
    Services &m_services;
    Principal m_actor;
    QString m_id;
    QLabel *m_title;
    QHash<QString, QLabel *> m_fields;
    QPushButton *m_unlock;
    QTreeWidget *m_passkeys;
    QPushButton *m_removePasskey;
    QTreeWidget *m_sessions;
    QTreeWidget *m_events;
};

} // namespace keyward
