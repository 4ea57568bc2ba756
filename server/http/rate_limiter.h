#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>

#include <array>

namespace keyward {

// Token buckets per (route class, client), on this node (rate limits are per node by design).
// A bucket holds `perMinute` tokens and refills continuously; thread-safe through sharded locks,
// and idle full buckets are dropped so a flood of addresses cannot grow memory without bound.
class RateLimiter {
public:
    struct Decision {
        bool allowed = true;
        int limit = 0;
        int remaining = 0;
        int resetSeconds = 0;      // until the bucket is full again
        int retryAfterSeconds = 0; // when refused: until one token is back
    };

    Decision take(const QByteArray &key, int perMinute, qint64 nowMs);
    qsizetype size() const;

private:
    struct Bucket {
        double tokens = 0;
        qint64 updatedMs = 0;
        int perMinute = 0;
    };
    struct Shard {
        mutable QMutex mutex;
        QHash<QByteArray, Bucket> buckets;
        qint64 sweptMs = 0;
    };
    std::array<Shard, 16> m_shards;
};

} // namespace keyward
