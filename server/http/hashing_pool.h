#pragma once

#include <QThreadPool>

#include <atomic>
#include <functional>

namespace keyward {

class Gauge;
class Histogram;

// A bounded pool for CPU-heavy work (password hashing). When `threads + queue` jobs are already
// accepted, tryRun() refuses, and the caller answers 503 instead of letting logins starve every
// other request.
class HashingPool {
public:
    // `depth` and `wait`, when given, receive the queue depth and each job's wait for a thread.
    // `releaseThread`, when given, is each pool thread's last work (Services::releaseThread).
    HashingPool(int threads, int queue, Gauge *depth = nullptr, Histogram *wait = nullptr,
                std::function<void()> releaseThread = {});
    ~HashingPool();

    [[nodiscard]] bool tryRun(std::function<void()> job);
    int pending() const { return m_jobs.load(); }
    int capacity() const { return m_capacity; }
    // Shutdown: refuses new jobs, drops those not started (their requests get no answer; their
    // connections are closing anyway) and waits up to `waitMs` for those running. A running job is
    // bounded by the hash cost caps; one that outlives the wait is waited for on destruction.
    void shutdown(int waitMs);

private:
    // Refuses new jobs, drops the queued ones, and queues each thread's release.
    void close();

    QThreadPool m_pool;
    std::atomic<bool> m_closing{false};
    std::atomic<int> m_jobs{0};
    int m_capacity;
    Gauge *m_depth;
    Histogram *m_wait;
    std::function<void()> m_releaseThread;
};

} // namespace keyward
