#include "hashing_pool.h"

namespace keyward {

HashingPool::HashingPool(int threads, int queue)
    : m_capacity(threads + queue)
{
    m_pool.setMaxThreadCount(threads);
    // Threads keep their database connection; never let them expire and reconnect.
    m_pool.setExpiryTimeout(-1);
}

HashingPool::~HashingPool()
{
    m_pool.waitForDone();
}

bool HashingPool::tryRun(std::function<void()> job)
{
    if (m_jobs.fetch_add(1) >= m_capacity) {
        --m_jobs;
        return false;
    }
    m_pool.start([this, job = std::move(job)] {
        job();
        --m_jobs;
    });
    return true;
}

} // namespace keyward
