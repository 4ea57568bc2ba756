#include "ids.h"

#include <QtGlobal>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>

#include <sys/random.h>

namespace keyward {

namespace {

// Random bytes from the kernel's CSPRNG, taken a block at a time per thread: one getrandom() call
// serves hundreds of ids. (QRandomGenerator::system() asks the CPU's RDRAND for every id, which
// under some microcode mitigations and hypervisors costs microseconds each.)
void randomBytes(quint8 *out, size_t count)
{
    thread_local std::array<quint8, 4096> pool{};
    thread_local size_t used = pool.size();
    if (pool.size() - used < count) {
        size_t filled = 0;
        while (filled < pool.size()) {
            const ssize_t got = ::getrandom(pool.data() + filled, pool.size() - filled, 0);
            if (got < 0) {
                if (errno == EINTR)
                    continue;
                qFatal("getrandom failed: %s", std::strerror(errno));
            }
            filled += static_cast<size_t>(got);
        }
        used = 0;
    }
    std::memcpy(out, pool.data() + used, count);
    // What was handed out is not kept: a later leak of this memory tells nothing of earlier ids.
    std::memset(pool.data() + used, 0, count);
    used += count;
}

} // namespace

QString newTraceId()
{
    std::array<quint8, 16> b{};
    randomBytes(b.data(), b.size());
    b[0] |= 0x01; // never all zeros, which the standard reserves for "invalid"
    return QString::fromLatin1(QByteArray::fromRawData(reinterpret_cast<const char *>(b.data()), b.size()).toHex());
}

QString newId(qint64 nowMs)
{
    // Ids made in one millisecond count up in the 12 bits after the time (RFC 9562, method 3), so
    // sorting by id follows the order of creation within this process as well as across time.
    static std::atomic<quint64> last{0};
    quint64 previous = last.load(std::memory_order_relaxed);
    quint64 stamp = 0;
    do
        stamp = qMax(static_cast<quint64>(nowMs) << 12, previous + 1);
    while (!last.compare_exchange_weak(previous, stamp, std::memory_order_relaxed));
    const quint64 ms = stamp >> 12;
    std::array<quint8, 16> b{};
    randomBytes(b.data(), b.size());
    for (int i = 0; i < 6; ++i)
        b[static_cast<size_t>(i)] = static_cast<quint8>(ms >> (40 - 8 * i));
    b[6] = static_cast<quint8>(0x70 | ((stamp >> 8) & 0x0F));
    b[7] = static_cast<quint8>(stamp & 0xFF);
    b[8] = static_cast<quint8>(0x80 | (b[8] & 0x3F));
    static constexpr char hex[] = "0123456789abcdef";
    QString out;
    out.reserve(36);
    for (size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out.append(QLatin1Char('-'));
        out.append(QLatin1Char(hex[b[i] >> 4]));
        out.append(QLatin1Char(hex[b[i] & 0x0F]));
    }
    return out;
}

bool isValidId(const QString &text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != QLatin1Char('-'))
                return false;
        } else if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                     (c >= QLatin1Char('a') && c <= QLatin1Char('f')))) {
            return false;
        }
    }
    return true;
}

} // namespace keyward
