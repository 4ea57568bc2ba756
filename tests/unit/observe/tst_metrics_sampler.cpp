// The metrics snapshot API and the sampler that feeds the GUI's live graphs.
#include "observe/keyward_metrics.h"
#include "observe/metrics_sampler.h"

#include <QSignalSpy>
#include <QTest>

using namespace keyward;

class TstMetricsSampler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void quantilesInterpolateInsideBuckets()
    {
        const std::vector<double> bounds{0.1, 0.2, 0.4};
        // 10 observations ≤ 0.1, 10 in (0.1, 0.2], none above.
        const std::vector<quint64> buckets{10, 10, 0, 0};
        QCOMPARE(histogramQuantile(0.5, bounds, buckets), 0.1);
        QCOMPARE(histogramQuantile(0.25, bounds, buckets), 0.05);
        QCOMPARE(histogramQuantile(0.75, bounds, buckets), 0.15);
        QCOMPARE(histogramQuantile(1.0, bounds, buckets), 0.2);
        // Beyond the last bound only the last edge is known.
        QCOMPARE(histogramQuantile(0.99, bounds, {0, 0, 0, 5}), 0.4);
        QVERIFY(std::isnan(histogramQuantile(0.5, bounds, {0, 0, 0, 0})));
    }

    void snapshotCopiesEveryKind()
    {
        MetricsRegistry registry;
        KeywardMetrics m(registry);
        m.httpRequests.with({QStringLiteral("GET"), QStringLiteral("/a"), QStringLiteral("200")}).inc(3);
        m.httpRequests.with({QStringLiteral("GET"), QStringLiteral("/a"), QStringLiteral("503")}).inc();
        m.httpDuration.with({QStringLiteral("/a")}).observe(0.002);
        m.httpDuration.with({QStringLiteral("/b")}).observe(0.2);
        m.activeSessions.set(7);

        const MetricsSnapshot s = registry.snapshot();
        QVERIFY(s.takenAtMs > 0);
        QCOMPARE(s.total("keyward_http_requests_total"), 4.0);
        QCOMPARE(s.total("keyward_http_requests_total", QStringLiteral("status"),
                         [](const QString &v) { return v.startsWith(QLatin1Char('5')); }),
                 1.0);
        QCOMPARE(s.total("keyward_sessions_active"), 7.0);
        QCOMPARE(s.total("no_such_metric"), 0.0);
        const MetricsSnapshot::Series merged = s.merged("keyward_http_request_duration_seconds");
        QCOMPARE(merged.count(), quint64(2));
        QVERIFY(qAbs(merged.sum - 0.202) < 1e-9);
        // The text exposition is rendered from the same snapshot.
        QVERIFY(s.exposition().contains("keyward_sessions_active 7\n"));
        QVERIFY(s.exposition().contains("keyward_http_request_duration_seconds_count{route=\"/b\"} 1\n"));
    }

    void samplerReportsTheIntervalOnly()
    {
        MetricsRegistry registry;
        KeywardMetrics m(registry);
        MetricsSampler sampler(registry, 1000, 3);
        QSignalSpy spy(&sampler, &MetricsSampler::sampled);

        // Traffic before the baseline must not count in the first point.
        m.httpRequests.with({QStringLiteral("GET"), QStringLiteral("/a"), QStringLiteral("200")}).inc(100);
        m.httpDuration.with({QStringLiteral("/a")}).observe(5);
        sampler.sample();
        QCOMPARE(spy.count(), 0);

        auto &ok = m.httpRequests.with({QStringLiteral("GET"), QStringLiteral("/a"), QStringLiteral("200")});
        auto &failed = m.httpRequests.with({QStringLiteral("GET"), QStringLiteral("/a"), QStringLiteral("500")});
        ok.inc(6);
        failed.inc(1);
        m.httpRequests.with({QStringLiteral("POST"), QStringLiteral("/a"), QStringLiteral("429")}).inc(1);
        m.httpRequests.with({QStringLiteral("GET"), QStringLiteral("/a"), QStringLiteral("404")}).inc(2);
        for (int i = 0; i < 10; ++i)
            m.httpDuration.with({QStringLiteral("/a")}).observe(0.003);
        m.logins.with({QStringLiteral("success")}).inc(2);
        m.logins.with({QStringLiteral("bad_credentials")}).inc(3);
        m.logins.with({QStringLiteral("mfa_failed")}).inc(1);
        m.logins.with({QStringLiteral("locked")}).inc(4);
        m.activeSessions.set(12);
        m.hashQueueDepth.set(2);
        QTest::qWait(20);
        sampler.sample();

        QCOMPARE(spy.count(), 1);
        const MetricsPoint p = spy.at(0).at(0).value<MetricsPoint>();
        QVERIFY(p.requestsPerSecond > 0);
        QCOMPARE(p.errorRate, 0.1);
        QCOMPARE(p.clientErrorRate, 0.2); // 404s; the 429 counts apart
        QCOMPARE(p.throttledRate, 0.1);
        // Every request of the interval took 3 ms: all quantiles fall in the (2.5 ms, 5 ms] bucket.
        QVERIFY2(p.latencyP50 > 0.0025 && p.latencyP50 <= 0.005, qPrintable(QString::number(p.latencyP50)));
        QVERIFY(p.latencyP99 > 0.0025 && p.latencyP99 <= 0.005);
        QCOMPARE(p.loginsSucceeded, 2.0);
        QCOMPARE(p.loginsFailed, 4.0);
        QCOMPARE(p.loginsLocked, 4.0);
        QCOMPARE(p.activeSessions, 12.0);
        QCOMPARE(p.hashQueueDepth, 2.0);

        // A quiet interval: no requests, no latency.
        sampler.sample();
        const MetricsPoint quiet = spy.at(1).at(0).value<MetricsPoint>();
        QCOMPARE(quiet.requestsPerSecond, 0.0);
        QVERIFY(std::isnan(quiet.latencyP50));

        // The history keeps the newest `capacity` points.
        sampler.sample();
        sampler.sample();
        QCOMPARE(sampler.history().size(), 3);
        QCOMPARE(sampler.history().first().timeMs, spy.at(1).at(0).value<MetricsPoint>().timeMs);
    }

    // Every `coarseEvery` samples one coarse point spans them all, its quantiles over the whole span
    // (not an average of the fine ones); the coarse history keeps its own capacity.
    void coarsePointsSpanSeveralSamples()
    {
        MetricsRegistry registry;
        KeywardMetrics m(registry);
        MetricsSampler sampler(registry, 1000, 300, nullptr, 3, 2);
        QSignalSpy coarse(&sampler, &MetricsSampler::coarseSampled);
        QCOMPARE(sampler.coarseIntervalMs(), 3000);
        sampler.sample(); // the baseline
        auto &route = m.httpDuration.with({QStringLiteral("/a")});
        for (int i = 0; i < 99; ++i)
            route.observe(0.003);
        sampler.sample();
        route.observe(4.0); // the slow one, in the second fine interval only
        m.lockouts.inc(2);
        m.resetMailUnsent.inc();
        sampler.sample();
        QCOMPARE(coarse.count(), 0);
        sampler.sample();
        QCOMPARE(coarse.count(), 1);
        const MetricsPoint p = coarse.at(0).at(0).value<MetricsPoint>();
        QCOMPARE(sampler.coarseHistory().size(), 1);
        QCOMPARE(p.lockouts, 2.0);
        QCOMPARE(p.resetMailUnsent, 1.0);
        QVERIFY(p.seconds >= sampler.history().last().seconds);
        // 100 requests: p50 among the fast ones, p99 at the edge of the fast bucket, the max slow.
        QVERIFY2(p.latencyP50 <= 0.005, qPrintable(QString::number(p.latencyP50)));
        QVERIFY(sampler.history().at(0).latencyP99 <= 0.005); // the first fine interval had no slow one
        for (int i = 0; i < 6; ++i)
            sampler.sample();
        QCOMPARE(coarse.count(), 3);
        QCOMPARE(sampler.coarseHistory().size(), 2);
    }

    void timerDrivesSampling()
    {
        MetricsRegistry registry;
        KeywardMetrics m(registry);
        MetricsSampler sampler(registry, 20);
        QSignalSpy spy(&sampler, &MetricsSampler::sampled);
        sampler.start();
        QVERIFY(spy.wait(2000));
        sampler.stop();
        QVERIFY(!sampler.isRunning());
    }
};

QTEST_GUILESS_MAIN(TstMetricsSampler)
#include "tst_metrics_sampler.moc"
