// Webhooks over HTTP on both backends: endpoints registered through the API get the audit events
// they asked for, signed per Standard Webhooks (checked by a real receiver with Qt's own HMAC),
// once each; a failing endpoint is retried with growing pauses, given up after a day and disabled;
// what an endpoint may be, and who may make one, is enforced.
#include "api_helpers.h"
#include "manual_clock.h"
#include "test_server.h"
#include "webhook_receiver.h"

#include <QJsonArray>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

namespace {

constexpr int DeliveryWaitMs = 10'000;
const QString Webhooks = QStringLiteral("/api/v1/webhooks");

struct Endpoint {
    QString id;
    QString secret;
};

Endpoint registerEndpoint(TestServer &s, const QByteArray &token, const QString &url, const QStringList &events)
{
    const Reply made = s.post(Webhooks,
                              obj({{QStringLiteral("url"), url},
                                   {QStringLiteral("description"), QStringLiteral("CRM sync")},
                                   {QStringLiteral("events"), QJsonArray::fromStringList(events)}}),
                              token);
    if (made.status != 201)
        qWarning() << made.status << made.body;
    return {made.json().value(QStringLiteral("id")).toString(), made.json().value(QStringLiteral("secret")).toString()};
}

QJsonArray deliveries(TestServer &s, const QByteArray &token, const QString &id)
{
    return s.get(Webhooks + QLatin1Char('/') + id + QStringLiteral("/deliveries"), token)
        .json()
        .value(QStringLiteral("items"))
        .toArray();
}

QJsonObject newestDelivery(TestServer &s, const QByteArray &token, const QString &id)
{
    return deliveries(s, token, id).first().toObject();
}

} // namespace

class TstWebhooks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deliversTheEventsAskedForSignedAndOnce_data() { TestDatabase::addBackendRows(); }
    void deliversTheEventsAskedForSignedAndOnce()
    {
        auto s = TestServer::onRowBackend();
        s->services().webhooks().setAllowPrivateTargets(true);
        auto dispatcher = s->services().makeWebhookDispatcher();
        dispatcher->start();
        WebhookReceiver receiver;
        QVERIFY(receiver.ok());
        const QByteArray admin = s->adminToken();

        const Endpoint hook = registerEndpoint(*s, admin, receiver.url(), {QStringLiteral("user.*")});
        QVERIFY(hook.secret.startsWith(QLatin1String("whsec_")));
        receiver.setSecret(hook.secret);
        // The secret is shown once.
        const Reply read = s->get(Webhooks + QLatin1Char('/') + hook.id, admin);
        QCOMPARE(read.status, 200);
        QVERIFY(!read.json().contains(QStringLiteral("secret")));
        QVERIFY(!s->get(Webhooks, admin).body.contains(hook.secret.toLatin1()));
        QCOMPARE(read.json().value(QStringLiteral("events")).toArray(), QJsonArray{QStringLiteral("user.*")});

        const QString ann = s->createUser(QStringLiteral("ann"), QStringLiteral("ann's long passphrase"), {});
        QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 1, DeliveryWaitMs);
        ReceivedWebhook first = receiver.received().first();
        QVERIFY(first.signatureValid);
        QVERIFY(first.timestampRecent);
        QCOMPARE(first.body.value(QStringLiteral("type")).toString(), QStringLiteral("user.create"));
        const QJsonObject data = first.body.value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("target")).toObject().value(QStringLiteral("id")).toString(), ann);
        QCOMPARE(first.id, data.value(QStringLiteral("id")).toString().toLatin1()); // webhook-id: the audit event

        // An event it did not ask for is not sent; the next one it did is.
        QCOMPARE(postRole(*s, admin, QStringLiteral("helpers"), {QStringLiteral("users:read")}), 201);
        QCOMPARE(s->request("PATCH", QStringLiteral("/api/v1/users/") + ann,
                            QJsonDocument(obj({{QStringLiteral("display_name"), QStringLiteral("Ann")}})), admin)
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 2, DeliveryWaitMs);
        QCOMPARE(receiver.received().at(1).body.value(QStringLiteral("type")).toString(),
                 QStringLiteral("user.update"));
        QVERIFY(receiver.received().at(1).signatureValid);

        // The delivery log, newest first.
        const QJsonArray log = deliveries(*s, admin, hook.id);
        QCOMPARE(log.size(), 2);
        const QJsonObject delivered = log.at(1).toObject();
        QCOMPARE(delivered.value(QStringLiteral("state")).toString(), QStringLiteral("delivered"));
        QCOMPARE(delivered.value(QStringLiteral("attempts")).toInt(), 1);
        QCOMPARE(delivered.value(QStringLiteral("last_status")).toInt(), 200);
        QCOMPARE(delivered.value(QStringLiteral("event_id")).toString().toLatin1(), first.id);

        // Sent again on request: a new delivery, the same webhook-id.
        const Reply resent =
            s->request("POST",
                       Webhooks + QLatin1Char('/') + hook.id + QStringLiteral("/deliveries/") +
                           delivered.value(QStringLiteral("id")).toString() + QStringLiteral("/resend"),
                       {}, admin);
        QCOMPARE(resent.status, 202);
        QCOMPARE(resent.json().value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
        QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 3, DeliveryWaitMs);
        QCOMPARE(receiver.countOf(first.id), 2);
        QVERIFY(receiver.received().at(2).signatureValid);

        // A new secret: what follows is signed with it, the old one no longer verifies.
        const Reply renewed =
            s->request("POST", Webhooks + QLatin1Char('/') + hook.id + QStringLiteral("/secret"), {}, admin);
        QCOMPARE(renewed.status, 200);
        const QString newSecret = renewed.json().value(QStringLiteral("secret")).toString();
        QVERIFY(newSecret.startsWith(QLatin1String("whsec_")) && newSecret != hook.secret);
        (void)s->createUser(QStringLiteral("bob"), QStringLiteral("bob's long passphrase"), {});
        QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 4, DeliveryWaitMs);
        QVERIFY(!receiver.received().at(3).signatureValid);
        receiver.setSecret(newSecret);
        (void)s->createUser(QStringLiteral("cat"), QStringLiteral("cat's long passphrase"), {});
        QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 5, DeliveryWaitMs);
        QVERIFY(receiver.received().at(4).signatureValid);

        // Each delivery was sent once.
        for (const ReceivedWebhook &r : receiver.received())
            QCOMPARE(receiver.countOf(r.id), r.id == first.id ? 2 : 1);

        // Deleted, it gets nothing more.
        QCOMPARE(s->request("DELETE", Webhooks + QLatin1Char('/') + hook.id, {}, admin).status, 204);
        (void)s->createUser(QStringLiteral("dan"), QStringLiteral("dan's long passphrase"), {});
        QTest::qWait(3 * WebhookDispatcher::PollMs);
        QCOMPARE(receiver.count(), 5);
        QCOMPARE(s->get(Webhooks + QLatin1Char('/') + hook.id, admin).status, 404);
    }

    void aFailingEndpointIsRetriedThenGivenUpAndDisabled_data() { TestDatabase::addBackendRows(); }
    void aFailingEndpointIsRetriedThenGivenUpAndDisabled()
    {
        ManualClock clock;
        auto s = TestServer::onRowBackend(&clock);
        s->services().webhooks().setAllowPrivateTargets(true);
        auto dispatcher = s->services().makeWebhookDispatcher(); // driven by hand: deliverDue()
        WebhookReceiver receiver;
        receiver.setStatus(503);
        QByteArray admin = s->adminToken();
        const Endpoint hook = registerEndpoint(*s, admin, receiver.url(), {QStringLiteral("user.create")});
        receiver.setSecret(hook.secret);
        const QString one = Webhooks + QLatin1Char('/') + hook.id;

        (void)s->createUser(QStringLiteral("ann"), QStringLiteral("ann's long passphrase"), {});
        QCOMPARE(*dispatcher->deliverDue(), 1);
        QCOMPARE(receiver.count(), 1);
        QJsonObject d = newestDelivery(*s, admin, hook.id);
        QCOMPARE(d.value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
        QCOMPARE(d.value(QStringLiteral("attempts")).toInt(), 1);
        QCOMPARE(d.value(QStringLiteral("last_status")).toInt(), 503);
        QVERIFY(d.value(QStringLiteral("last_error")).toString().contains(QLatin1String("503")));
        QVERIFY(!s->get(one, admin).json().value(QStringLiteral("failing_since")).isNull());

        // Not before its pause (5 s, give or take a tenth), then again.
        QCOMPARE(*dispatcher->deliverDue(), 0);
        clock.advance(4'000);
        QCOMPARE(*dispatcher->deliverDue(), 0);
        clock.advance(2'000);
        QCOMPARE(*dispatcher->deliverDue(), 1);
        QCOMPARE(receiver.count(), 2);
        // The next pause is longer (20 s).
        clock.advance(6'000);
        QCOMPARE(*dispatcher->deliverDue(), 0);
        receiver.setStatus(204);
        clock.advance(17'000);
        QCOMPARE(*dispatcher->deliverDue(), 1);
        d = newestDelivery(*s, admin, hook.id);
        QCOMPARE(d.value(QStringLiteral("state")).toString(), QStringLiteral("delivered"));
        QCOMPARE(d.value(QStringLiteral("attempts")).toInt(), 3);
        QVERIFY(d.value(QStringLiteral("last_error")).isNull());
        QVERIFY(s->get(one, admin).json().value(QStringLiteral("failing_since")).isNull());
        // Every attempt carried the same id, and a valid signature.
        const QList<ReceivedWebhook> attempts = receiver.received();
        QCOMPARE(receiver.countOf(attempts.first().id), 3);
        QVERIFY(std::all_of(attempts.begin(), attempts.end(), [](const auto &r) { return r.signatureValid; }));

        // Down for a day: retried within the day, then given up, and the endpoint disabled.
        receiver.setStatus(500);
        (void)s->createUser(QStringLiteral("bob"), QStringLiteral("bob's long passphrase"), {});
        QCOMPARE(*dispatcher->deliverDue(), 1);
        int tries = 1;
        for (int hour = 0; hour < 25; ++hour) {
            clock.advance(3600'000);
            tries += *dispatcher->deliverDue();
        }
        QVERIFY2(tries >= 7 && tries <= 12, qPrintable(QString::number(tries)));             // 5 s, 20 s, 80 s, ... 6 h
        admin = s->accessToken(QStringLiteral("admin"), QStringLiteral("admin password 1")); // a day later
        d = newestDelivery(*s, admin, hook.id);
        QCOMPARE(d.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(d.value(QStringLiteral("attempts")).toInt(), tries);
        QVERIFY(d.value(QStringLiteral("next_attempt_at")).isNull());
        const QJsonObject disabled = s->get(one, admin).json();
        QCOMPARE(disabled.value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(disabled.value(QStringLiteral("disabled_reason")).toString(), QStringLiteral("failing"));
        const QJsonArray audited = s->get(QStringLiteral("/api/v1/audit?action=webhook.disable"), admin)
                                       .json()
                                       .value(QStringLiteral("items"))
                                       .toArray();
        QCOMPARE(audited.size(), 1);
        QCOMPARE(audited.first().toObject().value(QStringLiteral("actor")).toObject().value(QStringLiteral("type")),
                 QStringLiteral("system"));

        // Disabled, it is sent nothing; enabled again, it starts afresh.
        (void)s->createUser(QStringLiteral("cat"), QStringLiteral("cat's long passphrase"), {});
        QCOMPARE(deliveries(*s, admin, hook.id).size(), 2);
        const Reply enabled = s->request(
            "PATCH", one, QJsonDocument(obj({{QStringLiteral("enabled"), true}})), admin,
            {{"If-Match", '"' + QByteArray::number(disabled.value(QStringLiteral("version")).toInteger()) + '"'}});
        QCOMPARE(enabled.status, 200);
        QVERIFY(enabled.json().value(QStringLiteral("disabled_reason")).isNull());
        QVERIFY(enabled.json().value(QStringLiteral("failing_since")).isNull());
        receiver.setStatus(200);
        (void)s->createUser(QStringLiteral("dan"), QStringLiteral("dan's long passphrase"), {});
        QCOMPARE(*dispatcher->deliverDue(), 1);
        QCOMPARE(newestDelivery(*s, admin, hook.id).value(QStringLiteral("state")).toString(),
                 QStringLiteral("delivered"));
    }

    // An endpoint that does not answer holds up its own deliveries, not the senders.
    void anEndpointDownWaitsWithAllItsDeliveries()
    {
        ManualClock clock;
        TestServer::Setup setup;
        setup.clock = &clock;
        TestServer s(setup);
        s.services().webhooks().setAllowPrivateTargets(true);
        auto dispatcher = s.services().makeWebhookDispatcher();
        const QByteArray admin = s.adminToken();
        WebhookReceiver receiver;
        receiver.setStatus(503);
        const Endpoint hook = registerEndpoint(s, admin, receiver.url(), {QStringLiteral("user.create")});
        for (int i = 0; i < WebhookDispatcher::Parallel + 2; ++i)
            (void)s.createUser(QStringLiteral("user%1").arg(i), QStringLiteral("a long enough passphrase"), {});
        QCOMPARE(*dispatcher->deliverDue(), WebhookDispatcher::Parallel); // one per sender
        QCOMPARE(*dispatcher->deliverDue(), 0);                           // the other two wait with the failed ones
        clock.advance(6'000);
        QCOMPARE(*dispatcher->deliverDue(), WebhookDispatcher::Parallel);
        QCOMPARE(receiver.count(), 2 * WebhookDispatcher::Parallel);
    }

    void endpointsAreHttpsToPublicAddressesUnlessAllowed()
    {
        ManualClock clock;
        TestServer::Setup setup;
        setup.clock = &clock;
        TestServer s(setup);
        QVERIFY(s.ok());
        QVERIFY(!s.services().webhooks().allowsPrivateTargets()); // the default
        auto dispatcher = s.services().makeWebhookDispatcher();
        const QByteArray admin = s.adminToken();
        const auto attempt = [&](const QString &url) {
            return s.post(
                Webhooks,
                obj({{QStringLiteral("url"), url}, {QStringLiteral("events"), QJsonArray{QStringLiteral("*")}}}),
                admin);
        };
        for (const char *refused :
             {"http://hooks.example.com/in", "https://127.0.0.1/in", "https://10.1.2.3/in", "https://192.168.1.1/in",
              "https://169.254.169.254/latest/meta-data", "https://[::1]/in", "https://[::ffff:127.0.0.1]/in",
              "https://[fd00::1]/in", "https://0.0.0.0/in", "https://100.64.0.1/in", "ftp://hooks.example.com/in",
              "https://user:pw@hooks.example.com/in", "https://hooks.example.com/in#x", "hooks.example.com/in"}) {
            const Reply r = attempt(QString::fromLatin1(refused));
            QVERIFY2(r.status == 422, refused);
            QCOMPARE(errorFields(r).value(0).section(QLatin1Char(':'), 0, 0), QStringLiteral("url"));
        }
        for (const char *accepted : {"https://hooks.example.com/in?token=abc", "https://203.0.113.9:8443/in"}) {
            const Reply made = attempt(QString::fromLatin1(accepted));
            QCOMPARE(made.status, 201);
            QCOMPARE(s.request("DELETE",
                               Webhooks + QLatin1Char('/') + made.json().value(QStringLiteral("id")).toString(), {},
                               admin)
                         .status,
                     204); // nothing is sent there
        }

        // A name is checked where it leads when the delivery connects: localhost is refused there.
        WebhookReceiver receiver;
        const Endpoint hook = registerEndpoint(s, admin, QStringLiteral("https://localhost:%1/in").arg(receiver.port()),
                                               {QStringLiteral("user.create")});
        QVERIFY(!hook.id.isEmpty());
        (void)s.createUser(QStringLiteral("ann"), QStringLiteral("ann's long passphrase"), {});
        QVERIFY(*dispatcher->deliverDue() >= 1);
        const QJsonObject d = newestDelivery(s, admin, hook.id);
        QCOMPARE(d.value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
        QVERIFY2(d.value(QStringLiteral("last_error")).toString().contains(QLatin1String("may not have")),
                 qPrintable(d.value(QStringLiteral("last_error")).toString()));
        QCOMPARE(receiver.count(), 0);
    }

    void badInputIsRefusedPrecisely()
    {
        TestServer s;
        s.services().webhooks().setAllowPrivateTargets(true);
        const QByteArray admin = s.adminToken();
        const auto post = [&](const QJsonObject &body) { return s.post(Webhooks, body, admin); };
        const QJsonArray all{QStringLiteral("*")};
        const QString url = QStringLiteral("http://127.0.0.1:9/in");
        QCOMPARE(errorFields(post(obj({{QStringLiteral("events"), all}}))),
                 QStringList{QStringLiteral("url:required")});
        QCOMPARE(errorFields(post(obj({{QStringLiteral("url"), url}}))),
                 QStringList{QStringLiteral("events:required")});
        QCOMPARE(errorFields(post(obj({{QStringLiteral("url"), url},
                                       {QStringLiteral("events"), QJsonArray{QStringLiteral("user.creat")}}}))),
                 QStringList{QStringLiteral("events:invalid_value")});
        QCOMPARE(errorFields(post(obj({{QStringLiteral("url"), url},
                                       {QStringLiteral("events"), QJsonArray{QStringLiteral("nothing.*")}}}))),
                 QStringList{QStringLiteral("events:invalid_value")});
        QCOMPARE(
            post(obj({{QStringLiteral("url"), url}, {QStringLiteral("events"), all}, {QStringLiteral("colour"), 1}}))
                .status,
            422);
        QCOMPARE(post(obj({{QStringLiteral("url"), url}, {QStringLiteral("events"), QStringLiteral("*")}})).status,
                 422);
        QCOMPARE(
            post(obj({{QStringLiteral("url"), url}, {QStringLiteral("events"), all}, {QStringLiteral("enabled"), 1}}))
                .status,
            422);
        QCOMPARE(post(obj({{QStringLiteral("url"), url},
                           {QStringLiteral("events"), all},
                           {QStringLiteral("description"), QStringLiteral("line\nbreak")}}))
                     .status,
                 422);
        QCOMPARE(s.send("POST", Webhooks, "{\"url\":", admin).status, 400);
        QCOMPARE(s.get(Webhooks, admin).json().value(QStringLiteral("total")).toInt(), 0);

        const Endpoint hook =
            registerEndpoint(s, admin, url, {QStringLiteral("auth.*"), QStringLiteral("user.create")});
        const QString one = Webhooks + QLatin1Char('/') + hook.id;
        QCOMPARE(s.get(Webhooks + QStringLiteral("/nope"), admin).status, 404);
        QCOMPARE(s.get(one + QStringLiteral("/deliveries?limit=0"), admin).status, 422);
        QCOMPARE(s.get(one + QStringLiteral("/deliveries?cursor=x"), admin).status, 422);
        QCOMPARE(s.request("POST", one + QStringLiteral("/deliveries/abc/resend"), {}, admin).status, 404);
        QCOMPARE(s.request("POST", one + QStringLiteral("/deliveries/99/resend"), {}, admin).status, 404);
        // A stale If-Match loses; a change lands whole or not at all.
        QCOMPARE(s.request("PATCH", one, QJsonDocument(obj({{QStringLiteral("description"), QStringLiteral("x")}})),
                           admin, {{"If-Match", "\"7\""}})
                     .status,
                 412);
        QCOMPARE(s.request("PATCH", one,
                           QJsonDocument(obj({{QStringLiteral("description"), QStringLiteral("kept?")},
                                              {QStringLiteral("events"), QJsonArray{}}})),
                           admin)
                     .status,
                 422);
        const QJsonObject unchanged = s.get(one, admin).json();
        QCOMPARE(unchanged.value(QStringLiteral("description")).toString(), QStringLiteral("CRM sync"));
        QCOMPARE(unchanged.value(QStringLiteral("events")).toArray(),
                 (QJsonArray{QStringLiteral("auth.*"), QStringLiteral("user.create")}));
    }

    void onlyHoldersOfTheirPermissionsManageThem()
    {
        TestServer s;
        s.services().webhooks().setAllowPrivateTargets(true);
        const QByteArray admin = s.adminToken();
        QCOMPARE(postRole(s, admin, QStringLiteral("hooks"), {QStringLiteral("webhooks:manage")}), 201);
        QCOMPARE(postRole(s, admin, QStringLiteral("hooks-audit"),
                          {QStringLiteral("webhooks:manage"), QStringLiteral("audit:read")}),
                 201);
        s.createUser(QStringLiteral("plain"), QStringLiteral("plain's long passphrase"), {});
        s.createUser(QStringLiteral("relay"), QStringLiteral("relay's long passphrase"), {QStringLiteral("hooks")});
        s.createUser(QStringLiteral("auditor2"), QStringLiteral("auditor's long passphrase"),
                     {QStringLiteral("hooks-audit")});
        const QByteArray plain = s.accessToken(QStringLiteral("plain"), QStringLiteral("plain's long passphrase"));
        const QByteArray hooks = s.accessToken(QStringLiteral("relay"), QStringLiteral("relay's long passphrase"));
        const QByteArray both = s.accessToken(QStringLiteral("auditor2"), QStringLiteral("auditor's long passphrase"));
        const QJsonObject body = obj({{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9/in")},
                                      {QStringLiteral("events"), QJsonArray{QStringLiteral("*")}}});

        QCOMPARE(s.get(Webhooks, plain).status, 403);
        QCOMPARE(s.post(Webhooks, body, plain).status, 403);
        // Choosing what an endpoint receives reads the audit trail: that takes audit:read too.
        const Reply refused = s.post(Webhooks, body, hooks);
        QCOMPARE(refused.status, 403);
        QVERIFY(refused.json().value(QStringLiteral("detail")).toString().contains(QLatin1String("audit:read")));
        const Reply made = s.post(Webhooks, body, both);
        QCOMPARE(made.status, 201);
        const QString one = Webhooks + QLatin1Char('/') + made.json().value(QStringLiteral("id")).toString();
        QCOMPARE(s.get(Webhooks, hooks).status, 200);
        QCOMPARE(s.request("PATCH", one,
                           QJsonDocument(obj({{QStringLiteral("events"), QJsonArray{QStringLiteral("user.*")}}})),
                           hooks)
                     .status,
                 403);
        QCOMPARE(s.get(one + QStringLiteral("/deliveries"), plain).status, 403);
        // Without audit:read: enable, disable and describe it, but not read or sign what goes through it.
        QCOMPARE(s.request("PATCH", one, QJsonDocument(obj({{QStringLiteral("enabled"), false}})), hooks).status, 200);
        QCOMPARE(s.get(one + QStringLiteral("/deliveries"), hooks).status, 403);
        QCOMPARE(s.request("POST", one + QStringLiteral("/secret"), {}, hooks).status, 403);
        QCOMPARE(s.request("POST", one + QStringLiteral("/deliveries/1/resend"), {}, hooks).status, 403);
        QCOMPARE(s.request("PATCH", one,
                           QJsonDocument(obj({{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:10/mine")}})),
                           hooks)
                     .status,
                 403);
        QCOMPARE(s.get(one + QStringLiteral("/deliveries"), both).status, 200);
        QCOMPARE(s.request("DELETE", one, {}, plain).status, 403);
        QCOMPARE(s.request("DELETE", one, {}, hooks).status, 204);
    }
};

QTEST_GUILESS_MAIN(TstWebhooks)
#include "tst_webhooks.moc"
