// Several nodes over one database, as a load balancer spreads clients over them: they sign and
// accept one issuer, whatever their listen addresses.
#include "core/config.h"
#include "core/exit_code.h"
#include "node.h"
#include "services/services.h"
#include "test_database.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

class TstCluster : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneIssuerForEveryNode_data()
    {
        QTest::addColumn<QString>("backend");
        for (const QString &b : TestDatabase::backends())
            QTest::newRow(qPrintable(b)) << b;
    }

    // A token from the first node is good on the second, though neither was told a public URL; a
    // node told a different public URL refuses to start, naming the issuer in force.
    void oneIssuerForEveryNode()
    {
        QFETCH(QString, backend);
        TestDatabase db(backend);
        QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
        QTemporaryDir first;
        QTemporaryDir second;
        // The first node makes the master key; the others are given it.
        const auto node = [&](const QTemporaryDir &dir, const QString &publicUrl) {
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

        CreateUserRequest r;
        r.username = QStringLiteral("ann");
        r.email = QStringLiteral("ann@example.com");
        r.password = QStringLiteral("ann's long passphrase");
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
};

QTEST_GUILESS_MAIN(TstCluster)
#include "tst_cluster.moc"
