#include "store/write_transaction.h"
#include "test_database.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

#include <thread>
#include <vector>

using namespace keyward;
using namespace keyward::test;

class TstDatabase : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Writers of one process take turns: every read-modify-write transaction and every statement
    // that commits on its own lands, none waits in vain, none is lost.
    void concurrentWritersAllLand_data() { TestDatabase::addBackendRows(); }
    void concurrentWritersAllLand()
    {
        QFETCH(QString, backend);
        TestDatabase t(backend);
        QVERIFY2(t.database(), qPrintable(t.error()));
        Database &db = *t.database();
        {
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO counter (id, n) VALUES (1, 0)")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE notes (writer INTEGER NOT NULL, i INTEGER NOT NULL)")));
        }
        constexpr int Threads = 6, Rounds = 40;
        std::atomic<int> failures{0};
        std::vector<std::thread> writers;
        for (int w = 0; w < Threads; ++w) {
            writers.emplace_back([&, w] {
                for (int i = 0; i < Rounds; ++i) {
                    const Status s = writeTransaction(db, [&]() -> Status {
                        // IMMEDIATE makes SQLite's transactions serial; PostgreSQL's take the row lock.
                        QSqlQuery &read =
                            db.prepared(db.kind() == Database::Kind::Sqlite
                                            ? QStringLiteral("SELECT n FROM counter WHERE id = 1")
                                            : QStringLiteral("SELECT n FROM counter WHERE id = 1 FOR UPDATE"));
                        if (!db.exec(read) || !read.next())
                            return databaseUnavailable();
                        const int n = read.value(0).toInt();
                        read.finish();
                        QSqlQuery &write = db.prepared(QStringLiteral("UPDATE counter SET n = ? WHERE id = 1"));
                        write.addBindValue(n + 1);
                        return db.exec(write) ? success() : databaseUnavailable();
                    });
                    QSqlQuery &note = db.prepared(QStringLiteral("INSERT INTO notes (writer, i) VALUES (?, ?)"));
                    note.addBindValue(w);
                    note.addBindValue(i);
                    if (!s || !db.exec(note))
                        ++failures;
                }
                Database::releaseThread();
            });
        }
        for (auto &w : writers)
            w.join();
        QCOMPARE(failures.load(), 0);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT n, (SELECT count(*) FROM notes) FROM counter")) && q.next());
        QCOMPARE(q.value(0).toInt(), Threads * Rounds);
        QCOMPARE(q.value(1).toInt(), Threads * Rounds);
    }

    // The write-ahead log is copied into the database file by the database's own thread soon after
    // a commit, long before SQLite's backstop (thousands of pages) would make a writer do it.
    // Wherever a URL is printed (logs, check-config, backup messages) and wherever a PostgreSQL tool
    // is started, the password shows in neither form libpq takes it in.
    void passwordsNeverShow()
    {
        const QString url =
            QStringLiteral("postgresql://keyward:hunter2@db.example:5432/keyward?sslmode=require&password=hunter3");
        const QString masked = Database::maskedUrl(url);
        QVERIFY2(!masked.contains(QStringLiteral("hunter")), qPrintable(masked));
        QVERIFY(masked.contains(QStringLiteral("sslmode=require")));
        QVERIFY(masked.contains(QStringLiteral("db.example")));
        QCOMPARE(Database::maskedUrl(QStringLiteral("sqlite:///var/lib/keyward/keyward.db")),
                 QStringLiteral("sqlite:///var/lib/keyward/keyward.db"));
        if (TestDatabase::postgresAdminUrl().isEmpty())
            return;
        // A password given as an option goes to the environment, not to the tools' command line.
        QUrl live(TestDatabase::postgresAdminUrl());
        const QString password = live.password();
        live.setPassword(QString());
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("password"), password);
        live.setQuery(query);
        QString error;
        const auto db = Database::open(live.toString(), &error);
        QVERIFY2(db, qPrintable(error)); // it still connects
        QVERIFY2(!db->libpqConninfo().contains(QStringLiteral("password")), qPrintable(db->libpqConninfo()));
        QVERIFY2(db->displayUrl().endsWith(QStringLiteral("?password=****")), qPrintable(db->displayUrl()));
        QCOMPARE(db->libpqEnvironment().value(QStringLiteral("PGPASSWORD")), password);
    }

    void sqliteLogIsCheckpointedInTheBackground()
    {
        TestDatabase t(QStringLiteral("sqlite"));
        QVERIFY2(t.database(), qPrintable(t.error()));
        Database &db = *t.database();
        const QString path = db.sqlitePath();
        QVERIFY(writeTransaction(db, [&]() -> Status {
            QSqlQuery q(db.connection());
            return q.exec(QStringLiteral("CREATE TABLE blobs (b BLOB NOT NULL)")) ? success() : databaseUnavailable();
        }));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > 0, 10000);
        const qint64 before = QFileInfo(path).size();
        QVERIFY(writeTransaction(db, [&]() -> Status {
            QSqlQuery &q = db.prepared(QStringLiteral("INSERT INTO blobs (b) VALUES (?)"));
            q.addBindValue(QByteArray(1 << 20, 'x')); // 256 pages: well under the backstop
            return db.exec(q) ? success() : databaseUnavailable();
        }));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > before + (1 << 20), 10000);
    }
};

QTEST_GUILESS_MAIN(TstDatabase)
#include "tst_database.moc"
