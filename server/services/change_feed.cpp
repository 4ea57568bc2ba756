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
// PostgreSQL numbers a change when it is written, not when its transaction commits: a number above
// a missing one can be read first. Missing numbers are read again for this long.
constexpr qint64 GapWaitMs = 60'000;
// More missing numbers than can be asked for by number: whatever was cached is then stale.
constexpr qsizetype MostGaps = 10'000;
// On start, the changes this far back are read again: transactions still open then may commit
// numbers below the newest one.
constexpr qint64 StartOverlap = 64;
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
    m_lastSeq = qMax<qint64>(0, *last - StartOverlap);
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
    // A number missing this long was rolled back, or belongs to a transaction longer than any the
    // services run: if it still comes, it comes unread, so nothing cached before is trusted.
    const qsizetype waiting = m_gaps.size();
    m_gaps.removeIf([now](const auto &it) { return now - it.value() > GapWaitMs; });
    if (m_gaps.size() != waiting)
        distrustAll();
    qint64 after = m_lastSeq;
    for (;;) {
        auto changes = repo.changesAfter(after, m_gaps.keys(), BatchSize);
        if (!changes) {
            qCWarning(lcStore).noquote() << "cannot read the change feed:" << changes.error().detail();
            m_readAtMs = 0; // until it can be read again, nothing cached is trusted
            return changes.error();
        }
        for (const ClusterRepository::Change &c : *changes) {
            if (c.seq <= m_lastSeq) {
                if (!m_gaps.remove(c.seq))
                    continue; // applied before
            } else {
                for (qint64 missing = m_lastSeq + 1; missing < c.seq && m_gaps.size() <= MostGaps; ++missing)
                    m_gaps.insert(missing, now);
                m_lastSeq = c.seq;
            }
            if (m_gaps.size() > MostGaps) { // more than can be waited for: start over from here
                m_gaps.clear();
                distrustAll();
            }
            if (const auto topic = topicNamed(c.topic))
                apply(*topic, c.subject);
            else // 'all' (a TRUNCATE), or written by a newer version: forget everything
                distrustAll();
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

void ChangeFeed::apply(Topic topic, const QString &subject)
{
    QWriteLocker lock(&m_marksLock);
    const quint64 position = m_position.load() + 1;
    m_marks[size_t(topic)].insert(subject, {position, m_clock.nowMs()});
    m_topicPositions[size_t(topic)].store(position, std::memory_order_release);
    m_position.store(position, std::memory_order_release);
}

void ChangeFeed::distrustAll()
{
    QWriteLocker lock(&m_marksLock);
    const quint64 position = m_position.load() + 1;
    m_trustedFrom = position;
    m_position.store(position, std::memory_order_release);
}

ChangeFeed::Stamp ChangeFeed::stamp() const
{
    return {m_position.load(std::memory_order_acquire), m_clock.nowMs()};
}

bool ChangeFeed::trusts(const Stamp &read) const
{
    const qint64 now = m_clock.nowMs();
    const qint64 readAt = m_readAtMs.load();
    // A clock set back counts as stale too: ages must not go negative.
    return read.atMs != 0 && now >= read.atMs && now - read.atMs <= KeepMs && read.position >= m_trustedFrom.load() &&
           now >= readAt && now - readAt <= StaleAfterMs;
}

bool ChangeFeed::isCurrent(const Stamp &read, Topic topic, const QString &subject) const
{
    if (!trusts(read))
        return false;
    QReadLocker lock(&m_marksLock);
    const QHash<QString, Mark> &marks = m_marks[size_t(topic)];
    const auto it = marks.constFind(subject);
    return it == marks.constEnd() || it->position <= read.position;
}

bool ChangeFeed::isTopicCurrent(const Stamp &read, Topic topic) const
{
    return trusts(read) && m_topicPositions[size_t(topic)].load(std::memory_order_acquire) <= read.position;
}

} // namespace keyward
