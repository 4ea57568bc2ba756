// /metrics: who may read it, what it counts, and that Prometheus's own checker accepts it.
#include "observe/metrics_sampler.h"
#include "test_server.h"

#include <QJsonArray>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

namespace {
// The value of one sample line, e.g. sample(text, "keyward_logins_total{result=\"success\"}").
double sample(const QByteArray &text, const QByteArray &series)
{
    for (const QByteArray &line : text.split('\n'))
        if (line.startsWith(QByteArray(series + ' ')))
            return line.mid(series.size() + 1).toDouble();
    return -1;
}
} // namespace

class TstMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void accessIsGuarded()
    {
        TestServer s;
        const QByteArray admin = s.adminToken();
        s.createUser(QStringLiteral("watcher"), QStringLiteral("watcher password"), {QStringLiteral("auditor")});
        s.createUser(QStringLiteral("plain"), QStringLiteral("plain password"), {QStringLiteral("user")});
        QCOMPARE(s.get(QStringLiteral("/metrics")).status, 401);
        QCOMPARE(
            s.get(QStringLiteral("/metrics"), s.accessToken(QStringLiteral("plain"), QStringLiteral("plain password")))
                .status,
            403);
        const Reply ok = s.get(QStringLiteral("/metrics"),
                               s.accessToken(QStringLiteral("watcher"), QStringLiteral("watcher password")));
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.header("Content-Type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QCOMPARE(s.request("PATCH", QStringLiteral("/api/v1/settings"),
                           QJsonDocument(QJsonObject{
                               {QStringLiteral("network"), QJsonObject{{QStringLiteral("metrics_allow_list"),
                                                                        QJsonArray{QStringLiteral("127.0.0.1/32")}}}}}),
                           admin)
                     .status,
                 200);
        QCOMPARE(s.get(QStringLiteral("/metrics")).status, 200); // an allow-listed scraper needs no token
        QCOMPARE(s.get(QStringLiteral("/metrics"), "not-a-token").status, 401); // but bad credentials still fail
    }

    void countsWhatHappened()
    {
        TestServer s;
        const QByteArray admin = s.adminToken();
        s.post(QStringLiteral("/api/v1/auth/login"), {{QStringLiteral("login"), QStringLiteral("admin")},
                                                      {QStringLiteral("password"), QStringLiteral("wrong")}});
        s.get(QStringLiteral("/api/v1/users"), admin);
        const QByteArray text = s.get(QStringLiteral("/metrics"), admin).body;
        QCOMPARE(sample(text, "keyward_logins_total{result=\"success\"}"), 1.0);
        QCOMPARE(sample(text, "keyward_logins_total{result=\"bad_credentials\"}"), 1.0);
        QCOMPARE(sample(text, "keyward_http_requests_total{method=\"GET\",route=\"/api/v1/users\",status=\"200\"}"),
                 1.0);
        QVERIFY(sample(text, "keyward_http_request_duration_seconds_count{route=\"/api/v1/users\"}") >= 1);
        QCOMPARE(sample(text, "keyward_users{status=\"active\"}"), 1.0);
        QCOMPARE(sample(text, "keyward_sessions_active"), 1.0);
        QVERIFY(sample(text, "keyward_hash_queue_wait_seconds_count") >= 1);
        QVERIFY(sample(text, "process_resident_memory_bytes") > 1e6);
        QVERIFY(sample(text, "process_open_fds") > 3);
        QVERIFY(text.contains("keyward_build_info{version=\"" KEYWARD_VERSION "\""));
        // The login read the user and wrote a session and audit events: the store timed each statement.
        QVERIFY(sample(text, "keyward_db_query_duration_seconds_count{statement=\"select\"}") >= 1);
        QVERIFY(sample(text, "keyward_db_query_duration_seconds_count{statement=\"insert\"}") >= 1);
        QVERIFY(sample(text, "keyward_db_query_duration_seconds_sum{statement=\"select\"}") > 0);
    }

    // The live feed the GUI graphs: a sampler over the running server's registry sees its traffic.
    void samplerSeesLiveTraffic()
    {
        TestServer s;
        const QByteArray admin = s.adminToken();
        MetricsSampler sampler(s.services().metrics().registry);
        sampler.sample();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(s.get(QStringLiteral("/api/v1/users"), admin).status, 200);
        s.post(QStringLiteral("/api/v1/auth/login"), {{QStringLiteral("login"), QStringLiteral("admin")},
                                                      {QStringLiteral("password"), QStringLiteral("wrong")}});
        sampler.sample();
        QCOMPARE(sampler.history().size(), 1);
        const MetricsPoint p = sampler.history().last();
        QVERIFY(p.requestsPerSecond > 0);
        QCOMPARE(p.loginsFailed, 1.0);
        QCOMPARE(p.activeSessions, 1.0);
        QVERIFY(p.latencyP50 > 0);
    }

    void healthComponents()
    {
        TestServer s;
        const QByteArray admin = s.adminToken();
        const Reply anonymous = s.get(QStringLiteral("/health"));
        QCOMPARE(anonymous.status, 200);
        QCOMPARE(anonymous.json(), QJsonObject({{QStringLiteral("status"), QStringLiteral("ok")}})); // no details
        const Reply full = s.get(QStringLiteral("/health"), admin);
        const QJsonObject components = full.json().value(QStringLiteral("components")).toObject();
        for (const char *name :
             {"database", "migrations", "disk", "memory", "process", "hash_queue", "signing_key", "serving"})
            QCOMPARE(components.value(QLatin1String(name)).toObject().value(QStringLiteral("status")).toString(),
                     QStringLiteral("ok"));
        QCOMPARE(components.value(QStringLiteral("process")).toObject().value(QStringLiteral("workers")).toInt(), 2);
        QVERIFY(
            components.value(QStringLiteral("database")).toObject().value(QStringLiteral("latency_ms")).toDouble() >=
            0);
        QCOMPARE(
            components.value(QStringLiteral("signing_key")).toObject().value(QStringLiteral("algorithm")).toString(),
            QStringLiteral("RS256"));

        // An old signing key degrades health (rotate it) but never readiness.
        QSqlQuery q(s.services().database().connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE signing_keys SET created_at = 0")));
        (void)s.services().keys().ensureActiveKey(); // reload
        const Reply old = s.get(QStringLiteral("/health"), admin);
        QCOMPARE(old.status, 200);
        QCOMPARE(old.json().value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
        QVERIFY(old.json()
                    .value(QStringLiteral("components"))
                    .toObject()
                    .value(QStringLiteral("signing_key"))
                    .toObject()
                    .value(QStringLiteral("reason"))
                    .toString()
                    .contains(QStringLiteral("rotate")));
        QCOMPARE(s.get(QStringLiteral("/health/ready")).status, 200);
        s.services().beginShutdown();
        QCOMPARE(s.get(QStringLiteral("/health")).status, 503);
        QCOMPARE(s.get(QStringLiteral("/health/ready")).status, 503);
    }

    void promtoolAcceptsTheExposition()
    {
        TestServer s;
        const QByteArray admin = s.adminToken();
        s.get(QStringLiteral("/api/v1/users"), admin);
        const QByteArray text = s.get(QStringLiteral("/metrics"), admin).body;
        QProcess promtool;
        promtool.start(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(promtool.waitForStarted(10000));
        promtool.write(text);
        promtool.closeWriteChannel();
        QVERIFY(promtool.waitForFinished(30000));
        QVERIFY2(promtool.exitCode() == 0,
                 QByteArray(promtool.readAllStandardOutput() + promtool.readAllStandardError()).constData());
    }
};

QTEST_GUILESS_MAIN(TstMetrics)
#include "tst_metrics.moc"
