// HealthService: every component judged with its facts, the worst one decides, readiness looks
// only at what should take a node out of a load balancer.
#include "observe/keyward_metrics.h"
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

    // 5xx responses, slow responses, a wave of lockouts and reset mail nobody can receive each
    // degrade health with a reason, judged by what changed since about a minute ago.
    void trafficIsJudged()
    {
        using Health = HealthComponent::Status;
        ServiceFixture f;
        HealthService &health = f.services->health();
        KeywardMetrics &m = f.services->metrics();
        const auto judged = [&](const char *name) { return *named(health.check(), QLatin1String(name)); };
        for (const char *name : {"errors", "latency", "lockouts", "mail"})
            QCOMPARE(judged(name).status, Health::Ok); // the first check marks where the window starts

        for (int i = 0; i < 19; ++i)
            m.httpRequests.with({QStringLiteral("GET"), QStringLiteral("/x"), QStringLiteral("500")}).inc();
        QCOMPARE(judged("errors").status, Health::Ok); // too few requests to judge by
        m.httpRequests.with({QStringLiteral("GET"), QStringLiteral("/x"), QStringLiteral("200")}).inc();
        const HealthComponent errors = judged("errors");
        QCOMPARE(errors.status, Health::Degraded);
        QVERIFY2(errors.reason.startsWith(QStringLiteral("95% of 20 requests failed with 5xx")),
                 qPrintable(errors.reason));
        QCOMPARE(judged("latency").status, Health::Ok);
        for (int i = 0; i < 20; ++i)
            m.httpDuration.with({QStringLiteral("/x")}).observe(3.0);
        QVERIFY2(judged("latency").reason.startsWith(QStringLiteral("p99 response time")),
                 qPrintable(judged("latency").reason));

        // Nine names locked are not yet a storm; the tenth is.
        const auto lockName = [&](int i) {
            for (int attempt = 0; attempt < 5; ++attempt)
                (void)f.services->auth().login(Principal::anonymous(), QStringLiteral("ghost%1").arg(i),
                                               QStringLiteral("guess"));
        };
        for (int i = 0; i < 9; ++i)
            lockName(i);
        QCOMPARE(judged("lockouts").status, Health::Ok);
        lockName(9);
        QCOMPARE(judged("lockouts").status, Health::Degraded);
        QCOMPARE(m.lockouts.value(), 10.0);

        // A reset asked for while SMTP is not configured: someone waits in vain.
        CreateUserRequest r;
        r.username = QStringLiteral("liv");
        r.email = QStringLiteral("liv@example.com");
        r.password = QStringLiteral("liv password");
        r.emailVerified = true;
        QVERIFY(f.services->users().create(Principal::system(), r).ok());
        // An unknown address counts alike: the public health status must not tell who has an account.
        f.services->users().requestPasswordReset(Principal::anonymous(), QStringLiteral("nobody@example.com"));
        QCOMPARE(m.resetMailUnsent.value(), 1.0);
        f.services->users().requestPasswordReset(Principal::anonymous(), r.email);
        QCOMPARE(m.resetMailUnsent.value(), 2.0);
        QVERIFY2(judged("mail").reason.contains(QStringLiteral("smtp.host")), qPrintable(judged("mail").reason));
        QVERIFY(f.services->settings()
                    .update(Principal::system(), {{QStringLiteral("smtp.host"), QStringLiteral("mail.example")},
                                                  {QStringLiteral("smtp.sender"), QStringLiteral("k@example.com")}})
                    .ok());
        QCOMPARE(judged("mail").status, Health::Ok);
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
