// Two real keyward-server processes over one PostgreSQL database, sharing nothing but its URL and
// the master key, as two nodes behind a load balancer: what one does, the other applies within a
// second (the contract; the change feed's NOTIFY usually takes milliseconds).
#include "server_process.h"
#include "test_database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace keyward::test;

namespace {

constexpr int ContractMs = 1'000;

QString kidOf(const QByteArray &token)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(token.split('.').value(0), QByteArray::Base64UrlEncoding))
        .object()
        .value(QStringLiteral("kid"))
        .toString();
}

} // namespace

class TstTwoNodes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void whatOneNodeDoesTheOtherApplies()
    {
        if (!TestDatabase::backends().contains(QStringLiteral("postgresql")))
            QSKIP("needs PostgreSQL (KEYWARD_TEST_POSTGRES_URL)");
        TestDatabase db(QStringLiteral("postgresql"));
        QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
        QTemporaryDir dirA;
        QTemporaryDir dirB;
        const QStringList onA{QStringLiteral("--data-dir"), dirA.path(), QStringLiteral("--database"), db.url()};
        // The first run makes the master key in A's directory; B is given it, and nothing else.
        QProcess admin;
        admin.start(QStringLiteral(KEYWARD_SERVER_BINARY),
                    onA + QStringList{QStringLiteral("admin"), QStringLiteral("create"), QStringLiteral("--username"),
                                      QStringLiteral("root"), QStringLiteral("--email"),
                                      QStringLiteral("root@example.com"), QStringLiteral("--password-stdin")});
        admin.write("the root passphrase\n");
        admin.closeWriteChannel();
        QVERIFY(admin.waitForFinished(60'000));
        QCOMPARE(admin.exitCode(), 0);
        ServerProcess a(onA);
        QVERIFY2(!a.url().isEmpty(), qPrintable(a.log()));
        ServerProcess b({QStringLiteral("--data-dir"), dirB.path(), QStringLiteral("--database"), db.url(),
                         QStringLiteral("--master-key-file"), dirA.filePath(QStringLiteral("master.key"))});
        QVERIFY2(!b.url().isEmpty(), qPrintable(b.log()));

        const auto login = [](const QString &node, const QString &who, const QString &password) {
            return call("POST", node + QStringLiteral("/api/v1/auth/login"),
                        {{QStringLiteral("login"), who}, {QStringLiteral("password"), password}});
        };
        const auto tokenFrom = [&](const QString &node, const QString &who, const QString &password) {
            return login(node, who, password).json.value(QStringLiteral("access_token")).toString().toLatin1();
        };
        const QByteArray root = tokenFrom(a.url(), QStringLiteral("root"), QStringLiteral("the root passphrase"));
        QVERIFY(!root.isEmpty());
        const QString me = QStringLiteral("/api/v1/me");

        // A token from A is good on B, and a logout on A ends it on B.
        QByteArray token = tokenFrom(a.url(), QStringLiteral("root"), QStringLiteral("the root passphrase"));
        QCOMPARE(call("GET", b.url() + me, {}, token).status, 200);
        QCOMPARE(call("POST", a.url() + QStringLiteral("/api/v1/auth/logout"), {}, token).status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(call("GET", b.url() + me, {}, token).status, 401, ContractMs);

        // A role given on A: B grants what it brings; disabled on A: B refuses the token.
        const Reply bob = call("POST", a.url() + QStringLiteral("/api/v1/users"),
                               {{QStringLiteral("username"), QStringLiteral("bob")},
                                {QStringLiteral("email"), QStringLiteral("bob@example.com")},
                                {QStringLiteral("password"), QStringLiteral("bob's long passphrase")}},
                               root);
        QCOMPARE(bob.status, 201);
        const QString bobUrl = QStringLiteral("/api/v1/users/") + bob.json.value(QStringLiteral("id")).toString();
        token = tokenFrom(a.url(), QStringLiteral("bob"), QStringLiteral("bob's long passphrase"));
        QCOMPARE(call("GET", b.url() + QStringLiteral("/api/v1/audit"), {}, token).status, 403);
        QCOMPARE(
            call("PATCH", a.url() + bobUrl, {{QStringLiteral("roles"), QJsonArray{QStringLiteral("auditor")}}}, root)
                .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(call("GET", b.url() + QStringLiteral("/api/v1/audit"), {}, token).status, 200,
                                  ContractMs);
        QCOMPARE(call("PATCH", a.url() + bobUrl, {{QStringLiteral("status"), QStringLiteral("disabled")}}, root).status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(call("GET", b.url() + me, {}, token).status, 401, ContractMs);

        // A setting changed on A reads back changed on B.
        QCOMPARE(call("PATCH", a.url() + QStringLiteral("/api/v1/settings"),
                      {{QStringLiteral("lockout"), QJsonObject{{QStringLiteral("threshold"), 3}}}}, root)
                     .status,
                 200);
        const auto thresholdOnB = [&] {
            return call("GET", b.url() + QStringLiteral("/api/v1/settings"), {}, root)
                .json.value(QStringLiteral("lockout"))
                .toObject()
                .value(QStringLiteral("threshold"))
                .toInt();
        };
        QTRY_COMPARE_WITH_TIMEOUT(thresholdOnB(), 3, ContractMs);

        // Lockout is shared: three wrong passwords on A lock the account on B too.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(login(a.url(), QStringLiteral("root"), QStringLiteral("wrong")).status, 401);
        QCOMPARE(login(b.url(), QStringLiteral("root"), QStringLiteral("the root passphrase")).status, 429);

        // A key rotated on A: B signs with the new key, and A's tokens signed with it work on B.
        const Reply rotated = call("POST", a.url() + QStringLiteral("/api/v1/keys/rotate"), {}, root);
        QCOMPARE(rotated.status, 201);
        const QString kid = rotated.json.value(QStringLiteral("kid")).toString();
        QCOMPARE(call("GET", b.url() + me, {}, root).status, 200); // signed by the retired key
        QCOMPARE(call("PATCH", a.url() + bobUrl, {{QStringLiteral("status"), QStringLiteral("active")}}, root).status,
                 200);
        QByteArray fromB;
        QTRY_COMPARE_WITH_TIMEOUT(
            kidOf(fromB = tokenFrom(b.url(), QStringLiteral("bob"), QStringLiteral("bob's long passphrase"))), kid,
            ContractMs);
        QCOMPARE(call("GET", a.url() + me, {}, fromB).status, 200);
    }
};

QTEST_GUILESS_MAIN(TstTwoNodes)
#include "tst_two_nodes.moc"
