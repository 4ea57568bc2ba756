// The metrics registry: Prometheus text format 0.0.4 as scrapers parse it (cumulative buckets,
// +Inf, _sum and _count, escaped label values), collectors run before each snapshot, and quantiles
// as histogram_quantile() computes them.
#include "observe/metrics.h"

#include <QTest>

#include <cmath>

using namespace keyward;

class TstMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void expositionFormat()
    {
        MetricsRegistry registry;
        registry.counter("keyward_things_total", "Things done.", {QStringLiteral("kind")})
            .with({QStringLiteral("a\"b\\c\nd")})
            .inc(3);
        auto &latency = registry.histogram("keyward_wait_seconds", "Waits.", {}, std::vector<double>{0.1, 1.0}).with();
        latency.observe(0.05);
        latency.observe(0.5);
        latency.observe(5);
        double live = 0;
        registry.gauge("keyward_live", "Live things.").with();
        registry.addCollector([&] { live = 7; });
        const QByteArray text = registry.exposition();
        QCOMPARE(live, 7.0);
        QVERIFY(text.contains("# HELP keyward_things_total Things done.\n# TYPE keyward_things_total counter\n"));
        QVERIFY2(text.contains("keyward_things_total{kind=\"a\\\"b\\\\c\\nd\"} 3\n"), text.constData());
        // Buckets are cumulative in the text even though they are kept per bucket.
        QVERIFY(text.contains("keyward_wait_seconds_bucket{le=\"0.1\"} 1\n"));
        QVERIFY(text.contains("keyward_wait_seconds_bucket{le=\"1\"} 2\n"));
        QVERIFY(text.contains("keyward_wait_seconds_bucket{le=\"+Inf\"} 3\n"));
        QVERIFY(text.contains("keyward_wait_seconds_count 3\n"));
        QVERIFY(text.contains("keyward_wait_seconds_sum 5.55\n"));
        QVERIFY(text.contains("# TYPE keyward_live gauge\n"));
    }

    void snapshotsAddUpAndMerge()
    {
        MetricsRegistry registry;
        auto &family = registry.counter("keyward_requests_total", "Requests.", {QStringLiteral("status")});
        family.with({QStringLiteral("200")}).inc(5);
        family.with({QStringLiteral("503")}).inc(2);
        auto &h = registry.histogram("keyward_d_seconds", "D.", {QStringLiteral("route")}, std::vector<double>{1.0});
        h.with({QStringLiteral("/a")}).observe(0.5);
        h.with({QStringLiteral("/b")}).observe(2);
        const MetricsSnapshot s = registry.snapshot();
        QCOMPARE(s.total("keyward_requests_total"), 7.0);
        QCOMPARE(s.total("keyward_requests_total", QStringLiteral("status"),
                         [](const QString &v) { return v.startsWith(QLatin1Char('5')); }),
                 2.0);
        const auto merged = s.merged("keyward_d_seconds");
        QCOMPARE(merged.count(), quint64(2));
        QVERIFY(!s.find("keyward_nothing"));
    }

    void quantilesInterpolateInsideTheBucket()
    {
        const std::vector<double> bounds{1, 2, 4};
        QCOMPARE(histogramQuantile(0.5, bounds, {0, 10, 0, 0}), 1.5);
        QCOMPARE(histogramQuantile(1.0, bounds, {0, 10, 0, 0}), 2.0);
        QVERIFY(std::isnan(histogramQuantile(0.5, bounds, {0, 0, 0, 0})));
        // Beyond the last bound, the last bound is the answer (as Prometheus does).
        QCOMPARE(histogramQuantile(0.99, bounds, {0, 0, 0, 5}), 4.0);
    }
};

QTEST_GUILESS_MAIN(TstMetrics)
#include "tst_metrics.moc"
