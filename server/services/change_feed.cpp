#include "change_feed.h"

#include "core/clock.h"
#include "core/logging.h"
#include "store/cluster_repository.h"
#include "store/database.h"

#include <QSqlDriver>
#include <QThread>
#include <QTimer>

namespace keyward {

namespace {
constexpr int BatchSize = 1'000;
// How long a missing sequence number is waited for: longer than any transaction that ends a session.
constexpr qint64 GapWaitMs = 10'000;
// More numbers missing at once than transactions run side by side: a jump (PostgreSQL skips ahead
// after a crash), or changes pruned while this node was away. Whatever was cached is then stale.
constexpr qint64 MostGaps = 256;
const QString Channel = QStringLiteral("keyward_changes");

std::optional<ChangeFeed::Topic> topicNamed(const QString &name)
{
    static const QHash<QString, ChangeFeed::Topic> topics{
        {QStringLiteral("session"), ChangeFeed::Topic::Session},   {QStringLiteral("user"), ChangeFeed::Topic::User},
        {QStringLiteral("token"), ChangeFeed::Topic::Token},       {QStringLiteral("roles"), ChangeFeed::Topic::Roles},
        {QStringLiteral("settings"), ChangeFeed::Topic::Settings}, {QStringLiteral("keys"), ChangeFeed::Topic::Keys}};
    const auto it = topics.constFind(name);
    return it == topics.constEnd() ? std::nullopt : std::optional(*it);
}
} // namespace

ChangeFeed::ChangeFeed(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

ChangeFeed::~ChangeFeed()
{
    if (m_poller) {
        m_poller->quit();
        m_poller->wait();
    }
}

Status ChangeFeed::start()
{
    QMutexLocker lock(&m_readLock);
    auto last = ClusterRepository(m_db).lastChange();
    if (!last)
        return last.error();
    m_lastSeq = *last;
    m_readAtMs = m_clock.nowMs();
    m_started = true;
    return success();
}

void ChangeFeed::startPolling()
{
    if (m_poller)
        return;
    m_poller = std::make_unique<QThread>();
    m_poller->setObjectName(QStringLiteral("change feed"));
    auto *timer = new QTimer;
    timer->setInterval(PollMs);
    timer->moveToThread(m_poller.get());
    const auto tick = [this, timer] {
        (void)catchUp(); // a failure is logged; the caches stop trusting the feed a second later
        if (m_db.kind() != Database::Kind::Postgres)
            return;
        // Listening again after the connection was lost and opened anew.
        const QSqlDatabase connection = m_db.connection();
        QSqlDriver *driver = connection.driver();
        if (connection.isOpen() && !driver->subscribedToNotifications().contains(Channel) &&
            driver->subscribeToNotification(Channel))
            QObject::connect(driver, &QSqlDriver::notification, timer, [this] { (void)catchUp(); });
    };
    QObject::connect(timer, &QTimer::timeout, timer, tick);
    QObject::connect(m_poller.get(), &QThread::started, timer, [timer, tick] {
        timer->start();
        tick();
    });
    QObject::connect(m_poller.get(), &QThread::finished, timer, &QObject::deleteLater);
    QObject::connect(
        m_poller.get(), &QThread::finished, m_poller.get(), [] { Database::releaseThread(); }, Qt::DirectConnection);
    m_poller->start();
}

Status ChangeFeed::catchUp()
{
    QMutexLocker lock(&m_readLock);
    if (!m_started)
        return success(); // the table may not exist yet: the database is being migrated
    ClusterRepository repo(m_db);
    const qint64 now = m_clock.nowMs();
    m_gaps.removeIf([now](const auto &it) { return now - it.value() > GapWaitMs; });
    qint64 after = m_gaps.isEmpty() ? m_lastSeq : qMin(m_lastSeq, m_gaps.firstKey() - 1);
    for (;;) {
        auto changes = repo.changesAfter(after, BatchSize);
        if (!changes) {
            qCWarning(lcStore).noquote() << "cannot read the change feed:" << changes.error().detail();
            return changes.error();
        }
        for (const ClusterRepository::Change &c : *changes) {
            if (c.seq <= m_lastSeq && !m_gaps.remove(c.seq))
                continue; // applied before
            if (c.seq - m_lastSeq > MostGaps)
                m_trustedFrom = m_position.fetch_add(1) + 1;
            else
                for (qint64 missing = m_lastSeq + 1; missing < c.seq; ++missing)
                    m_gaps.insert(missing, now);
            m_lastSeq = qMax(m_lastSeq, c.seq);
            if (const auto topic = topicNamed(c.topic))
                apply(*topic, c.subject, now);
            else // written by a newer version: forget everything rather than miss what it means
                m_trustedFrom = m_position.fetch_add(1) + 1;
        }
        if (changes->size() < BatchSize)
            break;
        after = changes->last().seq;
    }
    m_readAtMs = now;
    if (now - m_prunedMarksAt > KeepMs) {
        // Nothing is cached longer than KeepMs: older marks can no longer make a difference.
        m_prunedMarksAt = now;
        QWriteLocker marks(&m_marksLock);
        for (auto &byTopic : m_marks)
            byTopic.removeIf([now](const auto &it) { return now - it.value().atMs > 2 * KeepMs; });
    }
    return success();
}

void ChangeFeed::apply(Topic topic, const QString &subject, qint64 nowMs)
{
    QWriteLocker lock(&m_marksLock);
    const quint64 position = m_position.load() + 1;
    m_marks[size_t(topic)].insert(subject, {position, nowMs});
    m_position.store(position, std::memory_order_release);
}

ChangeFeed::Stamp ChangeFeed::stamp() const
{
    return {m_position.load(std::memory_order_acquire), m_clock.nowMs()};
}

bool ChangeFeed::isCurrent(const Stamp &read, Topic topic, const QString &subject) const
{
    const qint64 now = m_clock.nowMs();
    if (read.atMs == 0 || now - read.atMs > KeepMs || read.position < m_trustedFrom.load() ||
        now - m_readAtMs.load() > StaleAfterMs)
        return false;
    QReadLocker lock(&m_marksLock);
    const QHash<QString, Mark> &marks = m_marks[size_t(topic)];
    const auto it = marks.constFind(subject);
    return it == marks.constEnd() || it->position <= read.position;
}

} // namespace keyward
