#pragma once

#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace keyward {

// The store: SQLite (embedded default) or PostgreSQL, chosen by URL. QSqlDatabase is usable only in
// the thread that opened it, so every thread gets its own connection on first use, configured for
// the dialect, and closed when the thread ends.
class Database {
public:
    enum class Kind { Sqlite, Postgres };

    // sqlite:///abs/path.db or postgresql://user:pass@host:port/db
    static std::shared_ptr<Database> open(const QString &url, QString *error);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Kind kind() const { return m_kind; }
    QString kindName() const
    {
        return m_kind == Kind::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
    }
    // The URL with any password masked, for logs and check-config.
    QString displayUrl() const { return m_displayUrl; }
    // A database URL fit to print: its password, in the user part or a `password=` option, masked.
    static QString maskedUrl(const QString &url);
    QString sqlitePath() const { return m_sqlitePath; }
    // PostgreSQL, for its command-line tools (pg_dump, pg_restore): a connection string without the
    // password, and the environment that carries the password (never a command line, which every
    // local user can read).
    QString libpqConninfo() const;
    QProcessEnvironment libpqEnvironment() const;

    // This thread's connection, opened on first use. Not valid when the server is unreachable.
    QSqlDatabase connection();
    // A statement prepared once per thread and reused; bind values and exec() it here. finish()ed on reuse.
    QSqlQuery &prepared(const QString &sql);
    // Runs a prepared statement, timed for the query observer.
    bool exec(QSqlQuery &query);
    // Whether this thread is inside a Transaction on this database.
    bool inTransaction() const;

    // Told the duration of every statement run through exec(). Set once, before the first query;
    // called on the querying thread.
    enum class Statement { Select, Insert, Update, Delete, Other };
    using QueryObserver = std::function<void(Statement kind, double seconds)>;
    void setQueryObserver(QueryObserver observer) { m_observer = std::move(observer); }
    // Told, on the writing thread, each time a write was committed: a transaction, or a statement
    // other than a SELECT run through exec() outside one. Set once, before the first query.
    void setCommitObserver(std::function<void()> observer) { m_committed = std::move(observer); }
    // Closes this thread's connection; the next call reopens it.
    void closeThreadConnection();
    // Closes every connection the calling thread opened, of every Database. Threads call it as their
    // last work: what a thread leaves to its thread_local destructors runs after QThread::wait()
    // returns, perhaps after the process has begun to exit.
    static void releaseThread();

    static bool isUniqueViolation(const QSqlError &error);
    // Lost connection, server shut down, deadlock or serialisation failure: try again later.
    static bool isTransient(const QSqlError &error);

private:
    Database() = default;
    QSqlDatabase openConnection(const QString &name);
    void committed();

    // SQLite admits one writer at a time and makes the others poll with growing sleeps (1 ms, 2 ms,
    // 5 ms, ...). Writers of this process queue here instead, each woken the moment the last one
    // committed; the busy timeout is left for other processes (the CLI beside a running server).
    std::timed_mutex m_sqliteWriter;
    std::unique_lock<std::timed_mutex> takeSqliteWriterTurn();
    // Copies the SQLite write-ahead log into the database file every CheckpointInterval on its own
    // thread, so no request pays for a checkpoint (and its fsyncs) after its commit.
    class Checkpointer;
    std::unique_ptr<Checkpointer> m_checkpointer;

    Kind m_kind = Kind::Sqlite;
    QString m_displayUrl;
    QString m_sqlitePath;
    QString m_pgHost, m_pgUser, m_pgPassword, m_pgName, m_pgOptions;
    int m_pgPort = 5432;
    quint64 m_instance = 0;
    QueryObserver m_observer;
    std::function<void()> m_committed;

    friend class Transaction;
};

// A write transaction on this thread's connection: IMMEDIATE on SQLite (take the write lock up
// front, no upgrade deadlocks), READ COMMITTED on PostgreSQL whatever the server's default (the
// services' locks rely on each statement seeing what was committed before it). Rolls back unless
// commit() succeeded.
class Transaction {
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool active() const { return m_active; }
    [[nodiscard]] bool commit();

private:
    Database &m_db;
    std::unique_lock<std::timed_mutex> m_writer; // held from BEGIN to COMMIT or ROLLBACK on SQLite
    bool m_active = false;
};

} // namespace keyward
