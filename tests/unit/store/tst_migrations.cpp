#include "store/migrations.h"
#include "test_database.h"

#include <QSqlQuery>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

class TstMigrations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appliesOnceAndRecordsChecksums_data() { backends(); }
    void appliesOnceAndRecordsChecksums()
    {
        QFETCH(QString, backend);
        TestDatabase t(backend);
        QVERIFY2(t.database(), qPrintable(t.error()));
        Migrations m(*t.database());
        QVERIFY(!m.available().isEmpty());
        QCOMPARE(m.status().current, 0);
        int applied = -1;
        QCOMPARE(m.migrate(&applied), QString());
        QCOMPARE(applied, m.available().size());
        QVERIFY(m.status().upToDate());
        QCOMPARE(m.migrate(&applied), QString());
        QCOMPARE(applied, 0);
        // The built-in roles are seeded.
        QSqlQuery q(t.database()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM roles")) && q.next());
        QCOMPARE(q.value(0).toInt(), 4);
    }

    void refusesEditedAndNewerSchemas_data() { backends(); }
    void refusesEditedAndNewerSchemas()
    {
        QFETCH(QString, backend);
        TestDatabase t(backend);
        Migrations m(*t.database());
        QCOMPARE(m.migrate(), QString());
        QSqlQuery q(t.database()->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")));
        QVERIFY(m.status().problem.contains(QStringLiteral("changed after it was applied")));
        QVERIFY(!m.migrate().isEmpty());
        QVERIFY(q.exec(QStringLiteral("UPDATE schema_migrations SET checksum = '%1' WHERE version = 1")
                           .arg(m.available().first().checksum)));
        QVERIFY(m.status().problem.isEmpty());
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (42, 'later', 'x', 0)")));
        QVERIFY(m.status().problem.contains(QStringLiteral("newer than this Keyward")));
        QVERIFY(!m.migrate().isEmpty());
    }

    void splitsStatementsKeepingTriggersWhole()
    {
        const QStringList parts = Migrations::splitStatements(
            QStringLiteral("-- comment\nCREATE TABLE a (x INT);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  INSERT "
                           "INTO b VALUES (1);\n"
                           "  INSERT INTO b VALUES (2);\nEND;\nINSERT INTO a VALUES (1);\n"));
        QCOMPARE(parts.size(), 3);
        QVERIFY(parts[1].startsWith(QStringLiteral("CREATE TRIGGER")) && parts[1].endsWith(QStringLiteral("END;")));

        const QStringList pg = Migrations::splitStatements(QStringLiteral(
            "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  UPDATE t SET n = 1;\n  RETURN NULL;\n"
            "END\n$$;\nCREATE TRIGGER g AFTER INSERT ON t\n    FOR EACH ROW EXECUTE FUNCTION f();\nSELECT 1;\n"));
        QCOMPARE(pg.size(), 3);
        QVERIFY(pg[0].endsWith(QStringLiteral("$$;")));
        QVERIFY(pg[1].endsWith(QStringLiteral("EXECUTE FUNCTION f();")));
    }

private:
    void backends() { TestDatabase::addBackendRows(); }
};

QTEST_GUILESS_MAIN(TstMigrations)
#include "tst_migrations.moc"
