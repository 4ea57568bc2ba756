#include "webhook_service.h"

#include "access_checks.h"
#include "core/clock.h"
#include "core/ids.h"
#include "core/permissions.h"
#include "crypto/digest.h"
#include "crypto/sealer.h"
#include "crypto/webhook_signature.h"
#include "store/webhook_repository.h"
#include "store/write_transaction.h"
#include "validation.h"

#include <QJsonArray>
#include <QUrl>

namespace keyward {

namespace {

constexpr int MaxUrlLength = 2000;
constexpr int MaxEvents = 50;
constexpr int MaxDescription = 200;
constexpr int MaxDeliveryPage = 200;
constexpr qint64 MaxWebhooks = 100;

QByteArray sealingContext(const QString &id)
{
    return "webhook:" + id.toUtf8();
}

// "*", an audit action, or "prefix.*" standing for the actions under a prefix.
bool isKnownEvent(const QString &event)
{
    if (event == QLatin1String("*") || auditActions().contains(event))
        return true;
    if (!event.endsWith(QLatin1String(".*")))
        return false;
    const QString prefix = event.chopped(1); // "user."
    return std::any_of(auditActions().begin(), auditActions().end(),
                       [&](const QString &action) { return action.startsWith(prefix); });
}

// Lays `in` over `w`; the names of the fields that changed.
QStringList apply(const WebhookInput &in, Webhook &w)
{
    QStringList changed;
    const auto set = [&](const char *field, const auto &value, auto &target) {
        if (value && *value != target) {
            target = *value;
            changed.append(QString::fromLatin1(field));
        }
    };
    set("url", in.url ? std::optional<QString>(in.url->trimmed()) : std::nullopt, w.url);
    set("description", in.description ? std::optional<QString>(in.description->trimmed()) : std::nullopt,
        w.description);
    if (in.events) {
        QStringList events = *in.events;
        events.removeDuplicates();
        events.sort();
        set("events", std::optional<QStringList>(events), w.events);
    }
    set("enabled", in.enabled, w.enabled);
    return changed;
}

// Where an endpoint is, for the audit trail: its host only, as a path or query may hold a token.
QString hostOf(const QString &url)
{
    return QUrl(url).host();
}

AuditEntry webhookEvent(const char *action, const QString &id, QJsonObject details = {})
{
    return {QString::fromLatin1(action), QStringLiteral("webhook"), id, QStringLiteral("success"), std::move(details)};
}

// Choosing where events go or which, signing them (the secret), and seeing or resending what was
// sent all read the audit trail through an endpoint.
std::optional<ApiError> mayReadThroughIt(const Principal &actor)
{
    if (auto e = missing(actor, permission::WebhooksManage))
        return e;
    return missing(actor, permission::AuditRead);
}

} // namespace

WebhookService::WebhookService(Database &db, const Clock &clock, AuditService &audit, const crypto::Sealer &sealer)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_sealer(sealer)
    , m_repo(std::make_unique<WebhookRepository>(db))
{
}

WebhookService::~WebhookService() = default;

namespace {

// The IPv4 address an IPv6 one stands for: IPv4-mapped (::ffff:a.b.c.d), the well-known NAT64
// prefix (64:ff9b::/96, RFC 6052) and 6to4 (2002:AABB:CCDD::/48, RFC 3056) reach it.
std::optional<QHostAddress> embeddedIPv4(const QHostAddress &address)
{
    bool isV4 = false;
    if (const quint32 v4 = address.toIPv4Address(&isV4); isV4)
        return QHostAddress(v4);
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return std::nullopt;
    const Q_IPV6ADDR a = address.toIPv6Address();
    const auto at = [&](int i) {
        return quint32(a[i]) << 24 | quint32(a[i + 1]) << 16 | quint32(a[i + 2]) << 8 | a[i + 3];
    };
    if (address.isInSubnet(QHostAddress::parseSubnet(QStringLiteral("64:ff9b::/96"))))
        return QHostAddress(at(12));
    if (address.isInSubnet(QHostAddress::parseSubnet(QStringLiteral("2002::/16"))))
        return QHostAddress(at(2));
    return std::nullopt;
}

bool isLinkLocal(const QHostAddress &address)
{
    const QHostAddress v4 = embeddedIPv4(address).value_or(address);
    return v4.isInSubnet(QHostAddress::parseSubnet(QStringLiteral("169.254.0.0/16"))) ||
           v4.isInSubnet(QHostAddress::parseSubnet(QStringLiteral("fe80::/10")));
}

} // namespace

bool WebhookService::isPublicAddress(const QHostAddress &address)
{
    if (const auto v4 = embeddedIPv4(address)) {
        static const QList<QPair<QHostAddress, int>> special{
            QHostAddress::parseSubnet(QStringLiteral("0.0.0.0/8")),
            QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8")),
            QHostAddress::parseSubnet(QStringLiteral("100.64.0.0/10")),
            QHostAddress::parseSubnet(QStringLiteral("127.0.0.0/8")),
            QHostAddress::parseSubnet(QStringLiteral("169.254.0.0/16")),
            QHostAddress::parseSubnet(QStringLiteral("172.16.0.0/12")),
            QHostAddress::parseSubnet(QStringLiteral("192.0.0.0/24")),
            QHostAddress::parseSubnet(QStringLiteral("192.168.0.0/16")),
            QHostAddress::parseSubnet(QStringLiteral("198.18.0.0/15")),
            QHostAddress::parseSubnet(QStringLiteral("224.0.0.0/3")), // multicast, reserved, broadcast
        };
        return std::none_of(special.begin(), special.end(), [&](const auto &subnet) { return v4->isInSubnet(subnet); });
    }
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return false;
    static const QList<QPair<QHostAddress, int>> special{
        QHostAddress::parseSubnet(QStringLiteral("::/96")),          // unspecified, loopback, IPv4-compatible
        QHostAddress::parseSubnet(QStringLiteral("64:ff9b:1::/48")), // local-use NAT64 (RFC 8215)
        QHostAddress::parseSubnet(QStringLiteral("2001::/32")),      // Teredo: an IPv4 address behind it
        QHostAddress::parseSubnet(QStringLiteral("fc00::/7")),       // unique local
        QHostAddress::parseSubnet(QStringLiteral("fe80::/10")),      // link-local
        QHostAddress::parseSubnet(QStringLiteral("fec0::/10")),      // site-local
        QHostAddress::parseSubnet(QStringLiteral("ff00::/8")),       // multicast
    };
    return std::none_of(special.begin(), special.end(), [&](const auto &subnet) { return address.isInSubnet(subnet); });
}

bool WebhookService::mayConnect(const QHostAddress &address, bool plainHttp) const
{
    if (isPublicAddress(address))
        return !plainHttp;
    // Even on one's own network, link-local is where cloud metadata and neighbours' services are.
    if (!m_allowPrivateTargets || address.isMulticast() || isLinkLocal(address))
        return false;
    const QHostAddress v4 = embeddedIPv4(address).value_or(address);
    return v4 != QHostAddress(QHostAddress::AnyIPv4) && v4 != QHostAddress(QHostAddress::AnyIPv6) &&
           !v4.isInSubnet(QHostAddress::parseSubnet(QStringLiteral("224.0.0.0/3")));
}

QList<FieldError> WebhookService::problemsOf(const Webhook &w) const
{
    QList<FieldError> errors;
    const auto add = [&](const char *field, const char *code, const QString &message) {
        errors.append({QString::fromLatin1(field), QString::fromLatin1(code), message});
    };
    const QUrl url(w.url, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (w.url.isEmpty())
        add("url", "required", QStringLiteral("Where to send the events."));
    else if (w.url.size() > MaxUrlLength)
        add("url", "too_long", QStringLiteral("At most %1 characters.").arg(MaxUrlLength));
    else if (!url.isValid() || url.isRelative() || url.host().isEmpty() || w.url.contains(QLatin1Char(' ')))
        add("url", "invalid_uri", QStringLiteral("An absolute http(s) URL."));
    else if (!url.userInfo().isEmpty() || url.hasFragment())
        add("url", "invalid_uri", QStringLiteral("An endpoint URL holds no user name, password or fragment."));
    else if (scheme != QLatin1String("https") && (scheme != QLatin1String("http") || !m_allowPrivateTargets))
        add("url", "invalid_uri",
            m_allowPrivateTargets ? QStringLiteral("An http or https URL.")
                                  : QStringLiteral("An https URL (plain http only to private addresses, which "
                                                   "the server must be started with --webhooks-private to allow)."));
    else if (const QHostAddress literal(url.host()); !literal.isNull() && !mayConnect(literal, scheme == u"http"))
        add("url", "forbidden_address",
            m_allowPrivateTargets ? QStringLiteral("Not an address an endpoint may have.")
                                  : QStringLiteral("A private, loopback or reserved address: start the server with "
                                                   "--webhooks-private to allow it."));
    if (w.description.size() > MaxDescription || std::any_of(w.description.begin(), w.description.end(), [](QChar c) {
            return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
        }))
        add("description", "invalid_value",
            QStringLiteral("At most %1 characters, no control or format characters.").arg(MaxDescription));
    if (w.events.isEmpty())
        add("events", "required", QStringLiteral("At least one event type: an audit action, 'prefix.*' or '*'."));
    else if (w.events.size() > MaxEvents)
        add("events", "too_many", QStringLiteral("At most %1.").arg(MaxEvents));
    for (const QString &event : w.events)
        if (!isKnownEvent(event)) {
            add("events", "invalid_value",
                QStringLiteral("'%1' is not an audit action, 'prefix.*' or '*'.").arg(event.left(100)));
            break;
        }
    return errors;
}

QByteArray WebhookService::seal(const QString &id, const QString &secret) const
{
    return m_sealer.seal(secret.toLatin1(), sealingContext(id));
}

std::optional<QByteArray> WebhookService::signingKey(const DueDelivery &due) const
{
    auto secret = m_sealer.open(due.sealedSecret, sealingContext(due.delivery.webhookId));
    if (!secret)
        return std::nullopt;
    auto key = crypto::webhook::keyOf(QString::fromLatin1(*secret));
    crypto::wipe(*secret);
    return key;
}

Result<QList<Webhook>> WebhookService::list(const Principal &actor)
{
    if (auto e = missing(actor, permission::WebhooksManage))
        return *e;
    return m_repo->list();
}

Result<Webhook> WebhookService::get(const Principal &actor, const QString &id)
{
    if (auto e = missing(actor, permission::WebhooksManage))
        return *e;
    return m_repo->find(id);
}

Result<IssuedWebhookSecret> WebhookService::create(const Principal &actor, const WebhookInput &input)
{
    if (auto e = mayReadThroughIt(actor))
        return *e;
    IssuedWebhookSecret issued;
    Webhook &w = issued.webhook;
    apply(input, w);
    QList<FieldError> errors = input.parseErrors + problemsOf(w);
    if (!errors.isEmpty())
        return ApiError::validation(errors);
    w.createdAt = w.updatedAt = m_clock.nowMs();
    w.id = newId(w.createdAt);
    w.createdBy = actor.id;
    issued.secret = crypto::webhook::newSecret();
    auto s = writeTransaction(m_db, [&]() -> Status {
        auto existing = m_repo->count();
        if (!existing)
            return existing.error();
        if (*existing >= MaxWebhooks)
            return ApiError::conflict(
                QStringLiteral("There are %1 webhooks, as many as there may be; remove one first.").arg(MaxWebhooks));
        if (auto r = m_repo->insert(w, seal(w.id, issued.secret)); !r)
            return r;
        return m_audit.append(actor, webhookEvent("webhook.create", w.id,
                                                  {{QStringLiteral("host"), hostOf(w.url)},
                                                   {QStringLiteral("events"), QJsonArray::fromStringList(w.events)}}));
    });
    if (!s)
        return s.error();
    return issued;
}

Result<Webhook> WebhookService::update(const Principal &actor, const QString &id, const WebhookInput &input,
                                       std::optional<qint64> expectedVersion)
{
    if (auto e = missing(actor, permission::WebhooksManage))
        return *e;
    return writeTransaction(m_db, [&]() -> Result<Webhook> {
        auto found = m_repo->find(id);
        if (!found)
            return found.error();
        Webhook w = *found;
        if (expectedVersion && *expectedVersion != w.version)
            return ApiError::preconditionFailed(
                QStringLiteral("The webhook is at version %1 now; read it again.").arg(w.version));
        const QStringList changed = apply(input, w);
        QList<FieldError> errors = input.parseErrors + problemsOf(w);
        if (!errors.isEmpty())
            return ApiError::validation(errors);
        if (changed.contains(QStringLiteral("url")) || changed.contains(QStringLiteral("events")))
            if (auto e = mayReadThroughIt(actor))
                return *e;
        if (changed.isEmpty())
            return w;
        const bool enabled = changed.contains(QStringLiteral("enabled"));
        const qint64 now = m_clock.nowMs();
        // Enabled again it starts over, its past failures forgiven; disabled, what it had pending is given up.
        if (auto r = m_repo->update(w, enabled && w.enabled, now); !r)
            return r.error();
        if (enabled && !w.enabled)
            if (auto r = m_repo->dropPending(id, QStringLiteral("The endpoint was disabled."), now); !r)
                return r.error();
        QJsonObject details{{QStringLiteral("fields"), QJsonArray::fromStringList(changed)}};
        if (changed.contains(QStringLiteral("url")))
            details.insert(QStringLiteral("host"), hostOf(w.url));
        if (auto r = m_audit.append(actor, webhookEvent("webhook.update", id, details)); !r)
            return r.error();
        return m_repo->find(id);
    });
}

Status WebhookService::remove(const Principal &actor, const QString &id)
{
    if (auto e = missing(actor, permission::WebhooksManage))
        return *e;
    return writeTransaction(m_db, [&]() -> Status {
        if (auto r = m_repo->remove(id); !r)
            return r;
        return m_audit.append(actor, webhookEvent("webhook.delete", id));
    });
}

Result<IssuedWebhookSecret> WebhookService::renewSecret(const Principal &actor, const QString &id)
{
    if (auto e = mayReadThroughIt(actor))
        return *e;
    IssuedWebhookSecret issued;
    issued.secret = crypto::webhook::newSecret();
    auto s = writeTransaction(m_db, [&]() -> Status {
        if (auto r = m_repo->setSecret(id, seal(id, issued.secret), m_clock.nowMs()); !r)
            return r;
        return m_audit.append(actor, webhookEvent("webhook.secret", id));
    });
    if (!s)
        return s.error();
    auto webhook = m_repo->find(id);
    if (!webhook)
        return webhook.error();
    issued.webhook = *webhook;
    return issued;
}

Result<DeliveryPage> WebhookService::deliveries(const Principal &actor, const QString &id, qint64 beforeId, int limit)
{
    if (auto e = mayReadThroughIt(actor))
        return *e;
    if (limit < 1 || limit > MaxDeliveryPage)
        return ApiError::validation(QStringLiteral("limit"), QStringLiteral("out_of_range"),
                                    QStringLiteral("Must be 1 to %1.").arg(MaxDeliveryPage));
    if (auto found = m_repo->find(id); !found)
        return found.error();
    return m_repo->deliveries(id, beforeId, limit);
}

Result<WebhookDelivery> WebhookService::resend(const Principal &actor, const QString &id, qint64 deliveryId)
{
    if (auto e = mayReadThroughIt(actor))
        return *e;
    return writeTransaction(m_db, [&]() -> Result<WebhookDelivery> {
        auto of = m_repo->delivery(id, deliveryId);
        if (!of)
            return of.error();
        auto event = m_audit.event(of->eventSeq);
        if (!event)
            return event.error();
        if (!*event)
            return ApiError::conflict(
                QStringLiteral("The event is no longer in the audit log; it cannot be sent again."));
        auto made = m_repo->resend(*of, m_clock.nowMs());
        if (!made)
            return made.error();
        if (auto r = m_audit.append(actor, webhookEvent("webhook.resend", id,
                                                        {{QStringLiteral("delivery"), deliveryId},
                                                         {QStringLiteral("event_id"), of->eventId}}));
            !r)
            return r.error();
        return m_repo->delivery(id, *made);
    });
}

} // namespace keyward
