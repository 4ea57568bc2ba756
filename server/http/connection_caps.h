#pragma once

#include <QHash>
#include <QHostAddress>
#include <QMutex>

namespace keyward {

// Open connections in total and per client address, shared by every worker, so one client or a
// flood of idle sockets cannot take every descriptor.
class ConnectionCaps {
public:
    ConnectionCaps(int maxTotal, int maxPerAddress);

    [[nodiscard]] bool tryAcquire(const QHostAddress &address);
    void release(const QHostAddress &address);
    int total() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, int> m_perAddress;
    int m_total = 0;
    int m_maxTotal;
    int m_maxPerAddress;
};

} // namespace keyward
