// Webhooks as operators run them, with real keyward-server processes: events committed before a
// node is killed (SIGKILL, nothing flushed) are delivered after it starts again, while the
// endpoint is down they are retried, and two nodes over one PostgreSQL database send each event once.
#include "server_process.h"
#include "test_database.h"
#include "webhook_receiver.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace keyward::test;

namespace {

const QString Passphrase = QStringLiteral("the root passphrase");
const QStringList PrivateEndpoints{QStringLiteral("--webhooks-private"), QStringLiteral("true")};

// Registers an endpoint for user.create at `url` through `node`; its secret.
QString registerEndpoint(const QString &node, const QByteArray &token, const QString &url)
{
    const Reply made = call("POST", node + QStringLiteral("/api/v1/webhooks"),
                            QJsonObject{{QStringLiteral("url"), url},
                                        {QStringLiteral("events"), QJsonArray{QStringLiteral("user.create")}}},
                            token);
    return made.status == 201 ? made.json.value(QStringLiteral("secret")).toString() : QString();
}

// Creates `count` users through `nodes` in turn; how many were acknowledged.
int createUsers(const QStringList &nodes, const QByteArray &token, const QString &prefix, int count)
{
    int made = 0;
    for (int i = 0; i < count; ++i) {
        const QString name = prefix + QString::number(i);
        made += call("POST", nodes.at(i % nodes.size()) + QStringLiteral("/api/v1/users"),
                     QJsonObject{{QStringLiteral("username"), name},
                                 {QStringLiteral("email"), QString(name + QStringLiteral("@example.com"))},
                                 {QStringLiteral("password"), QStringLiteral("a long enough passphrase")}},
                     token)
                    .status == 201;
    }
    return made;
}

// Every request the receiver took was signed right, and no event came twice.
void verifyOnceEachAndSigned(const WebhookReceiver &receiver)
{
    for (const ReceivedWebhook &r : receiver.received()) {
        QVERIFY(r.signatureValid);
        QCOMPARE(receiver.countOf(r.id), 1);
    }
}

} // namespace

class TstWebhookNodes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void eventsOutliveAKilledNodeAndADownEndpoint()
    {
        QTemporaryDir dir;
        const QStringList on = FastHashing + PrivateEndpoints + QStringList{QStringLiteral("--data-dir"), dir.path()};
        QCOMPARE(createAdmin(on, QStringLiteral("root"), Passphrase.toUtf8()), 0);
        const quint16 port = freePort(); // the endpoint is down: nothing listens there yet
        auto node = std::make_unique<ServerProcess>(on);
        QVERIFY2(!node->url().isEmpty(), qPrintable(node->log()));
        const QByteArray token = signInAndLiftRateLimits(node->url(), QStringLiteral("root"), Passphrase);
        QVERIFY(!token.isEmpty());
        const QString secret =
            registerEndpoint(node->url(), token, QStringLiteral("http://127.0.0.1:%1/hooks/keyward").arg(port));
        QVERIFY(!secret.isEmpty());
        QCOMPARE(createUsers({node->url()}, token, QStringLiteral("before"), 15), 15);
        QTest::qWait(1'000); // the first attempts fail: the endpoint is down
        node->kill();
        node.reset();

        WebhookReceiver receiver(port);
        QVERIFY(receiver.ok());
        receiver.setSecret(secret);
        node = std::make_unique<ServerProcess>(on);
        QVERIFY2(!node->url().isEmpty(), qPrintable(node->log()));
        // Retried after their pause (5 s), or when the claim of an attempt the kill cut short lapses.
        QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 15, 60'000);
        verifyOnceEachAndSigned(receiver);
        QTest::qWait(1'000);
        QCOMPARE(receiver.count(), 15);
    }

    void twoNodesSendEachEventOnce()
    {
        if (TestDatabase::postgresAdminUrl().isEmpty())
            QSKIP("needs PostgreSQL (KEYWARD_TEST_POSTGRES_URL)");
        TestDatabase db(QStringLiteral("postgresql"));
        QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
        QTemporaryDir dirA, dirB;
        const QStringList shared = FastHashing + PrivateEndpoints + QStringList{QStringLiteral("--database"), db.url()};
        const QStringList onA = shared + QStringList{QStringLiteral("--data-dir"), dirA.path()};
        QCOMPARE(createAdmin(onA, QStringLiteral("root"), Passphrase.toUtf8()), 0);
        ServerProcess a(onA);
        ServerProcess b(shared + QStringList{QStringLiteral("--data-dir"), dirB.path(),
                                             QStringLiteral("--master-key-file"),
                                             dirA.filePath(QStringLiteral("master.key"))});
        QVERIFY2(!a.url().isEmpty(), qPrintable(a.log()));
        QVERIFY2(!b.url().isEmpty(), qPrintable(b.log()));
        const QByteArray token = signInAndLiftRateLimits(a.url(), QStringLiteral("root"), Passphrase);
        WebhookReceiver receiver;
        const QString secret = registerEndpoint(b.url(), token, receiver.url());
        QVERIFY(!secret.isEmpty());
        receiver.setSecret(secret);
        QCOMPARE(createUsers({a.url(), b.url()}, token, QStringLiteral("user"), 40), 40);
        QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 40, 30'000);
        QTest::qWait(2'000); // both nodes have polled again since
        QCOMPARE(receiver.count(), 40);
        verifyOnceEachAndSigned(receiver);
    }
};

QTEST_GUILESS_MAIN(TstWebhookNodes)
#include "tst_webhook_nodes.moc"
