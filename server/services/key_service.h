#pragma once

#include "audit_service.h"
#include "change_feed.h"
#include "core/principal.h"
#include "core/result.h"
#include "crypto/sealer.h"
#include "crypto/signing_key.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <memory>

namespace keyward {

class Clock;
class Database;
class SettingsService;
class SigningKeyRepository;

// Access-token signing keys: created on first start, private halves sealed with the master key,
// public halves published as JWKS. Retired keys keep verifying (and stay in the JWKS) until every
// token they signed has expired.
class KeyService {
public:
    KeyService(Database &db, const Clock &clock, ChangeFeed &feed, const crypto::Sealer &sealer, AuditService &audit,
               SettingsService &settings, QString algorithm);
    ~KeyService();

    // Makes sure an active key of the configured algorithm exists (creates one if none does). An
    // active key this node cannot unseal means a wrong master key: refused, never replaced, or the
    // node would retire the key every other node signs with.
    Status ensureActiveKey();
    // A new active key, returning its kid; the previous ones are retired and keep verifying until
    // the tokens they signed expire, on every node. Needs settings:manage; audited as `actor`.
    Result<QString> rotate(const Principal &actor = Principal::system());
    // Rotates if the active key is older than the setting tokens.signing_key_rotation_days (0:
    // never); of several nodes trying at once, one does. Returns the new kid, or empty.
    Result<QString> rotateIfDue();

    struct Signer {
        QString kid;
        crypto::SigningKey key;
        qint64 createdAt = 0;
    };
    Result<Signer> signer();
    // The public key for a kid, or nullopt for an unknown kid.
    std::optional<crypto::SigningKey> verificationKey(const QString &kid);
    // The keys tokens may be verified with (active and retired), by kid in ascending order: what the
    // JWKS publishes.
    Result<QList<std::pair<QString, crypto::SigningKey>>> publishedKeys();
    QString algorithm() const { return m_algorithm; }

private:
    // A new active key unless `dueBeforeMs` is set and an active key is younger than it.
    Result<QString> rotate(const Principal &actor, std::optional<qint64> dueBeforeMs);
    Status reload();

    Database &m_db;
    const Clock &m_clock;
    ChangeFeed &m_feed;
    const crypto::Sealer &m_sealer;
    AuditService &m_audit;
    SettingsService &m_settings;
    std::unique_ptr<SigningKeyRepository> m_repo;
    QString m_algorithm;

    QMutex m_mutex;
    std::optional<Signer> m_signer;
    QString m_unreadableKid; // the active key, when the master key does not unseal it
    QHash<QString, crypto::SigningKey> m_public;
    ChangeFeed::Stamp m_loaded;
};

} // namespace keyward
