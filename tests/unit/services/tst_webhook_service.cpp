// The webhook outbox on both backends: an event is queued for the endpoints that want it in the
// transaction of its change (so a rolled-back change queues nothing), each due delivery is claimed
// by one sender at a time, and an attempt whose claim has lapsed records nothing. Also the
// addresses an endpoint may have, and the pauses between attempts.
#include "core/permissions.h"
#include "service_fixture.h"
#include "store/webhook_repository.h"
#include "store/write_transaction.h"

#include <QHostAddress>
#include <QTest>

#include <future>

using namespace keyward;
using namespace keyward::test;

namespace {

QString endpoint(ServiceFixture &f, const QStringList &events)
{
    WebhookInput in;
    in.url = QStringLiteral("https://hooks.example.com/in");
    in.events = events;
    auto made = f.services->webhooks().create(Principal::system(), in);
    if (!made)
        qFatal("%s", qPrintable(made.error().detail()));
    return made->webhook.id;
}

int queued(ServiceFixture &f, const QString &id)
{
    return static_cast<int>(f.services->webhooks().deliveries(Principal::system(), id, 0, 200)->items.size());
}

AuditEntry entry(const char *action)
{
    return {QString::fromLatin1(action), QStringLiteral("user"), QStringLiteral("u1")};
}

} // namespace

class TstWebhookService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void anEndpointGetsTheEventsItAskedFor_data() { TestDatabase::addBackendRows(); }
    void anEndpointGetsTheEventsItAskedFor()
    {
        QFETCH(QString, backend);
        ServiceFixture f(QStringLiteral("RS256"), backend);
        const QString exact = endpoint(f, {QStringLiteral("auth.login")});
        const QString prefix = endpoint(f, {QStringLiteral("auth.*"), QStringLiteral("auth.login")}); // overlap
        const QString all = endpoint(f, {QStringLiteral("*")});
        AuditService &audit = f.services->audit();
        const int allBefore = queued(f, all); // the endpoints' own creation events
        QVERIFY(audit.record(Principal::system(), entry("auth.login")));
        QVERIFY(audit.record(Principal::system(), entry("auth.login.mfa_required")));
        QVERIFY(audit.record(Principal::system(), entry("user.create")));
        QCOMPARE(queued(f, exact), 1);
        QCOMPARE(queued(f, prefix), 2); // once each, though two subscriptions match the first
        QCOMPARE(queued(f, all), allBefore + 3);

        // A change rolled back queues nothing: its event never was.
        const auto failed = writeTransaction(f.services->database(), [&]() -> Status {
            if (auto r = audit.append(Principal::system(), entry("auth.login")); !r)
                return r;
            return ApiError::conflict(QStringLiteral("changed my mind"));
        });
        QVERIFY(!failed);
        QCOMPARE(queued(f, exact), 1);

        // A disabled endpoint is queued nothing.
        WebhookInput off;
        off.enabled = false;
        QVERIFY(f.services->webhooks().update(Principal::system(), exact, off, std::nullopt));
        QVERIFY(audit.record(Principal::system(), entry("auth.login")));
        QCOMPARE(queued(f, exact), 1);
        QCOMPARE(queued(f, prefix), 3);
    }

    void aDeliveryIsClaimedByOneSenderAtATime_data() { TestDatabase::addBackendRows(); }
    void aDeliveryIsClaimedByOneSenderAtATime()
    {
        QFETCH(QString, backend);
        ServiceFixture f(QStringLiteral("RS256"), backend);
        const QString id = endpoint(f, {QStringLiteral("user.create")});
        for (int i = 0; i < 40; ++i)
            QVERIFY(f.services->audit().record(Principal::system(), entry("user.create")));
        Database &db = f.services->database();
        const qint64 now = f.clock.nowMs();
        // Two senders claim at once, each on its own connection; between them every delivery is
        // claimed, none twice.
        const auto claimer = [&] {
            QList<qint64> ids;
            for (;;) {
                WebhookRepository repo(db);
                auto batch = writeTransaction(db, [&] { return repo.claim(now, now + 60'000, 3); });
                if (!batch || batch->isEmpty())
                    break;
                for (const DueDelivery &d : *batch)
                    ids << d.delivery.id;
            }
            Services::releaseThread();
            return ids;
        };
        auto first = std::async(std::launch::async, claimer);
        auto second = std::async(std::launch::async, claimer);
        QList<qint64> all = first.get() + second.get();
        QCOMPARE(all.size(), 40);
        QCOMPARE(QSet<qint64>(all.begin(), all.end()).size(), 40);

        // Claimed, it is not due again until its lease runs out; then the late outcome of the
        // first attempt is not recorded, the second attempt's is.
        WebhookRepository repo(db);
        QVERIFY(writeTransaction(db, [&] { return repo.claim(now, now + 60'000, 100); })->isEmpty());
        auto again = writeTransaction(db, [&] { return repo.claim(now + 60'000, now + 120'000, 1); });
        QCOMPARE(again->size(), 1);
        WebhookDelivery late = again->first().delivery;
        QCOMPARE(late.attempts, 2);
        late.attempts = 1;
        QCOMPARE(*writeTransaction(db, [&] { return repo.recordSuccess(late, 200, now); }), false);
        QCOMPARE(*writeTransaction(db, [&] { return repo.recordSuccess(again->first().delivery, 200, now); }), true);
        QCOMPARE(f.services->webhooks().deliveries(Principal::system(), id, 0, 1)->nextBeforeId > 0, true);
    }

    void finishedDeliveriesAreForgottenAfterAMonth()
    {
        ServiceFixture f;
        const QString id = endpoint(f, {QStringLiteral("user.create")});
        QVERIFY(f.services->audit().record(Principal::system(), entry("user.create")));
        QVERIFY(f.services->audit().record(Principal::system(), entry("user.create")));
        Database &db = f.services->database();
        WebhookRepository repo(db);
        const qint64 now = f.clock.nowMs();
        auto claimed = writeTransaction(db, [&] { return repo.claim(now, now + 1000, 1); });
        QVERIFY(*writeTransaction(db, [&] { return repo.recordSuccess(claimed->first().delivery, 200, now); }));
        f.clock.advance(29LL * 24 * 3600'000);
        QVERIFY(f.services->maintenance().runOnce());
        QCOMPARE(queued(f, id), 2);
        f.clock.advance(2LL * 24 * 3600'000);
        QVERIFY(f.services->maintenance().runOnce());
        const auto left = f.services->webhooks().deliveries(Principal::system(), id, 0, 10)->items;
        QCOMPARE(left.size(), 1); // the pending one stays, however old
        QCOMPARE(left.first().state, QStringLiteral("pending"));
    }

    // An event pruned from the audit log cannot be sent: given up at once, and not the endpoint's fault.
    void aPrunedEventIsGivenUpWithoutBlamingTheEndpoint()
    {
        ServiceFixture f;
        const QString id = endpoint(f, {QStringLiteral("user.create")});
        QVERIFY(f.services->audit().record(Principal::system(), entry("user.create")));
        f.clock.advance(3LL * 24 * 3600'000);
        QVERIFY(f.services->audit().prune(1));
        auto dispatcher = f.services->makeWebhookDispatcher();
        QCOMPARE(*dispatcher->deliverDue(), 1);
        const WebhookDelivery d = f.services->webhooks().deliveries(Principal::system(), id, 0, 10)->items.last();
        QCOMPARE(d.state, QStringLiteral("failed"));
        QVERIFY(d.lastError.contains(QLatin1String("pruned")));
        QCOMPARE(f.services->webhooks().get(Principal::system(), id)->failingSince, 0);
        auto again = f.services->webhooks().resend(Principal::system(), id, d.id);
        QVERIFY(!again);
        QCOMPARE(again.error().status(), 409);
    }

    void endpointsAreAtPublicAddressesUnlessAllowed()
    {
        ServiceFixture f;
        WebhookService &w = f.services->webhooks();
        const auto may = [&](const char *address, bool http = false) {
            return w.mayConnect(QHostAddress(QString::fromLatin1(address)), http);
        };
        for (const char *outside :
             {"8.8.8.8", "203.0.113.9", "2001:4860:4860::8888", "64:ff9b::808:808", "2002:808:808::1"})
            QVERIFY2(WebhookService::isPublicAddress(QHostAddress(QString::fromLatin1(outside))), outside);
        for (const char *inside : {"127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.0.1", "169.254.169.254",
                                   "100.64.1.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
                                   "fd12::1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "ff02::1"})
            QVERIFY2(!WebhookService::isPublicAddress(QHostAddress(QString::fromLatin1(inside))), inside);
        QVERIFY(may("8.8.8.8"));
        QVERIFY(!may("8.8.8.8", true)); // plain http goes nowhere public
        QVERIFY(!may("127.0.0.1"));
        w.setAllowPrivateTargets(true);
        QVERIFY(may("127.0.0.1", true));
        QVERIFY(may("10.0.0.1"));
        QVERIFY(may("::ffff:192.168.1.2", true));
        QVERIFY(!may("169.254.169.254")); // link-local stays out of reach
        QVERIFY(!may("fe80::1"));
        QVERIFY(!may("64:ff9b::a9fe:a9fe"));
        QVERIFY(!may("8.8.8.8", true));
        QVERIFY(!may("0.0.0.0"));
        QVERIFY(!may("::"));
        QVERIFY(!may("224.0.0.1"));
    }

    void thePausesGrowToSixHours()
    {
        QCOMPARE(WebhookDispatcher::backoffMs(1), 5'000);
        QCOMPARE(WebhookDispatcher::backoffMs(2), 20'000);
        QCOMPARE(WebhookDispatcher::backoffMs(3), 80'000);
        QCOMPARE(WebhookDispatcher::backoffMs(8), 6 * 3600'000LL);
        QCOMPARE(WebhookDispatcher::backoffMs(1000), 6 * 3600'000LL);
    }
};

QTEST_GUILESS_MAIN(TstWebhookService)
#include "tst_webhook_service.moc"
