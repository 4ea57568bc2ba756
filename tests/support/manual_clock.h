#pragma once

#include "core/clock.h"

#include <atomic>

namespace keyward::test {

// A clock tests move by hand, so expiry is tested without sleeping.
class ManualClock : public Clock {
public:
    explicit ManualClock(qint64 startMs = 1'790'000'000'000)
        : m_now(startMs)
    {
    }
    qint64 nowMs() const override { return m_now.load(); }
    void advance(qint64 ms) { m_now += ms; }

private:
    std::atomic<qint64> m_now;
};

} // namespace keyward::test
