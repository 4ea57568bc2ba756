#include "key_service.h"

#include "access_checks.h"
#include "core/clock.h"
#include "core/logging.h"
#include "core/permissions.h"
#include "crypto/digest.h"
#include "settings_service.h"
#include "store/signing_key_repository.h"
#include "store/write_transaction.h"

#include <QMutexLocker>
#include <algorithm>

namespace keyward {

namespace {
// Keys are read again at most this often when the change feed cannot vouch for them: requests with
// random kids must not turn into a database read each.
constexpr qint64 ReloadLimitMs = 250;

QByteArray sealContext(const QString &kid)
{
    return QByteArray("signing_key:") + kid.toUtf8();
}
} // namespace

KeyService::KeyService(Database &db, const Clock &clock, ChangeFeed &feed, const crypto::Sealer &sealer,
                       AuditService &audit, SettingsService &settings, QString algorithm)
    : m_db(db)
    , m_clock(clock)
    , m_feed(feed)
    , m_sealer(sealer)
    , m_audit(audit)
    , m_settings(settings)
    , m_repo(std::make_unique<SigningKeyRepository>(db))
    , m_algorithm(std::move(algorithm))
{
}

KeyService::~KeyService() = default;

Status KeyService::reload()
{
    const ChangeFeed::Stamp stamp = m_feed.stamp();
    // Retired keys stay while tokens they signed may be alive (plus a minute of clock skew).
    auto keys = m_repo->published(m_clock.nowMs() - m_settings.current().accessTtlSeconds * 1000 - 60'000);
    if (!keys)
        return keys.error();
    std::optional<Signer> signer;
    QString unreadableKid;
    QHash<QString, crypto::SigningKey> publicKeys;
    for (const StoredSigningKey &k : *keys) {
        if (auto pub = crypto::SigningKey::fromPem(k.algorithm, k.publicPem))
            publicKeys.insert(k.kid, *pub);
        if (signer || k.retiredAt != 0)
            continue;
        // Every active key is tried, whatever its algorithm: a node configured for another one
        // must still tell a wrong master key before it makes a key of its own.
        auto pem = m_sealer.open(k.privateSealed, sealContext(k.kid));
        if (!pem) {
            qCCritical(lcCrypto).noquote() << "signing key" << k.kid << "cannot be unsealed: wrong master key?";
            if (unreadableKid.isEmpty())
                unreadableKid = k.kid;
            continue;
        }
        if (k.algorithm != m_algorithm) {
            crypto::wipe(*pem);
            continue;
        }
        auto priv = crypto::SigningKey::fromPem(k.algorithm, *pem);
        crypto::wipe(*pem);
        if (priv)
            signer = Signer{k.kid, *priv, k.createdAt};
    }
    QMutexLocker lock(&m_mutex);
    m_signer = signer;
    m_unreadableKid = signer ? QString() : unreadableKid;
    m_public = publicKeys;
    m_loaded = stamp;
    return success();
}

Status KeyService::ensureActiveKey()
{
    if (auto s = reload(); !s)
        return s;
    {
        QMutexLocker lock(&m_mutex);
        if (m_signer)
            return success();
        if (!m_unreadableKid.isEmpty())
            return ApiError(500, QStringLiteral("wrong-master-key"), QStringLiteral("Wrong master key"),
                            QStringLiteral("the master key does not unseal the active signing key %1: this is not the "
                                           "key this database was set up with (give the right one with "
                                           "--master-key-file)")
                                .arg(m_unreadableKid));
    }
    auto kid = rotate();
    if (!kid)
        return kid.error();
    return success();
}

Result<QString> KeyService::rotate(const Principal &actor)
{
    if (auto e = missing(actor, permission::SettingsManage))
        return m_audit.noteRefusal(actor,
                                   {QStringLiteral("signing_key.rotate"), QStringLiteral("signing_key"), QString()},
                                   Result<QString>(*e));
    return rotate(actor, std::nullopt);
}

Result<QString> KeyService::rotateIfDue()
{
    const int days = m_settings.current().signingKeyRotationDays;
    if (days <= 0)
        return QString();
    return rotate(Principal::system(), m_clock.nowMs() - qint64(days) * 86'400'000);
}

Result<QString> KeyService::rotate(const Principal &actor, std::optional<qint64> dueBeforeMs)
{
    auto key = crypto::SigningKey::generate(m_algorithm);
    if (!key)
        return ApiError::internal();
    StoredSigningKey stored;
    stored.createdAt = m_clock.nowMs();
    stored.kid = crypto::randomToken(12);
    stored.algorithm = m_algorithm;
    stored.publicPem = key->publicPem();
    QByteArray pem = key->privatePem();
    stored.privateSealed = m_sealer.seal(pem, sealContext(stored.kid));
    crypto::wipe(pem);
    bool due = true;
    auto written = writeTransaction(m_db, [&]() -> Status {
        if (dueBeforeMs) {
            // Read under the write lock: a node that rotated meanwhile leaves nothing due here.
            auto newest = m_repo->newestActiveCreatedAt(m_algorithm);
            if (!newest)
                return newest.error();
            if (*newest >= *dueBeforeMs) {
                due = false;
                return success();
            }
        }
        if (auto s = m_repo->insert(stored); !s)
            return s;
        if (auto s = m_repo->retireOthers(stored.kid, stored.createdAt); !s)
            return s;
        return m_audit.append(actor, {QStringLiteral("signing_key.rotate"),
                                      QStringLiteral("signing_key"),
                                      stored.kid,
                                      QStringLiteral("success"),
                                      {{QStringLiteral("algorithm"), m_algorithm}}});
    });
    if (!written)
        return written.error();
    if (!due)
        return QString();
    qCInfo(lcCrypto).noquote() << "new" << m_algorithm << "signing key" << stored.kid;
    if (auto s = reload(); !s)
        return s.error();
    return stored.kid;
}

Result<KeyService::Signer> KeyService::signer()
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_signer && m_feed.isCurrent(m_loaded, ChangeFeed::Topic::Keys))
            return *m_signer;
    }
    if (auto s = reload(); !s)
        return s.error();
    QMutexLocker lock(&m_mutex);
    if (!m_signer)
        return ApiError::serviceUnavailable(QStringLiteral("No signing key is available."), 5);
    return *m_signer;
}

std::optional<crypto::SigningKey> KeyService::verificationKey(const QString &kid)
{
    const auto known = [this, &kid]() -> std::optional<crypto::SigningKey> {
        const auto it = m_public.constFind(kid);
        return it == m_public.constEnd() ? std::nullopt : std::optional(*it);
    };
    {
        QMutexLocker lock(&m_mutex);
        // Keys change rarely (a rotation, a key removed anywhere in the cluster); the feed says when.
        // Without a word from it, at most every ReloadLimitMs, whatever kids requests bring.
        if (m_feed.isCurrent(m_loaded, ChangeFeed::Topic::Keys) || m_clock.nowMs() - m_loaded.atMs < ReloadLimitMs)
            return known();
    }
    (void)reload(); // on failure, the keys known so far
    QMutexLocker lock(&m_mutex);
    return known();
}

Result<QList<std::pair<QString, crypto::SigningKey>>> KeyService::publishedKeys()
{
    if (auto s = reload(); !s)
        return s.error();
    QMutexLocker lock(&m_mutex);
    QList<std::pair<QString, crypto::SigningKey>> keys;
    for (auto it = m_public.cbegin(); it != m_public.cend(); ++it)
        keys.emplaceBack(it.key(), it.value());
    std::sort(keys.begin(), keys.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return keys;
}

} // namespace keyward
