#include "rate_limiter.h"

#include <QMutexLocker>

#include <cmath>

namespace keyward {

RateLimiter::Decision RateLimiter::take(const QByteArray &key, int perMinute, qint64 nowMs)
{
    Shard &shard = m_shards[qHash(key) % m_shards.size()];
    QMutexLocker lock(&shard.mutex);
    const double rate = perMinute / 60'000.0; // tokens per millisecond
    // Drop buckets that have refilled completely: they carry no information any more.
    if (nowMs - shard.sweptMs > 60'000) {
        shard.sweptMs = nowMs;
        shard.buckets.removeIf([&](const QHash<QByteArray, Bucket>::iterator it) {
            return it->tokens + (nowMs - it->updatedMs) * (it->perMinute / 60'000.0) >= it->perMinute;
        });
    }
    auto it = shard.buckets.find(key);
    if (it == shard.buckets.end())
        it = shard.buckets.insert(key, Bucket{double(perMinute), nowMs, perMinute});
    Bucket &b = *it;
    b.tokens = qMin<double>(perMinute, b.tokens + (nowMs - b.updatedMs) * rate);
    b.updatedMs = nowMs;
    b.perMinute = perMinute;
    Decision d;
    d.limit = perMinute;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
    } else {
        d.allowed = false;
        d.retryAfterSeconds = qMax(1, static_cast<int>(std::ceil((1.0 - b.tokens) / rate / 1000.0)));
    }
    d.remaining = static_cast<int>(b.tokens);
    d.resetSeconds = static_cast<int>(std::ceil((perMinute - b.tokens) / rate / 1000.0));
    return d;
}

qsizetype RateLimiter::size() const
{
    qsizetype n = 0;
    for (const Shard &s : m_shards) {
        QMutexLocker lock(&s.mutex);
        n += s.buckets.size();
    }
    return n;
}

} // namespace keyward
