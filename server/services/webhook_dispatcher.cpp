#include "webhook_dispatcher.h"

#include "audit_service.h"
#include "core/clock.h"
#include "core/logging.h"
#include "crypto/digest.h"
#include "crypto/webhook_signature.h"
#include "store/webhook_repository.h"
#include "store/write_transaction.h"
#include "webhook_service.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <curl/curl.h>

#include <sys/socket.h>

namespace keyward {

namespace {

constexpr qint64 MaxBackoffMs = 6 * 3600'000LL;
constexpr qsizetype MaxErrorText = 300;

// What a sending thread's curl callbacks need.
struct Transfer {
    const WebhookService *webhooks = nullptr;
    const std::atomic<bool> *stopping = nullptr;
    bool plainHttp = false;
    QString refusedAddress; // set when the endpoint resolved to an address it may not have
};

// Every connection curl opens passes here, with the address it resolved: a name that points at a
// private address (now, or only since the endpoint was registered) is refused before connecting.
curl_socket_t openCheckedSocket(void *context, curlsocktype purpose, curl_sockaddr *address)
{
    auto *transfer = static_cast<Transfer *>(context);
    const QHostAddress peer(&address->addr);
    if (purpose != CURLSOCKTYPE_IPCXN || !transfer->webhooks->mayConnect(peer, transfer->plainHttp)) {
        transfer->refusedAddress = peer.toString();
        return CURL_SOCKET_BAD;
    }
    return ::socket(address->family, address->socktype, address->protocol);
}

int stopWhenAsked(void *context, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<Transfer *>(context)->stopping->load() ? 1 : 0;
}

// The endpoint's answer is not kept: reading it lets the connection end cleanly.
size_t discard(char *, size_t size, size_t count, void *)
{
    return size * count;
}

// The body of a delivery: the Standard Webhooks envelope around the audit event.
QByteArray payloadOf(const AuditEvent &event)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), event.action},
                                     {QStringLiteral("timestamp"), formatTime(event.time)},
                                     {QStringLiteral("data"), auditEventJson(event)}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

WebhookDispatcher::WebhookDispatcher(Database &db, const Clock &clock, WebhookService &webhooks, AuditService &audit,
                                     std::function<void()> releaseThread)
    : m_db(db)
    , m_clock(clock)
    , m_webhooks(webhooks)
    , m_audit(audit)
    , m_releaseThread(std::move(releaseThread))
{
    m_senders.setMaxThreadCount(Parallel);
    m_senders.setObjectName(QStringLiteral("webhook senders"));
}

WebhookDispatcher::~WebhookDispatcher()
{
    stop();
}

qint64 WebhookDispatcher::backoffMs(int attempt)
{
    qint64 pause = 5'000;
    for (int i = 1; i < attempt && pause < MaxBackoffMs; ++i)
        pause *= 4;
    return qMin(pause, MaxBackoffMs);
}

void WebhookDispatcher::start()
{
    if (m_poller)
        return;
    m_stopping = false;
    m_poller = std::make_unique<QThread>();
    m_poller->setObjectName(QStringLiteral("webhooks"));
    auto *timer = new QTimer;
    timer->setInterval(PollMs);
    timer->moveToThread(m_poller.get());
    {
        QMutexLocker lock(&m_finishedLock);
        m_wake = timer;
    }
    QObject::connect(timer, &QTimer::timeout, timer, [this] { tick(); });
    QObject::connect(m_poller.get(), &QThread::started, timer, [timer] { timer->start(); });
    QObject::connect(m_poller.get(), &QThread::finished, timer, &QObject::deleteLater);
    QObject::connect(
        m_poller.get(), &QThread::finished, m_poller.get(), [this] { m_releaseThread(); }, Qt::DirectConnection);
    m_poller->start();
}

void WebhookDispatcher::tick()
{
    recordFinished();
    if (auto started = startDue(); !started)
        qCWarning(lcServices).noquote() << "webhook deliveries wait:" << started.error().detail();
}

void WebhookDispatcher::stop()
{
    m_stopping = true;
    {
        QMutexLocker lock(&m_finishedLock);
        m_wake = nullptr; // before the timer goes with its thread
    }
    if (m_poller) {
        m_poller->quit();
        m_poller->wait();
        m_poller.reset();
    }
    m_senders.waitForDone();
    recordFinished(); // what was answered before the end: not sent again
}

Result<int> WebhookDispatcher::deliverDue()
{
    auto started = startDue();
    m_senders.waitForDone();
    recordFinished();
    return started;
}

Result<int> WebhookDispatcher::startDue()
{
    const int free = Parallel - m_inFlight;
    if (free <= 0 || m_stopping)
        return 0;
    const qint64 now = m_clock.nowMs();
    WebhookRepository repo(m_db);
    auto claimed = writeTransaction(m_db, [&] { return repo.claim(now, now + LeaseMs, free); });
    if (!claimed)
        return claimed.error();
    for (const DueDelivery &due : *claimed) {
        // What the sender needs is read here, so that it needs no database.
        auto event = m_audit.event(due.delivery.eventSeq);
        if (!event)
            continue; // the database failed: the claim lapses and the delivery is due again
        auto key = m_webhooks.signingKey(due);
        if (!*event || !key) {
            const QString why = !*event ? QStringLiteral("The event is no longer in the audit log (pruned).")
                                        : QStringLiteral("The endpoint's secret does not open with this master key.");
            if (auto r = record(due, {Outcome::Kind::Undeliverable, 0, why}); !r)
                qCWarning(lcServices).noquote()
                    << "webhook delivery" << due.delivery.id << "not given up:" << r.error().detail();
            continue;
        }
        ++m_inFlight;
        m_senders.start([this, due, event = **event, key = *key]() mutable {
            finished(due, send(due, event, std::move(key)));
            m_releaseThread();
        });
        crypto::wipe(*key);
    }
    return static_cast<int>(claimed->size());
}

void WebhookDispatcher::finished(const DueDelivery &due, const Outcome &outcome)
{
    QMutexLocker lock(&m_finishedLock);
    m_finished.append({due, outcome});
    --m_inFlight;
    if (m_wake) // record it, and fill the free sender, now rather than at the next poll
        QMetaObject::invokeMethod(
            m_wake, [this] { tick(); }, Qt::QueuedConnection);
}

void WebhookDispatcher::recordFinished()
{
    QList<QPair<DueDelivery, Outcome>> done;
    {
        QMutexLocker lock(&m_finishedLock);
        done.swap(m_finished);
    }
    for (const auto &[due, outcome] : std::as_const(done))
        if (auto r = record(due, outcome); !r)
            qCWarning(lcServices).noquote()
                << "webhook delivery" << due.delivery.id << "outcome not recorded:" << r.error().detail();
}

WebhookDispatcher::Outcome WebhookDispatcher::send(const DueDelivery &due, const AuditEvent &event, QByteArray key)
{
    const QByteArray body = payloadOf(event);
    const qint64 timestamp = m_clock.nowMs() / 1000;
    const QByteArray signature = crypto::webhook::signature(key, due.delivery.eventId.toUtf8(), timestamp, body);
    crypto::wipe(key);

    Transfer transfer{&m_webhooks, &m_stopping, QUrl(due.url).scheme() == u"http", {}};
    CURL *curl = curl_easy_init();
    if (!curl)
        return {Outcome::Kind::Failed, 0, QStringLiteral("Out of memory.")};
    curl_slist *headers = nullptr;
    for (const QByteArray &h : QList<QByteArray>{
             QByteArray("Content-Type: application/json"), QByteArray("webhook-id: ") + due.delivery.eventId.toUtf8(),
             QByteArray("webhook-timestamp: ") + QByteArray::number(timestamp),
             QByteArray("webhook-signature: ") + signature, QByteArray("User-Agent: Keyward-Webhooks/" KEYWARD_VERSION),
             QByteArray("Expect:")})
        headers = curl_slist_append(headers, h.constData());
    const QByteArray url = due.url.toUtf8();
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_PROXY, ""); // never through a proxy from the environment
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(curl, CURLOPT_OPENSOCKETFUNCTION, openCheckedSocket);
    curl_easy_setopt(curl, CURLOPT_OPENSOCKETDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, stopWhenAsked);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(AttemptTimeoutMs / 2));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(AttemptTimeoutMs));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    const CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);

    if (rc == CURLE_ABORTED_BY_CALLBACK)
        return {Outcome::Kind::Interrupted, 0, {}};
    // A refused address matters only when no other address of the name answered.
    if (rc != CURLE_OK && !transfer.refusedAddress.isEmpty())
        return {Outcome::Kind::Failed, 0,
                QStringLiteral("The endpoint resolved to %1, an address it may not have%2.")
                    .arg(transfer.refusedAddress, m_webhooks.allowsPrivateTargets()
                                                      ? QStringLiteral(" (plain http reaches private ones only)")
                                                      : QStringLiteral(" (see --webhooks-private)"))};
    if (rc != CURLE_OK)
        return {Outcome::Kind::Failed, static_cast<int>(status),
                QString::fromUtf8(curl_easy_strerror(rc)).left(MaxErrorText)};
    if (status < 200 || status > 299)
        return {Outcome::Kind::Failed, static_cast<int>(status),
                QStringLiteral("The endpoint answered %1.").arg(status)};
    return {Outcome::Kind::Delivered, static_cast<int>(status), {}};
}

Status WebhookDispatcher::record(const DueDelivery &due, const Outcome &outcome)
{
    if (outcome.kind == Outcome::Kind::Interrupted)
        return success(); // not the endpoint's doing: the claim lapses and it is sent again
    const qint64 now = m_clock.nowMs();
    WebhookRepository repo(m_db);
    const QString &webhookId = due.delivery.webhookId;
    return writeTransaction(m_db, [&]() -> Status {
        if (outcome.kind == Outcome::Kind::Delivered) {
            auto recorded = repo.recordSuccess(due.delivery, outcome.status, now);
            return recorded ? success() : Status(recorded.error());
        }
        if (outcome.kind == Outcome::Kind::Undeliverable) {
            auto recorded = repo.recordFailure(due.delivery, outcome.status, outcome.error, 0, now, false);
            return recorded ? success() : Status(recorded.error());
        }
        const qint64 windowEnd = due.delivery.createdAt + RetryWindowMs;
        const qint64 pause = backoffMs(due.delivery.attempts);
        const qint64 jitter = static_cast<qint64>(QRandomGenerator::global()->bounded(pause / 5 + 1)) - pause / 10;
        const qint64 retryAt = now >= windowEnd ? 0 : qMin(windowEnd, now + pause + jitter);
        auto recorded = repo.recordFailure(due.delivery, outcome.status, outcome.error, retryAt, now, true);
        if (!recorded || !*recorded)
            return recorded ? success() : Status(recorded.error());
        // No answer, or the endpoint's own trouble: its other deliveries wait as long as this one.
        const bool endpointDown = outcome.status == 0 || outcome.status >= 500 || outcome.status == 429;
        if (retryAt && endpointDown)
            if (auto r = repo.postponeOthers(due.delivery, retryAt); !r)
                return r;
        auto disabled = repo.disableFailing(webhookId, now - RetryWindowMs, now);
        if (!disabled || !*disabled)
            return disabled ? success() : Status(disabled.error());
        qCWarning(lcServices).noquote() << "webhook" << webhookId << "disabled: it has failed for a day";
        return m_audit.append(Principal::system(), {QStringLiteral("webhook.disable"),
                                                    QStringLiteral("webhook"),
                                                    webhookId,
                                                    QStringLiteral("success"),
                                                    {{QStringLiteral("reason"), QStringLiteral("failing")},
                                                     {QStringLiteral("last_error"), outcome.error}}});
    });
}

} // namespace keyward
