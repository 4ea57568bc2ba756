#pragma once

#include "core/config.h"
#include "core/principal.h"
#include "services/settings_service.h"

#include <QHash>
#include <QVariant>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace keyward {

class MessageBanner;
class Services;

// Settings: the runtime policies (password, lockout, tokens, registration, rate limits, CORS, SMTP
// with a test mail, retention, networks) through the same settings service as the API, and this
// installation's startup options (listen address, TLS, database, log level) and console language.
class SettingsPanel : public QWidget {
    Q_OBJECT
public:
    SettingsPanel(Services &services, Principal actor, Config config, QString configFile, QWidget *parent = nullptr);

    // The editor of a runtime setting ("lockout.threshold") or a startup option ("listen").
    QWidget *editor(const QString &key) const;
    // The error shown under a setting, or the panel's message for an empty key.
    QString messageText(const QString &key = {}) const;
    // The settings and options edited but not saved (dotted keys for policies, option names).
    QStringList unsavedKeys() const;
    // Before the panel is left or the window closed: with unsaved changes, asks to save or
    // discard them. False: stay (cancelled, or saving failed).
    bool settleUnsavedChanges();

public Q_SLOTS:
    void load();
    void savePolicies();
    void saveInstallation();
    void sendTestMail();
    // After a confirmation, a new signing key for every node (tokens signed before stay valid).
    void rotateSigningKey();
    // Puts every editor back to what is saved.
    void discard();

private:
    QString installationValue(const QString &key) const;
    // Marks the changed settings (bold label, a count above the tabs).
    void markUnsaved();
    QWidget *buildPolicies();
    QWidget *buildInstallation();
    QVariant editedValue(const QString &key) const;

    Services &m_services;
    Principal m_actor;
    Config m_config;
    QString m_configFile;
    SettingValues m_loaded; // as the service answered
    QHash<QString, QWidget *> m_editors;
    QHash<QString, MessageBanner *> m_errors;
    QHash<QString, QWidget *> m_labels; // what is marked when a setting changes
    bool m_loading = false;
    QComboBox *m_language = nullptr;
    QCheckBox *m_tray = nullptr;
    MessageBanner *m_message;
    QLabel *m_unsaved;
};

} // namespace keyward
