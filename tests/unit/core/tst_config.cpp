#include "core/config.h"

#include <QTemporaryDir>
#include <QTest>

using namespace keyward;

class TstConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void precedenceIsCliThenEnvThenFileThenDefault()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("keyward.ini"));
        QFile f(ini);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("listen=127.0.0.1:7000\nworkers=3\naccess-ttl=600\n");
        f.close();
        QProcessEnvironment env;
        env.insert(QStringLiteral("KEYWARD_CONFIG"), ini);
        env.insert(QStringLiteral("KEYWARD_WORKERS"), QStringLiteral("5"));
        env.insert(QStringLiteral("KEYWARD_LISTEN"), QStringLiteral("127.0.0.1:7001"));
        QString error;
        auto c = Config::load({{QStringLiteral("listen"), QStringLiteral("127.0.0.1:7002")}}, env, &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->listenPort(), quint16(7002));
        QCOMPARE(c->source(QStringLiteral("listen")), QStringLiteral("command line"));
        QCOMPARE(c->workers(), 5);
        QCOMPARE(c->source(QStringLiteral("workers")), QStringLiteral("environment"));
        QCOMPARE(c->value(QStringLiteral("access-ttl")), QStringLiteral("600"));
        QCOMPARE(c->source(QStringLiteral("access-ttl")), QStringLiteral("file"));
        QCOMPARE(c->value(QStringLiteral("jwt-alg")), QStringLiteral("RS256"));
        QCOMPARE(c->source(QStringLiteral("jwt-alg")), QStringLiteral("default"));
    }

    void invalidValuesAreReported()
    {
        QString error;
        QVERIFY(!Config::load({{QStringLiteral("listen"), QStringLiteral("localhost")}}, {}, &error));
        QVERIFY(error.contains(QStringLiteral("listen")));
        QVERIFY(!Config::load({{QStringLiteral("jwt-alg"), QStringLiteral("HS256")}}, {}, &error));
        QVERIFY(!Config::load({{QStringLiteral("tls-cert"), QStringLiteral("/x.pem")}}, {}, &error));
        QVERIFY(!Config::load({{QStringLiteral("database"), QStringLiteral("mysql://x")}}, {}, &error));
        QVERIFY(!Config::load({{QStringLiteral("config"), QStringLiteral("/nonexistent.ini")}}, {}, &error));
    }

    void defaults()
    {
        const Config c = Config::defaults(QStringLiteral("/tmp/kw"));
        QCOMPARE(c.databaseUrl(), QStringLiteral("sqlite:///tmp/kw/keyward.db"));
        QCOMPARE(c.listenAddress(), QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(c.listenPort(), quint16(8080));
        QVERIFY(c.validate().isEmpty());
        Config v6 = c;
        v6.set(QStringLiteral("listen"), QStringLiteral("[::1]:9000"));
        QCOMPARE(v6.listenAddress(), QHostAddress(QHostAddress::LocalHostIPv6));
    }
};

QTEST_GUILESS_MAIN(TstConfig)
#include "tst_config.moc"
