#pragma once

#include "audit_service.h"
#include "core/principal.h"
#include "core/result.h"
#include "core/webhook.h"

#include <QHostAddress>

#include <memory>
#include <optional>

namespace keyward {

class Clock;
class Database;
class WebhookRepository;
namespace crypto {
class Sealer;
}

// What a request says of a webhook. Making one, an absent field takes its default; changing one,
// it stays as it was.
struct WebhookInput {
    std::optional<QString> url;
    std::optional<QString> description;
    std::optional<QStringList> events;
    std::optional<bool> enabled;
    QList<FieldError> parseErrors;
};

// A webhook as made or given a new secret: the only time the secret is seen.
struct IssuedWebhookSecret {
    Webhook webhook;
    QString secret; // "whsec_..." (crypto/webhook_signature.h)
};

// The endpoints told of audit events, managed by holders of webhooks:manage. What an endpoint
// receives is the audit trail, so choosing where it is and what it receives, its secret, and seeing
// or resending what was sent take audit:read as well: a webhooks:manage role could otherwise read
// the trail through an endpoint of its own. At most 100 endpoints. Endpoints are
// https to a public address; with `allowPrivateTargets` (the operator's --webhooks-private) also
// loopback and private addresses, which plain http may reach. The address is checked again at
// each delivery, as connected: a name may resolve elsewhere later.
class WebhookService {
public:
    WebhookService(Database &db, const Clock &clock, AuditService &audit, const crypto::Sealer &sealer);
    ~WebhookService();

    void setAllowPrivateTargets(bool allow) { m_allowPrivateTargets = allow; }
    bool allowsPrivateTargets() const { return m_allowPrivateTargets; }

    Result<QList<Webhook>> list(const Principal &actor);
    Result<Webhook> get(const Principal &actor, const QString &id);
    Result<IssuedWebhookSecret> create(const Principal &actor, const WebhookInput &input);
    // `expectedVersion`: If-Match; a webhook changed since is refused with 412.
    Result<Webhook> update(const Principal &actor, const QString &id, const WebhookInput &input,
                           std::optional<qint64> expectedVersion);
    Status remove(const Principal &actor, const QString &id);
    // A new secret replaces the old one at once.
    Result<IssuedWebhookSecret> renewSecret(const Principal &actor, const QString &id);

    Result<DeliveryPage> deliveries(const Principal &actor, const QString &id, qint64 beforeId, int limit);
    // Sends a delivery's event again, as a new delivery (same webhook-id, so a receiver that saw it
    // can tell); the new delivery.
    Result<WebhookDelivery> resend(const Principal &actor, const QString &id, qint64 deliveryId);

    // The signing key sealed in a claimed delivery; nullopt when it does not open (another master key).
    std::optional<QByteArray> signingKey(const DueDelivery &due) const;
    // Whether an endpoint may be reached at `address`: a public one, or when private targets are
    // allowed any but the unspecified, link-local and multicast ones. `plainHttp`: only a private one
    // may be reached so. An IPv6 address carrying an IPv4 one (mapped, NAT64, 6to4) is that one.
    bool mayConnect(const QHostAddress &address, bool plainHttp) const;
    static bool isPublicAddress(const QHostAddress &address);

private:
    QList<FieldError> problemsOf(const Webhook &webhook) const;
    QByteArray seal(const QString &id, const QString &secret) const;

    Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    const crypto::Sealer &m_sealer;
    std::unique_ptr<WebhookRepository> m_repo;
    bool m_allowPrivateTargets = false;
};

} // namespace keyward
