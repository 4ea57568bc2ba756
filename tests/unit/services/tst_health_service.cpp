// HealthService: every component judged with its facts, the worst one decides, readiness looks
// only at what should take a node out of a load balancer.
#include "service_fixture.h"

#include <QTest>

using namespace keyward;
using namespace keyward::test;

namespace {

const HealthComponent *named(const HealthService::Report &report, const QString &name)
{
    for (const HealthComponent &c : report.components)
        if (c.name == name)
            return &c;
    return nullptr;
}

} // namespace

class TstHealthService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyComponentWithItsFacts()
    {
        ServiceFixture f;
        f.services->health().setServer(3, 10);
        const HealthService::Report report = f.services->health().check();
        for (const char *name :
             {"database", "migrations", "serving", "disk", "memory", "process", "hash_queue", "signing_key"})
            QVERIFY2(named(report, QLatin1String(name)), name);
        const HealthComponent *db = named(report, QStringLiteral("database"));
        QCOMPARE(db->status, HealthComponent::Status::Ok);
        QVERIFY(db->reason.isEmpty());
        QCOMPARE(db->details.value(0).first, QStringLiteral("kind"));
        const HealthComponent *process = named(report, QStringLiteral("process"));
        QVERIFY(std::any_of(process->details.begin(), process->details.end(), [](const auto &fact) {
            return fact.first == QLatin1String("workers") && fact.second.toInt() == 3;
        }));
        QCOMPARE(HealthComponent::statusName(HealthComponent::Status::Degraded), QStringLiteral("degraded"));
    }

    void theWorstDecides()
    {
        ServiceFixture f;
        QVERIFY(f.services->keys().signer()); // made at start
        // A signing key half a year old asks to be rotated: degraded, not failing.
        f.clock.advance(181LL * 86'400'000);
        const HealthService::Report old = f.services->health().check();
        QCOMPARE(named(old, QStringLiteral("signing_key"))->status, HealthComponent::Status::Degraded);
        QVERIFY(old.status >= HealthComponent::Status::Degraded);
        QVERIFY(f.services->keys().rotate());
        QCOMPARE(named(f.services->health().check(), QStringLiteral("signing_key"))->status,
                 HealthComponent::Status::Ok);
    }

    void readinessIsTheCoreOnly()
    {
        ServiceFixture f;
        const HealthService::Report ready = f.services->health().ready();
        QCOMPARE(ready.status, HealthComponent::Status::Ok);
        QVERIFY(!named(ready, QStringLiteral("disk")));
        QVERIFY(!named(ready, QStringLiteral("signing_key")));
        f.services->beginShutdown();
        const HealthService::Report draining = f.services->health().ready();
        QCOMPARE(draining.status, HealthComponent::Status::Failing);
        QCOMPARE(named(draining, QStringLiteral("serving"))->reason, QStringLiteral("shutting down"));
    }
};

QTEST_GUILESS_MAIN(TstHealthService)
#include "tst_health_service.moc"
