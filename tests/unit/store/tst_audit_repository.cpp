// The audit chain's own defences against truncation: a signed head, and a high-water mark that an
// older (genuinely signed) head cannot fool.
#include "crypto/digest.h"
#include "services/services.h"
#include "store/audit_repository.h"
#include "test_database.h"

#include <QSqlQuery>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

class TstAuditRepository : public QObject {
    Q_OBJECT
private:
    const QByteArray m_masterKey = crypto::randomBytes(32);
    const QByteArray m_key = Services::auditChainKey(m_masterKey);

    // A new database, migrated as a node does: the empty chain's head signed with the key.
    std::unique_ptr<TestDatabase> db()
    {
        QFETCH(QString, backend);
        auto t = std::make_unique<TestDatabase>(backend);
        if (!t->database() || !Services::migrate(*t->database(), m_masterKey).isEmpty())
            qFatal("no database");
        return t;
    }
    void backends() { TestDatabase::addBackendRows(); }

    static void append(Database &db, AuditRepository &repo, int count)
    {
        static int made = 0;
        for (int i = 0; i < count; ++i) {
            Transaction tx(db);
            AuditEvent e;
            e.id = QStringLiteral("event-%1").arg(++made);
            e.time = 1'790'000'000'000 + made;
            e.actorType = QStringLiteral("system");
            e.action = QStringLiteral("test.event");
            e.outcome = QStringLiteral("success");
            e.details = QStringLiteral("{}");
            QVERIFY(repo.append(e).ok());
            QVERIFY(tx.commit());
        }
    }

    static void exec(Database &db, const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(db.connection());
        QVERIFY(q.prepare(sql));
        for (const QVariant &v : values)
            q.addBindValue(v);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    }

    static ChainMark head(Database &db)
    {
        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("SELECT seq, hash FROM audit_chain_head WHERE id = 1"));
        q.next();
        return {q.value(0).toLongLong(), q.value(1).toByteArray()};
    }

private Q_SLOTS:
    void headMovedBackWithoutTheKeyIsTruncation_data() { backends(); }
    void headMovedBackWithoutTheKeyIsTruncation()
    {
        auto t = db();
        Database &d = *t->database();
        AuditRepository repo(d, m_key);
        append(d, repo, 10);
        QVERIFY(repo.verify()->ok);
        // The last three deleted and the head pointed at the new end: no key, no valid signature.
        exec(d, QStringLiteral("DELETE FROM audit_events WHERE seq > 7"));
        exec(d, QStringLiteral(
                    "UPDATE audit_chain_head SET seq = 7, hash = (SELECT hash FROM audit_events WHERE seq = 7)"));
        const ChainReport report = *repo.verify();
        QVERIFY(!report.ok);
        QVERIFY(report.truncated);
        QCOMPARE(report.firstBadSeq, qint64(8));
        QCOMPARE(repo.signedHead()->has_value(), false);
    }

    // Emptying the chain and resetting its head to the schema's does not pass for a new chain.
    void emptiedChainIsNotANewOne_data() { backends(); }
    void emptiedChainIsNotANewOne()
    {
        auto t = db();
        Database &d = *t->database();
        AuditRepository repo(d, m_key);
        QVERIFY(repo.verify()->ok); // the new, empty chain
        append(d, repo, 3);
        exec(d, QStringLiteral("DELETE FROM audit_events"));
        exec(d, QStringLiteral("UPDATE audit_chain_head SET seq = 0, hash = ?, mac = ?"),
             {QByteArray(""), QByteArray("")});
        const ChainReport report = *repo.verify();
        QVERIFY(!report.ok);
        QVERIFY(report.truncated);
    }

    // Writing on after the head was moved (so the head is signed again) leaves the mark of it in
    // the chain, under the new event's own hash.
    void appendingOnAForgedHeadIsReported_data() { backends(); }
    void appendingOnAForgedHeadIsReported()
    {
        auto t = db();
        Database &d = *t->database();
        AuditRepository repo(d, m_key);
        append(d, repo, 6);
        exec(d, QStringLiteral("DELETE FROM audit_events WHERE seq > 4"));
        exec(d, QStringLiteral(
                    "UPDATE audit_chain_head SET seq = 4, hash = (SELECT hash FROM audit_events WHERE seq = 4)"));
        append(d, repo, 2); // the node writes on, signing new heads
        QVERIFY(repo.signedHead()->has_value());
        const ChainReport report = *repo.verify();
        QVERIFY(!report.ok);
        QVERIFY(report.truncated);
        QCOMPARE(report.firstBadSeq, qint64(5));
    }

    void olderSignedHeadFallsShortOfTheHighWaterMark_data() { backends(); }
    void olderSignedHeadFallsShortOfTheHighWaterMark()
    {
        auto t = db();
        Database &d = *t->database();
        AuditRepository repo(d, m_key);
        append(d, repo, 4);
        QSqlQuery q(d.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT seq, hash, mac FROM audit_chain_head")) && q.next());
        const QVariantList older{q.value(0), q.value(1), q.value(2)};
        q.finish();
        append(d, repo, 6);
        const ChainMark mark = **repo.signedHead();
        QCOMPARE(mark.seq, qint64(10));
        QVERIFY(*repo.holds(mark));

        exec(d, QStringLiteral("DELETE FROM audit_events WHERE seq > 4"));
        exec(d, QStringLiteral("UPDATE audit_chain_head SET seq = ?, hash = ?, mac = ?"), older);
        // On its own the database cannot tell: the old head is genuine. That is what the mark is for.
        QVERIFY(repo.verify()->ok);
        QVERIFY(!*repo.holds(mark));
        const ChainReport report = *repo.verify(mark);
        QVERIFY(!report.ok);
        QVERIFY(report.truncated);
        QCOMPARE(report.firstBadSeq, qint64(5));
        QCOMPARE(report.lastSeqSeen, qint64(10));
    }

    // An event replaced at the mark (history rewritten after a truncation) does not pass either.
    void markHoldsItsHash_data() { backends(); }
    void markHoldsItsHash()
    {
        auto t = db();
        Database &d = *t->database();
        AuditRepository repo(d, m_key);
        append(d, repo, 3);
        ChainMark forged = head(d);
        forged.hash = crypto::sha256("something else");
        const ChainReport report = *repo.verify(forged);
        QVERIFY(!report.ok);
        QCOMPARE(report.firstBadSeq, qint64(3));
    }

    // A database from before heads were signed gets its head signed once, if the chain holds it.
    void unsignedHeadIsSignedOnce_data() { backends(); }
    void unsignedHeadIsSignedOnce()
    {
        auto t = db();
        Database &d = *t->database();
        AuditRepository repo(d, m_key);
        append(d, repo, 3);
        exec(d, QStringLiteral("UPDATE audit_chain_head SET mac = ?"), {QByteArray("")});
        QVERIFY(!repo.verify()->ok);
        // (As the migration that leaves a head unsigned does, in its own transaction.)
        {
            Transaction tx(d);
            QVERIFY(repo.signUnsignedHead().ok());
            QVERIFY(tx.commit());
        }
        QVERIFY(repo.verify()->ok);
        QCOMPARE((*repo.signedHead())->seq, qint64(3));
    }
};

QTEST_GUILESS_MAIN(TstAuditRepository)
#include "tst_audit_repository.moc"
