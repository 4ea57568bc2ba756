#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QString>

#include <optional>

namespace keyward {

// Access tokens whose signature was verified, by the SHA-256 of the token, until they expire: the
// signature (an RSA or ECDSA verification, the dearest step of a request) is checked once per
// token rather than once per request. Only the signature is remembered: the claims, the key still
// being known, the session and the user are checked on every request as before. Bounded: when full,
// expired entries go, and if that is not enough, all of them.
class VerifiedTokens {
public:
    struct Entry {
        QString kid;
        QJsonObject claims;
        qint64 expiresAtS = 0;
    };

    explicit VerifiedTokens(qsizetype capacity = 10'000)
        : m_capacity(capacity)
    {
    }

    std::optional<Entry> find(const QByteArray &digest) const
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_entries.constFind(digest);
        return it == m_entries.constEnd() ? std::nullopt : std::optional<Entry>(*it);
    }

    void insert(const QByteArray &digest, Entry entry, qint64 nowS)
    {
        QMutexLocker lock(&m_mutex);
        if (m_entries.size() >= m_capacity) {
            m_entries.removeIf([nowS](const auto &it) { return it.value().expiresAtS <= nowS; });
            if (m_entries.size() >= m_capacity)
                m_entries.clear();
        }
        m_entries.insert(digest, std::move(entry));
    }

    qsizetype size() const
    {
        QMutexLocker lock(&m_mutex);
        return m_entries.size();
    }

private:
    mutable QMutex m_mutex;
    QHash<QByteArray, Entry> m_entries;
    qsizetype m_capacity;
};

} // namespace keyward
