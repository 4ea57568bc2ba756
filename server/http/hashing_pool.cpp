#include "hashing_pool.h"

#include "observe/metrics.h"

#include <QElapsedTimer>

namespace keyward {

HashingPool::HashingPool(int threads, int queue, Gauge *depth, Histogram *wait)
    : m_capacity(threads + queue)
    , m_depth(depth)
    , m_wait(wait)
{
    m_pool.setMaxThreadCount(threads);
    // Threads keep their database connection; never let them expire and reconnect.
    m_pool.setExpiryTimeout(-1);
}

HashingPool::~HashingPool()
{
    m_pool.waitForDone();
}

void HashingPool::shutdown(int waitMs)
{
    m_closing = true;
    m_pool.clear();
    m_pool.waitForDone(qMax(0, waitMs));
}

bool HashingPool::tryRun(std::function<void()> job)
{
    if (m_closing)
        return false;
    if (m_jobs.fetch_add(1) >= m_capacity) {
        --m_jobs;
        return false;
    }
    if (m_depth)
        m_depth->add(1);
    QElapsedTimer queued;
    queued.start();
    m_pool.start([this, queued, job = std::move(job)] {
        if (m_wait)
            m_wait->observe(queued.nsecsElapsed() / 1e9);
        job();
        --m_jobs;
        if (m_depth)
            m_depth->add(-1);
    });
    return true;
}

} // namespace keyward
