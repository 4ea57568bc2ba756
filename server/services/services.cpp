#include "services.h"

#include "core/config.h"
#include "crypto/digest.h"

#include "store/audit_repository.h"
#include "store/cluster_repository.h"
#include "store/migrations.h"

#include <QJsonObject>
#include <QSqlQuery>

#include <array>

namespace keyward {

ServiceOptions ServiceOptions::fromConfig(const Config &config)
{
    ServiceOptions o;
    o.argon2.memoryKiB = static_cast<quint32>(config.integer(QStringLiteral("argon2-memory")));
    o.argon2.iterations = static_cast<quint32>(config.integer(QStringLiteral("argon2-iterations")));
    o.argon2.parallelism = static_cast<quint32>(config.integer(QStringLiteral("argon2-parallelism")));
    o.tokens.issuer = config.value(QStringLiteral("public-url"));
    if (o.tokens.issuer.isEmpty())
        o.tokens.issuer = QStringLiteral("http://") + config.value(QStringLiteral("listen"));
    while (o.tokens.issuer.endsWith(QLatin1Char('/')))
        o.tokens.issuer.chop(1);
    o.tokens.audience = config.value(QStringLiteral("audience"));
    o.jwtAlgorithm = config.value(QStringLiteral("jwt-alg"));
    o.webhooksAllowPrivate = config.value(QStringLiteral("webhooks-private")) == QLatin1String("true");
    o.settingsDefaults = QJsonObject{
        {QStringLiteral("registration"),
         QJsonObject{
             {QStringLiteral("enabled"), config.value(QStringLiteral("registration")) == QLatin1String("true")}}},
        {QStringLiteral("tokens"),
         QJsonObject{
             {QStringLiteral("access_ttl"), config.value(QStringLiteral("access-ttl")).toLongLong()},
             {QStringLiteral("refresh_idle_ttl"), config.value(QStringLiteral("refresh-idle-ttl")).toLongLong()},
             {QStringLiteral("refresh_absolute_ttl"),
              config.value(QStringLiteral("refresh-absolute-ttl")).toLongLong()}}},
    };
    return o;
}

Services::Services(std::shared_ptr<Database> db, const QByteArray &masterKey, const ServiceOptions &options,
                   const Clock &clock)
    : m_db(std::move(db))
    , m_clock(clock)
    , m_metrics(m_registry)
    , m_sealer(crypto::hkdfSha256(masterKey, "keyward sealing v1"))
    , m_hasher(options.argon2)
    , m_feed(*m_db, clock)
    , m_recentUsers(*m_db, m_feed)
    , m_audit(*m_db, clock, auditChainKey(masterKey))
    , m_settings(*m_db, clock, m_feed, m_audit, m_sealer, options.settingsDefaults)
    , m_mailer(m_settings, &Services::releaseThread)
    , m_roles(*m_db, clock, m_feed, m_audit)
    , m_keys(*m_db, clock, m_feed, m_sealer, m_audit, m_settings, options.jwtAlgorithm)
    , m_lockout(*m_db, clock, m_audit, m_settings, m_hasher, m_metrics.lockouts)
    , m_users(*m_db, clock, m_feed, m_recentUsers, m_audit, m_roles, m_settings, m_lockout, m_hasher, m_mailer,
              m_metrics.resetMailUnsent)
    , m_sessions(*m_db, clock, m_audit, m_roles, m_lockout)
    , m_mfa(*m_db, clock, m_audit, m_roles, m_lockout, m_sealer,
            crypto::hkdfSha256(masterKey, "keyward recovery codes v1"))
    , m_apiKeys(*m_db, clock, m_audit, m_roles, m_lockout)
    , m_oauthClients(*m_db, clock, m_audit)
    , m_webhooks(*m_db, clock, m_audit, m_sealer)
    , m_auth(*m_db, clock, m_feed, m_recentUsers, m_audit, m_roles, m_keys, m_settings, m_mfa, m_lockout, m_hasher,
             options.tokens, m_metrics)
    , m_passkeys(*m_db, clock, m_audit, m_settings, m_auth, m_lockout, m_roles,
                 crypto::hkdfSha256(masterKey, "keyward passkey user handle v1"))
    , m_oauth(*m_db, clock, m_audit, m_keys, m_settings, m_auth, m_recentUsers)
    , m_authorization(*m_db, clock, m_audit, m_keys, m_settings, m_recentUsers)
    , m_maintenance(*m_db, clock, m_audit, m_settings, m_users, m_lockout, m_keys)
    , m_backup(*m_db, clock, m_audit)
    , m_overview(*m_db, clock, m_keys)
    , m_health(*this)
{
    m_users.setPublicUrl(options.tokens.issuer);
    m_webhooks.setAllowPrivateTargets(options.webhooksAllowPrivate);
    m_metrics.buildInfo.with({QStringLiteral(KEYWARD_VERSION), QString::fromLatin1(qVersion()), m_db->kindName()})
        .set(1);
    collectProcessMetrics(m_registry);
    // Children resolved once: the observer runs for every statement and must not take locks.
    std::array<Histogram *, 5> byStatement{};
    const QStringList statementNames{QStringLiteral("select"), QStringLiteral("insert"), QStringLiteral("update"),
                                     QStringLiteral("delete"), QStringLiteral("other")};
    for (size_t i = 0; i < byStatement.size(); ++i)
        byStatement[i] = &m_metrics.dbQueryDuration.with({statementNames[static_cast<qsizetype>(i)]});
    m_db->setQueryObserver([byStatement](Database::Statement kind, double seconds) {
        byStatement[static_cast<size_t>(kind)]->observe(seconds);
    });
    // A node reads its own writes: what it committed is in the feed before the request answers.
    m_db->setCommitObserver([this] { (void)m_feed.catchUp(); });
    // Read at scrape time from what the database keeps anyway (user_counts is maintained by triggers).
    m_registry.addCollector([this] {
        QSqlQuery &counts = m_db->prepared(QStringLiteral("SELECT bucket, n FROM user_counts"));
        if (m_db->exec(counts)) {
            QHash<QString, double> byStatus;
            while (counts.next()) {
                const QString bucket = counts.value(0).toString();
                byStatus[bucket.endsWith(QLatin1String(":1")) ? QStringLiteral("deleted")
                                                              : bucket.section(QLatin1Char(':'), 0, 0)] +=
                    counts.value(1).toDouble();
            }
            counts.finish();
            for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
                m_metrics.usersByStatus.with({it.key()}).set(it.value());
        }
        QSqlQuery &sessions = m_db->prepared(QStringLiteral(
            "SELECT count(*) FROM sessions WHERE revoked_at = 0 AND idle_expires_at > ? AND absolute_expires_at > ?"));
        sessions.addBindValue(m_clock.nowMs());
        sessions.addBindValue(m_clock.nowMs());
        if (m_db->exec(sessions) && sessions.next())
            m_metrics.activeSessions.set(sessions.value(0).toDouble());
        sessions.finish();
    });
}

Status Services::adoptIssuer(const QString &url, bool configured)
{
    QString candidate = url;
    while (candidate.endsWith(QLatin1Char('/')))
        candidate.chop(1);
    auto issuer = ClusterRepository(*m_db).claimIssuer(candidate, m_clock.nowMs());
    if (!issuer)
        return issuer.error();
    if (configured && *issuer != candidate)
        return ApiError(409, QStringLiteral("issuer-mismatch"), QStringLiteral("Issuer mismatch"),
                        QStringLiteral("this user base's token issuer is %1, claimed by the first node that served "
                                       "it, but this node was started with public-url %2: start every node with "
                                       "the same public-url (or none), or, if the address really moved, change it "
                                       "in the table cluster_identity while no node serves")
                            .arg(*issuer, candidate));
    setPublicUrl(*issuer);
    return success();
}

std::unique_ptr<WebhookDispatcher> Services::makeWebhookDispatcher()
{
    return std::make_unique<WebhookDispatcher>(*m_db, m_clock, m_webhooks, m_audit, &Services::releaseThread);
}

void Services::setPublicUrl(const QString &url)
{
    m_auth.setIssuer(url);
    m_users.setPublicUrl(url);
}

QByteArray Services::auditChainKey(const QByteArray &masterKey)
{
    return crypto::hkdfSha256(masterKey, "keyward audit chain v1");
}

void Services::releaseThread()
{
    Database::releaseThread();
    crypto::releaseThread();
}

QString Services::migrate(Database &db, const QByteArray &masterKey, int *applied)
{
    AuditRepository audit(db, auditChainKey(masterKey));
    return Migrations(db).migrate(applied, [&] {
        const Status signedHead = audit.signUnsignedHead();
        return signedHead ? QString() : QStringLiteral("cannot sign the audit chain head");
    });
}

Status Services::start()
{
    const MigrationStatus status = Migrations(*m_db).status();
    if (!status.problem.isEmpty())
        return ApiError::serviceUnavailable(status.problem, 0);
    if (!status.upToDate())
        return ApiError::serviceUnavailable(QStringLiteral("the database schema is at version %1, this Keyward needs "
                                                           "%2: run `keyward-server migrate`")
                                                .arg(status.current)
                                                .arg(status.latest),
                                            0);
    if (auto s = m_feed.start(); !s)
        return s;
    return m_keys.ensureActiveKey();
}

} // namespace keyward
