// Several nodes over one database, as a load balancer spreads clients over them: they sign and
// accept one issuer, whatever their listen addresses.
#include "core/config.h"
#include "core/exit_code.h"
#include "node.h"
#include "observe/metrics.h"
#include "services/services.h"
#include "test_database.h"

#include <QDateTime>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

namespace {
// A node over `db`, serving on a port of its own; the first one made in `first` makes the master
// key, the others are given it.
std::unique_ptr<Node> makeNode(const TestDatabase &db, const QTemporaryDir &first, const QTemporaryDir &dir,
                               const QString &publicUrl = {})
{
    QMap<QString, QString> options{{QStringLiteral("data-dir"), dir.path()},
                                   {QStringLiteral("database"), db.url()},
                                   {QStringLiteral("listen"), QStringLiteral("127.0.0.1:0")},
                                   {QStringLiteral("workers"), QStringLiteral("1")}};
    if (&dir != &first)
        options.insert(QStringLiteral("master-key-file"), first.filePath(QStringLiteral("master.key")));
    if (!publicUrl.isEmpty())
        options.insert(QStringLiteral("public-url"), publicUrl);
    QString error;
    auto config = Config::load(options, QProcessEnvironment(), &error);
    if (!config)
        qFatal("%s", qPrintable(error));
    return std::make_unique<Node>(*config);
}

CreateUserRequest ann()
{
    CreateUserRequest r;
    r.username = QStringLiteral("ann");
    r.email = QStringLiteral("ann@example.com");
    r.password = QStringLiteral("ann's long passphrase");
    return r;
}
} // namespace

class TstCluster : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneIssuerForEveryNode_data() { TestDatabase::addBackendRows(); }

    // A token from the first node is good on the second, though neither was told a public URL; a
    // node told a different public URL refuses to start, naming the issuer in force.
    void oneIssuerForEveryNode()
    {
        QFETCH(QString, backend);
        TestDatabase db(backend);
        QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
        QTemporaryDir first;
        QTemporaryDir second;
        const auto node = [&](const QTemporaryDir &dir, const QString &publicUrl) {
            return makeNode(db, first, dir, publicUrl);
        };
        auto a = node(first, {});
        auto failure = a->open();
        QVERIFY2(!failure, failure ? qPrintable(failure->message) : "");
        failure = a->serve();
        QVERIFY2(!failure, failure ? qPrintable(failure->message) : "");

        auto b = node(second, {});
        failure = b->open();
        QVERIFY2(!failure, failure ? qPrintable(failure->message) : "");
        failure = b->serve();
        QVERIFY2(!failure, failure ? qPrintable(failure->message) : "");
        QVERIFY(a->url() != b->url());

        const CreateUserRequest r = ann();
        QVERIFY(a->services().users().create(Principal::system(), r));
        const auto tokens = a->services().auth().login(Principal::anonymous(), r.username, *r.password);
        QVERIFY(tokens);
        const auto onB = b->services().auth().authenticate(tokens->accessToken.toLatin1(), {});
        QVERIFY2(onB, onB ? "" : qPrintable(onB.error().detail()));

        // Told the issuer in force, a node starts; told another, it refuses with the reason.
        auto same = node(second, a->url());
        QVERIFY(!same->open());
        QVERIFY(!same->serve());
        same->shutdown(0);
        auto other = node(second, QStringLiteral("https://elsewhere.example"));
        QVERIFY(!other->open());
        failure = other->serve();
        QVERIFY(failure);
        QCOMPARE(failure->exitCode, exit_code::InvalidConfig);
        QVERIFY2(failure->message.contains(a->url()) && failure->message.contains(QStringLiteral("public-url")),
                 qPrintable(failure->message));
        b->shutdown(0);
        a->shutdown(0);
    }

    void changesReachEveryNode_data() { TestDatabase::addBackendRows(); }

    // What one node changes, the other applies within a second (the contract; the change feed
    // usually takes a few milliseconds): an ended session, a disabled user, new roles, settings, a
    // new signing key. Meanwhile the second node answers from memory, not from the database.
    void changesReachEveryNode()
    {
        QFETCH(QString, backend);
        TestDatabase db(backend);
        QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
        QTemporaryDir first;
        QTemporaryDir second;
        auto a = makeNode(db, first, first);
        QVERIFY(!a->open());
        QVERIFY(!a->serve());
        auto b = makeNode(db, first, second);
        QVERIFY(!b->open());
        QVERIFY(!b->serve());
        Services &onA = a->services();
        Services &onB = b->services();
        const CreateUserRequest r = ann();
        const auto created = onA.users().create(Principal::system(), r);
        QVERIFY(created);
        const auto login = [&] {
            const auto tokens = onA.auth().login(Principal::anonymous(), r.username, *r.password);
            if (!tokens)
                qFatal("login failed: %s", qPrintable(tokens.error().detail()));
            return tokens->accessToken.toLatin1();
        };
        const auto worksOnB = [&](const QByteArray &token) { return bool(onB.auth().authenticate(token, {})); };

        // Checked once, a token is then checked from memory (the feed's own reads aside).
        QByteArray token = login();
        QVERIFY(worksOnB(token));
        Histogram &selects = onB.metrics().dbQueryDuration.with({QStringLiteral("select")});
        const quint64 selectsBefore = selects.count();
        for (int i = 0; i < 100; ++i)
            QVERIFY(worksOnB(token));
        QVERIFY2(selects.count() - selectsBefore < 20, qPrintable(QString::number(selects.count() - selectsBefore)));

        // A user's record too: B reads it once, then answers GET /me from memory until A changes it.
        const auto principalOnB = onB.auth().authenticate(token, {});
        QVERIFY(principalOnB);
        QCOMPARE(onB.users().me(*principalOnB)->email, r.email);
        const quint64 meSelectsBefore = selects.count();
        for (int i = 0; i < 100; ++i)
            QCOMPARE(onB.users().me(*principalOnB)->email, r.email);
        QVERIFY2(selects.count() - meSelectsBefore < 20,
                 qPrintable(QString::number(selects.count() - meSelectsBefore)));
        // GET /me's rendering and the users list's pages are kept in memory on B too.
        const auto meJsonOnB = [&] {
            return onB.users().meJson(*principalOnB, QDateTime::currentMSecsSinceEpoch())->first;
        };
        const auto pageOnB = [&] {
            return onB.users().listJson(Principal::system(), {}, QDateTime::currentMSecsSinceEpoch()).value();
        };
        QVERIFY(meJsonOnB().contains(r.email.toUtf8()));
        QVERIFY(pageOnB().contains(r.email.toUtf8()));
        UserPatch renamed;
        renamed.email = QStringLiteral("ann.other@example.com");
        renamed.displayName = QStringLiteral("Ann Other");
        QVERIFY(onA.users().update(Principal::system(), created->id, renamed));
        QTRY_COMPARE_WITH_TIMEOUT(onB.users().me(*principalOnB)->email, *renamed.email, 1'000);
        QCOMPARE(onB.users().me(*principalOnB)->displayName, *renamed.displayName);
        QCOMPARE(onB.users().get(Principal::system(), created->id)->email, *renamed.email);
        QVERIFY(meJsonOnB().contains(renamed.email->toUtf8()));
        QVERIFY(pageOnB().contains(renamed.email->toUtf8()));

        // Logout on A.
        const auto me = onA.auth().authenticate(token, {});
        QVERIFY(me);
        QVERIFY(onA.auth().logout(*me));
        QTRY_VERIFY_WITH_TIMEOUT(!worksOnB(token), 1'000);

        // New roles on A: B's next request carries their permissions.
        token = login();
        QVERIFY(worksOnB(token));
        QVERIFY(!onB.auth().authenticate(token, {})->permissions.contains(QStringLiteral("audit:read")));
        RoleInput support;
        support.name = QStringLiteral("support");
        support.permissions = QStringList{QStringLiteral("audit:read")};
        QVERIFY(onA.roles().create(Principal::system(), support));
        UserPatch supporter;
        supporter.roles = QStringList{QStringLiteral("user"), QStringLiteral("support")};
        QVERIFY(onA.users().update(Principal::system(), created->id, supporter));
        QTRY_VERIFY_WITH_TIMEOUT(onB.auth().authenticate(token, {})->permissions.contains(QStringLiteral("audit:read")),
                                 1'000);

        // A role's permissions changed on A.
        RolePatch more;
        more.permissions = QStringList{QStringLiteral("audit:read"), QStringLiteral("sessions:manage")};
        QVERIFY(onA.roles().update(Principal::system(), support.name, more));
        QTRY_VERIFY_WITH_TIMEOUT(
            onB.auth().authenticate(token, {})->permissions.contains(QStringLiteral("sessions:manage")), 1'000);

        // Disabled on A.
        UserPatch disable;
        disable.status = User::Status::Disabled;
        QVERIFY(onA.users().update(Principal::system(), created->id, disable));
        QTRY_VERIFY_WITH_TIMEOUT(!worksOnB(token), 1'000);

        // Settings changed on A.
        QVERIFY(onB.settings().current().rateLimitsEnabled);
        QVERIFY(onA.settings().update(Principal::system(), {{QStringLiteral("rate_limits.enabled"), false}}));
        QTRY_VERIFY_WITH_TIMEOUT(!onB.settings().current().rateLimitsEnabled, 1'000);

        // A new signing key on A: B signs with it too, and takes A's tokens signed with it.
        const auto kid = onA.keys().rotate();
        QVERIFY(kid);
        QTRY_COMPARE_WITH_TIMEOUT(onB.keys().signer()->kid, *kid, 1'000);

        b->shutdown(0);
        a->shutdown(0);
    }
};

QTEST_GUILESS_MAIN(TstCluster)
#include "tst_cluster.moc"
