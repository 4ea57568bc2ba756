#pragma once

#include "change_feed.h"
#include "core/session.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>

#include <optional>

namespace keyward {

// Access tokens whose signature and claims were verified, by the SHA-256 of the token, until they
// expire: the signature (an RSA or ECDSA verification, the dearest step of a request) and the
// claims that cannot change (issuer, audience, subject) are checked once per token rather than
// once per request. Its time limits and its key still being known are checked on every request; what the database said
// of the token's session and user is kept while the change feed vouches for it. Bounded: when full, expired entries go,
// and if that is not enough, all of them.
class VerifiedTokens {
public:
    // The token's session as read when `read` was stamped, and what its user's roles permit as read
    // when `permissionsRead` was (only a grant is kept: a refusal is asked again).
    struct Grant {
        Session session;
        ChangeFeed::Stamp read;
        QSet<QString> permissions;
        ChangeFeed::Stamp permissionsRead;
    };
    struct Entry {
        QString kid;
        QString subject;
        QString sessionId;
        QString tokenId;
        qint64 expiresAtS = 0;
        double notBeforeS = 0;
        std::optional<Grant> grant;
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

    // Remembers what the database granted the token of `digest`, if the token is remembered.
    void grant(const QByteArray &digest, Grant grant)
    {
        QMutexLocker lock(&m_mutex);
        if (const auto it = m_entries.find(digest); it != m_entries.end())
            it->grant = std::move(grant);
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
