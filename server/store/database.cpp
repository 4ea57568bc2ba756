#include "database.h"

#include "core/logging.h"
#include "core/private_files.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <condition_variable>
#include <thread>

namespace keyward {

namespace {

std::atomic<quint64> g_nextInstance{1};

// QSqlDatabase's connection registry is a static of Qt Sql, gone once the process starts exiting.
// A thread's C++ thread_local destructors run after QThread::wait() has already returned, so a
// thread may end after main() did: it must then not touch the registry. Closing runs under this
// lock; TeardownGuard, made after the registry and so destroyed before it, marks it gone.
QBasicMutex g_registryLock; // trivially destructible: usable to the very end
bool g_registryGone = false;

struct TeardownGuard {
    ~TeardownGuard()
    {
        QMutexLocker lock(&g_registryLock);
        g_registryGone = true;
    }
};

// Connections this thread opened, removed when the thread exits.
struct ThreadConnections {
    QHash<QString, QHash<QString, QSqlQuery>> statements; // connection name -> sql -> query
    QStringList names;
    ~ThreadConnections() { closeAll(); }
    void close(const QString &name)
    {
        QMutexLocker lock(&g_registryLock);
        if (g_registryGone) {
            // The process is exiting: what this thread held goes with it, untouched (its prepared
            // queries would reach for the registry on destruction).
            new (&statements) decltype(statements)();
            names.clear();
            return;
        }
        statements.remove(name);
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isValid())
                db.close();
        }
        QSqlDatabase::removeDatabase(name);
        names.removeAll(name);
    }
    void closeAll()
    {
        const QStringList all = names;
        for (const QString &n : all)
            close(n);
    }
};

// How long a writer waits for SQLite's write lock (another process's transaction) before failing.
constexpr int BusyTimeoutMs = 10000;

thread_local ThreadConnections t_connections;
// The database whose transaction this thread is in, if any.
thread_local const Database *t_transactionOf = nullptr;

QString connectionName(quint64 instance)
{
    return QStringLiteral("keyward-%1-%2").arg(instance).arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
}

} // namespace

class Database::Checkpointer {
public:
    explicit Checkpointer(Database &db)
        : m_db(db)
        , m_thread([this] { run(); })
    {
    }
    ~Checkpointer()
    {
        {
            std::lock_guard lock(m_lock);
            m_stop = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }
    Checkpointer(const Checkpointer &) = delete;
    Checkpointer &operator=(const Checkpointer &) = delete;

    // Called after every commit; wakes the thread only for the first write since its last checkpoint.
    void noteWrite()
    {
        if (m_pending.exchange(true, std::memory_order_relaxed))
            return;
        std::lock_guard lock(m_lock);
        m_wake.notify_one();
    }

private:
    // Long enough for one checkpoint to copy many commits' pages at once, short enough to keep the
    // log small.
    static constexpr std::chrono::milliseconds Interval{100};

    void run()
    {
        std::unique_lock lock(m_lock);
        while (!m_stop) {
            m_wake.wait(lock, [this] { return m_stop || m_pending.load(std::memory_order_relaxed); });
            m_wake.wait_for(lock, Interval, [this] { return m_stop; });
            if (m_stop)
                break; // closing the last connection checkpoints anyway
            m_pending.store(false, std::memory_order_relaxed);
            lock.unlock();
            // PASSIVE: copies what no reader still needs and never waits for (or blocks) a writer.
            QSqlQuery q(m_db.connection());
            if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
                qCWarning(lcStore).noquote() << "checkpoint failed:" << q.lastError().text();
            lock.lock();
        }
        lock.unlock();
        Database::releaseThread();
    }

    Database &m_db;
    std::mutex m_lock;
    std::condition_variable m_wake;
    std::atomic<bool> m_pending{false};
    bool m_stop = false;
    std::thread m_thread; // last: starts once the members above exist
};

std::shared_ptr<Database> Database::open(const QString &urlText, QString *error)
{
    std::shared_ptr<Database> db(new Database);
    db->m_instance = g_nextInstance++;
    const QUrl url(urlText, QUrl::StrictMode);
    if (url.scheme() == QLatin1String("sqlite")) {
        db->m_kind = Kind::Sqlite;
        db->m_sqlitePath = url.path();
        if (db->m_sqlitePath.isEmpty() || !QDir::isAbsolutePath(db->m_sqlitePath)) {
            *error = QStringLiteral("sqlite URL needs an absolute path: sqlite:///path/to/keyward.db");
            return nullptr;
        }
        // SQLite gives its -wal and -shm files the database file's mode: 0600 covers them all.
        if (!files::makePrivateDirectory(QFileInfo(db->m_sqlitePath).absolutePath()) ||
            !files::makePrivateFile(db->m_sqlitePath)) {
            *error = QStringLiteral("cannot create %1").arg(db->m_sqlitePath);
            return nullptr;
        }
        db->m_displayUrl = urlText;
    } else if (url.scheme() == QLatin1String("postgresql") || url.scheme() == QLatin1String("postgres")) {
        db->m_kind = Kind::Postgres;
        db->m_pgHost = url.host();
        db->m_pgPort = url.port(5432);
        db->m_pgUser = url.userName();
        db->m_pgPassword = url.password();
        db->m_pgName = url.path().mid(1);
        QStringList opts;
        const QUrlQuery q(url);
        for (const auto &[k, v] : q.queryItems(QUrl::FullyDecoded)) {
            // libpq also takes the password as an option: it goes where the password goes, never
            // into an option string that pg_dump would carry on its command line.
            if (k == QLatin1String("password")) {
                if (db->m_pgPassword.isEmpty())
                    db->m_pgPassword = v;
                continue;
            }
            opts << (k + QLatin1Char('=') + v);
        }
        opts << QStringLiteral("connect_timeout=5");
        db->m_pgOptions = opts.join(QLatin1Char(';'));
        if (db->m_pgName.isEmpty()) {
            *error = QStringLiteral("postgresql URL needs a database name: postgresql://user:pass@host:port/dbname");
            return nullptr;
        }
        db->m_displayUrl = maskedUrl(urlText);
    } else {
        *error =
            QStringLiteral("unsupported database URL scheme '%1' (use sqlite:// or postgresql://)").arg(url.scheme());
        return nullptr;
    }
    // Open once here so a bad URL or an unreachable server is reported at start, not at first request.
    QSqlDatabase c = db->connection();
    if (!c.isOpen()) {
        *error = QStringLiteral("cannot open database %1: %2").arg(db->m_displayUrl, c.lastError().text());
        return nullptr;
    }
    if (db->m_kind == Kind::Sqlite)
        db->m_checkpointer = std::make_unique<Checkpointer>(*db);
    return db;
}

QString Database::maskedUrl(const QString &url)
{
    QUrl shown(url);
    if (!shown.password().isEmpty())
        shown.setPassword(QStringLiteral("****"));
    QUrlQuery query(shown);
    if (query.hasQueryItem(QStringLiteral("password"))) {
        query.removeAllQueryItems(QStringLiteral("password"));
        query.addQueryItem(QStringLiteral("password"), QStringLiteral("****"));
        shown.setQuery(query);
    }
    return shown.toString();
}

QString Database::libpqConninfo() const
{
    const auto quoted = [](QString v) -> QString {
        return QLatin1Char('\'') +
               v.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'")) +
               QLatin1Char('\'');
    };
    QStringList parts{QStringLiteral("host=") + quoted(m_pgHost), QStringLiteral("port=%1").arg(m_pgPort),
                      QStringLiteral("user=") + quoted(m_pgUser), QStringLiteral("dbname=") + quoted(m_pgName)};
    for (const QString &option : m_pgOptions.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        parts << option.section(QLatin1Char('='), 0, 0) + QLatin1Char('=') +
                     quoted(option.section(QLatin1Char('='), 1));
    return parts.join(QLatin1Char(' '));
}

QProcessEnvironment Database::libpqEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!m_pgPassword.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), m_pgPassword);
    return env;
}

Database::~Database()
{
    m_checkpointer.reset();
    // Connections of other threads are removed when those threads end; this thread's now.
    t_connections.close(connectionName(m_instance));
}

QSqlDatabase Database::openConnection(const QString &name)
{
    QSqlDatabase db;
    if (m_kind == Kind::Sqlite) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_sqlitePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_pgHost);
        db.setPort(m_pgPort);
        db.setUserName(m_pgUser);
        db.setPassword(m_pgPassword);
        db.setDatabaseName(m_pgName);
        db.setConnectOptions(m_pgOptions);
    }
    t_connections.names.append(name);
    if (!db.open()) {
        qCWarning(lcStore).noquote() << "cannot open" << m_displayUrl << ":" << db.lastError().text();
        return db;
    }
    QSqlQuery q(db);
    if (m_kind == Kind::Sqlite) {
        // The checkpointer keeps the log short; SQLite checkpoints on a writer's commit only past
        // 8000 pages (32 MiB), should that thread fall behind.
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL",
                                   "PRAGMA wal_autocheckpoint=8000"}) {
            if (!q.exec(QLatin1String(pragma)))
                qCWarning(lcStore).noquote() << pragma << "failed:" << q.lastError().text();
        }
    } else {
        q.exec(QStringLiteral("SET TIME ZONE 'UTC'"));
    }
    return db;
}

QSqlDatabase Database::connection()
{
    const QString name = connectionName(m_instance);
    QSqlDatabase db = QSqlDatabase::database(name, false);
    // Made after Qt Sql's registry (the line above has made sure it exists), so destroyed before it.
    static TeardownGuard guard;
    if (db.isValid()) {
        if (db.isOpen())
            return db;
        t_connections.close(name);
    }
    return openConnection(name);
}

QSqlQuery &Database::prepared(const QString &sql)
{
    const QString name = connectionName(m_instance);
    QSqlDatabase db = connection();
    auto &cache = t_connections.statements[name];
    auto it = cache.find(sql);
    if (it == cache.end()) {
        QSqlQuery q(db);
        // Rows are read once, in order: SQLite's driver then keeps only the current one rather
        // than caching every row read. (PostgreSQL's would fetch each row in a round of its own.)
        if (m_kind == Kind::Sqlite)
            q.setForwardOnly(true);
        if (!q.prepare(sql))
            qCWarning(lcStore).noquote() << "prepare failed:" << q.lastError().text() << "for" << sql;
        it = cache.insert(sql, q);
    } else {
        it->finish();
    }
    return *it;
}

bool Database::exec(QSqlQuery &query)
{
    QElapsedTimer timer;
    if (m_observer)
        timer.start();
    // The statement's first letter tells its kind: Keyward's SQL starts with the keyword.
    const QString sql = query.lastQuery();
    const QChar first = sql.isEmpty() ? QChar() : sql.front().toUpper();
    const Statement kind = first == u'S'   ? Statement::Select
                           : first == u'I' ? Statement::Insert
                           : first == u'U' ? Statement::Update
                           : first == u'D' ? Statement::Delete
                                           : Statement::Other;
    // A write outside a transaction commits on its own.
    const bool autocommitWrite = kind != Statement::Select && kind != Statement::Other && t_transactionOf != this;
    std::unique_lock<std::timed_mutex> writer;
    if (autocommitWrite)
        writer = takeSqliteWriterTurn();
    const bool ok = query.exec();
    writer = {};
    if (m_observer)
        m_observer(kind, static_cast<double>(timer.nsecsElapsed()) / 1e9);
    if (ok && autocommitWrite)
        committed();
    return ok;
}

void Database::closeThreadConnection()
{
    t_connections.close(connectionName(m_instance));
}

void Database::releaseThread()
{
    t_connections.closeAll();
}

bool Database::isUniqueViolation(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    // SQLite: SQLITE_CONSTRAINT_UNIQUE (2067), SQLITE_CONSTRAINT_PRIMARYKEY (1555); PostgreSQL: 23505.
    return code == QLatin1String("2067") || code == QLatin1String("1555") || code == QLatin1String("23505");
}

bool Database::isTransient(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    // QSQLITE labels even constraint failures ConnectionError, so the type alone says nothing:
    // only a connection error without a database error code is a lost connection.
    if (code.isEmpty())
        return error.type() == QSqlError::ConnectionError;
    static const QStringList transient{QStringLiteral("5"),     QStringLiteral("6"),
                                       QStringLiteral("261"),   QStringLiteral("517"), // SQLite busy/locked
                                       QStringLiteral("40001"), QStringLiteral("40P01"),
                                       QStringLiteral("57P01"), QStringLiteral("57P03")};
    return transient.contains(code) || code.startsWith(QLatin1String("08"));
}

bool Database::inTransaction() const
{
    return t_transactionOf == this;
}

std::unique_lock<std::timed_mutex> Database::takeSqliteWriterTurn()
{
    if (m_kind != Kind::Sqlite)
        return {};
    // As long as SQLite's own busy timeout: a writer that waits longer goes on without its turn
    // and meets SQLite's lock, which fails it cleanly, where waiting here could wait for ever.
    std::unique_lock turn(m_sqliteWriter, std::defer_lock);
    if (!turn.try_lock_for(std::chrono::milliseconds(BusyTimeoutMs)))
        qCWarning(lcStore) << "a write waited" << BusyTimeoutMs << "ms for its turn; going on without it";
    return turn;
}

void Database::committed()
{
    if (m_checkpointer)
        m_checkpointer->noteWrite();
    if (m_committed)
        m_committed();
}

Transaction::Transaction(Database &db)
    : m_db(db)
{
    // A transaction inside another is refused by BEGIN at once; its thread holds the turn already.
    if (!db.inTransaction())
        m_writer = db.takeSqliteWriterTurn();
    QSqlQuery q(db.connection());
    m_active = q.exec(db.kind() == Database::Kind::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                                          : QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED"));
    if (m_active) {
        t_transactionOf = &db;
    } else {
        m_writer = {};
        qCWarning(lcStore).noquote() << "cannot begin transaction:" << q.lastError().text();
    }
}

Transaction::~Transaction()
{
    if (m_active) {
        t_transactionOf = nullptr;
        QSqlQuery q(m_db.connection());
        q.exec(QStringLiteral("ROLLBACK"));
    }
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    QSqlQuery q(m_db.connection());
    m_active = false;
    t_transactionOf = nullptr;
    const bool ok = q.exec(QStringLiteral("COMMIT"));
    if (!ok) {
        qCWarning(lcStore).noquote() << "commit failed:" << q.lastError().text();
        QSqlQuery(m_db.connection()).exec(QStringLiteral("ROLLBACK"));
    }
    m_writer = {}; // before the observer, which reads
    if (ok)
        m_db.committed();
    return ok;
}

} // namespace keyward
