#pragma once

#include "audit_service.h"
#include "change_feed.h"
#include "core/principal.h"
#include "core/result.h"
#include "crypto/sealer.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QStringList>
#include <QVariant>

namespace keyward {

class Clock;
class Database;

// The runtime policy, typed: what the services read. A snapshot; never mutated in place. Every value,
// defaults included, comes from the settings' definitions (settings_service.cpp), the one place a
// default is written; a RuntimeSettings not made by SettingsService holds only zeros.
struct RuntimeSettings {
    bool registrationEnabled = false;

    int passwordMinLength = 0;
    int passwordHistory = 0; // last N passwords may not be reused; 0 = off
    bool passwordBlocklist = false;

    int lockoutThreshold = 0;
    int lockoutBaseSeconds = 0;
    int lockoutMaxSeconds = 0;

    qint64 accessTtlSeconds = 0;
    qint64 refreshIdleTtlSeconds = 0;
    qint64 refreshAbsoluteTtlSeconds = 0;
    int signingKeyRotationDays = 0; // 0 = only when an administrator rotates

    bool rateLimitsEnabled = false;
    int authPerMinute = 0;
    int readPerMinute = 0;
    int writePerMinute = 0;

    QStringList corsOrigins;

    bool passkeysPasswordless = false; // a passkey may sign in alone
    bool passkeyOffer = false;         // the hosted pages offer a passkey after a password sign-in
    QString passkeyRpId;               // empty: the public URL's host
    QStringList passkeyOrigins;        // where the ceremonies may run; empty: the public URL's origin
    QString passkeyAttestation;        // none | direct: whether registration asks who made the authenticator

    QString smtpHost;
    int smtpPort = 0;
    QString smtpSecurity; // none | starttls | tls
    QString smtpUsername;
    QString smtpPassword;
    QString smtpSender;

    int dormantDisableAfterDays = 0; // 0 = off
    int auditRetentionDays = 0;      // 0 = keep every event

    QList<QPair<QHostAddress, int>> trustedProxies;
    QList<QPair<QHostAddress, int>> adminAllowList;   // empty = everyone
    QList<QPair<QHostAddress, int>> metricsAllowList; // empty = nobody without metrics:read

    static bool inSubnets(const QHostAddress &address, const QList<QPair<QHostAddress, int>> &subnets);
};

// One runtime setting as a form needs it: its dotted name, type and bounds.
struct SettingInfo {
    // Seconds: a whole number of seconds, a duration (an Integer on the wire).
    enum class Kind { Bool, Integer, Seconds, String, Choice, Origins, Subnets };
    QString key; // e.g. "lockout.threshold"
    Kind kind = Kind::String;
    qint64 min = 0;
    qint64 max = 0; // Integer: largest value; String: longest length
    QStringList choices;
    bool secret = false; // write-only: reads show a mask while set
};

// Settings by dotted key ("lockout.threshold"): a bool, a qint64, a QString or a QStringList as the
// setting's kind says. In a change, a null QVariant puts a setting back to its default.
using SettingValues = QMap<QString, QVariant>;

// GET/PATCH /api/v1/settings: validated, audited, stored in the database and so shared by every
// node, applied without restart (on every node within a second: see ChangeFeed). Secrets (the SMTP
// password) are write-only and sealed at rest.
class SettingsService {
public:
    // `defaults` overrides built-in defaults (from the startup configuration), nested like the API.
    SettingsService(Database &db, const Clock &clock, ChangeFeed &feed, AuditService &audit,
                    const crypto::Sealer &sealer, const QJsonObject &defaults = {});

    // Every setting, in the order of the API's document.
    static QList<SettingInfo> catalogue();
    // What a secret setting reads as while set; sent back unchanged it keeps the secret.
    static QString secretMask();

    RuntimeSettings current();
    // Every setting; a secret one reads as secretMask() while set.
    Result<SettingValues> get(const Principal &actor);
    // Changes the settings named in `changes` and answers them all as get() does. A secret sent back
    // as secretMask() keeps its value; an unknown key or a bad value is a 422 on that key.
    Result<SettingValues> update(const Principal &actor, const SettingValues &changes);

private:
    Result<QHash<QString, QJsonValue>> load();
    SettingValues render(const QHash<QString, QJsonValue> &values) const;
    RuntimeSettings typed(const QHash<QString, QJsonValue> &values) const;

    Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    const crypto::Sealer &m_sealer;
    QHash<QString, QJsonValue> m_defaults;

    ChangeFeed &m_feed;
    QMutex m_mutex;
    RuntimeSettings m_snapshot;
    ChangeFeed::Stamp m_loaded;
};

} // namespace keyward
