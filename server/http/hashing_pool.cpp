#include "hashing_pool.h"

#include "observe/metrics.h"

#include <QElapsedTimer>

#include <latch>

#include <pthread.h>

namespace keyward {

HashingPool::HashingPool(int threads, int queue, Gauge *depth, Histogram *wait, std::function<void()> releaseThread)
    : m_capacity(threads + queue)
    , m_depth(depth)
    , m_wait(wait)
    , m_releaseThread(std::move(releaseThread))
{
    m_pool.setMaxThreadCount(threads);
    // Threads keep their database connection; never let them expire and reconnect.
    m_pool.setExpiryTimeout(-1);
    // Every thread is made now, by the pool's maker: a thread inherits its maker's scheduling
    // priority, and the HTTP workers that would make them on demand run below it (Worker::start).
    // Not waitForDone(), which would end them again.
    auto everyone = std::make_shared<std::latch>(threads + 1);
    for (int i = 0; i < threads; ++i)
        m_pool.start([everyone] {
            pthread_setname_np(pthread_self(), "hashing");
            everyone->arrive_and_wait();
        });
    everyone->arrive_and_wait();
}

HashingPool::~HashingPool()
{
    close();
    m_pool.waitForDone();
}

void HashingPool::shutdown(int waitMs)
{
    close();
    m_pool.waitForDone(qMax(0, waitMs));
}

void HashingPool::close()
{
    if (m_closing.exchange(true))
        return;
    m_pool.clear();
    if (!m_releaseThread)
        return;
    // The last job of every thread releases what it holds, before a successful waitForDone() joins
    // the threads. As many jobs as threads, none finishing before all have started, cannot share one.
    const int threads = m_pool.maxThreadCount();
    auto everyone = std::make_shared<std::latch>(threads);
    for (int i = 0; i < threads; ++i)
        m_pool.start([release = m_releaseThread, everyone] {
            everyone->arrive_and_wait();
            release();
        });
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
