#include "connection_caps.h"

#include <QMutexLocker>

namespace keyward {

ConnectionCaps::ConnectionCaps(int maxTotal, int maxPerAddress)
    : m_maxTotal(maxTotal)
    , m_maxPerAddress(maxPerAddress)
{
}

bool ConnectionCaps::tryAcquire(const QHostAddress &address)
{
    const QString key = address.toString();
    QMutexLocker lock(&m_mutex);
    int &count = m_perAddress[key];
    if (m_total >= m_maxTotal || count >= m_maxPerAddress) {
        if (count == 0)
            m_perAddress.remove(key);
        return false;
    }
    ++count;
    ++m_total;
    return true;
}

void ConnectionCaps::release(const QHostAddress &address)
{
    const QString key = address.toString();
    QMutexLocker lock(&m_mutex);
    auto it = m_perAddress.find(key);
    if (it == m_perAddress.end())
        return;
    --m_total;
    if (--*it == 0)
        m_perAddress.erase(it);
}

int ConnectionCaps::total() const
{
    QMutexLocker lock(&m_mutex);
    return m_total;
}

} // namespace keyward
