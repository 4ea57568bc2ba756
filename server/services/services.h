#pragma once

#include "api_key_service.h"
#include "audit_service.h"
#include "auth_service.h"
#include "authorization_service.h"
#include "backup_service.h"
#include "change_feed.h"
#include "core/clock.h"
#include "crypto/password_hasher.h"
#include "crypto/sealer.h"
#include "health_service.h"
#include "key_service.h"
#include "lockout_service.h"
#include "mailer.h"
#include "maintenance_service.h"
#include "mfa_service.h"
#include "oauth_client_service.h"
#include "oauth_service.h"
#include "observe/keyward_metrics.h"
#include "overview_service.h"
#include "passkey_service.h"
#include "recent_users.h"
#include "role_service.h"
#include "session_service.h"
#include "settings_service.h"
#include "user_service.h"
#include "webhook_dispatcher.h"
#include "webhook_service.h"

#include <atomic>
#include <memory>

namespace keyward {

class Config;
class Database;

struct ServiceOptions {
    crypto::Argon2Params argon2;
    TokenSettings tokens;
    QString jwtAlgorithm = QStringLiteral("RS256");
    // Webhook endpoints may be at loopback and private addresses (and reached there over plain http).
    bool webhooksAllowPrivate = false;
    // Defaults of the runtime settings (nested like GET /api/v1/settings); stored settings win.
    QJsonObject settingsDefaults;

    static ServiceOptions fromConfig(const Config &config);
};

// The composition root of the business layer: one instance per process, shared by the HTTP
// routes and the GUI, which are both thin faces on these services.
class Services {
public:
    // `masterKey` is the 256-bit master key; separate keys for sealing and the audit chain are
    // derived from it, so neither use can weaken the other.
    Services(std::shared_ptr<Database> db, const QByteArray &masterKey, const ServiceOptions &options,
             const Clock &clock = Clock::system());

    // Applies pending migrations, and signs the audit chain head they leave unsigned: only the run
    // that migrates may, since it holds the master key. Returns the error, or an empty string.
    static QString migrate(Database &db, const QByteArray &masterKey, int *applied = nullptr);
    // What the calling thread holds (database connections, OpenSSL state), freed: every thread that
    // used the services calls it as its last work. Left to thread_local destructors, it would run
    // after QThread::wait() returned, maybe while the process exits (a crash on SIGTERM).
    static void releaseThread();
    static QByteArray auditChainKey(const QByteArray &masterKey);

    // Refuses a database whose schema is not current, and makes sure a signing key exists.
    Status start();

    Database &database() { return *m_db; }
    ChangeFeed &changes() { return m_feed; }
    const Clock &clock() const { return m_clock; }
    const crypto::PasswordHasher &hasher() const { return m_hasher; }
    AuditService &audit() { return m_audit; }
    SettingsService &settings() { return m_settings; }
    RoleService &roles() { return m_roles; }
    KeyService &keys() { return m_keys; }
    LockoutService &lockout() { return m_lockout; }
    UserService &users() { return m_users; }
    SessionService &sessions() { return m_sessions; }
    AuthService &auth() { return m_auth; }
    MfaService &mfa() { return m_mfa; }
    ApiKeyService &apiKeys() { return m_apiKeys; }
    OAuthClientService &oauthClients() { return m_oauthClients; }
    OAuthService &oauth() { return m_oauth; }
    AuthorizationService &authorization() { return m_authorization; }
    MaintenanceService &maintenance() { return m_maintenance; }
    BackupService &backup() { return m_backup; }
    OverviewService &overview() { return m_overview; }
    Mailer &mailer() { return m_mailer; }
    KeywardMetrics &metrics() { return m_metrics; }
    HealthService &health() { return m_health; }
    WebhookService &webhooks() { return m_webhooks; }
    PasskeyService &passkeys() { return m_passkeys; }
    // What sends the webhook outbox: one per serving node.
    std::unique_ptr<WebhookDispatcher> makeWebhookDispatcher();

    // The public base URL: the token issuer and the base of links in mails. Set before serving.
    void setPublicUrl(const QString &url);
    // Takes this user base's issuer as the public URL, claiming `url` for it if no node has yet, so
    // that every node signs and accepts the same `iss`. With `configured` (the operator's
    // --public-url), an issuer already in force that differs is refused: the nodes would refuse
    // each other's tokens.
    Status adoptIssuer(const QString &url, bool configured);

    // Shutdown has begun: readiness answers 503 from now on.
    void beginShutdown() { m_shuttingDown = true; }
    bool isShuttingDown() const { return m_shuttingDown; }

private:
    std::shared_ptr<Database> m_db;
    const Clock &m_clock;
    MetricsRegistry m_registry;
    KeywardMetrics m_metrics;
    crypto::Sealer m_sealer;
    crypto::PasswordHasher m_hasher;
    ChangeFeed m_feed;
    RecentUsers m_recentUsers;
    AuditService m_audit;
    SettingsService m_settings;
    Mailer m_mailer;
    RoleService m_roles;
    KeyService m_keys;
    LockoutService m_lockout;
    UserService m_users;
    SessionService m_sessions;
    MfaService m_mfa;
    ApiKeyService m_apiKeys;
    OAuthClientService m_oauthClients;
    WebhookService m_webhooks;
    AuthService m_auth;
    PasskeyService m_passkeys;
    OAuthService m_oauth;
    AuthorizationService m_authorization;
    MaintenanceService m_maintenance;
    BackupService m_backup;
    OverviewService m_overview;
    HealthService m_health;
    std::atomic<bool> m_shuttingDown{false};
};

} // namespace keyward
