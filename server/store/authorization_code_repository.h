#pragma once

#include "core/result.h"
#include "database.h"

namespace keyward {

// What an authorization code stands for: the user's consent, given in the browser, to one client,
// for one redirect URI, PKCE challenge and set of scopes.
struct AuthorizationCode {
    QString clientId;
    QString userId;
    QString browserSessionId; // the sign-in it came from: the code is good only while that lasts
    QString redirectUri;
    QString scope;
    QString nonce;
    QString codeChallenge; // BASE64URL(SHA-256(code_verifier)): only S256 is accepted
    qint64 authTime = 0;   // ms
    QString amr;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    qint64 usedAt = 0; // 0 while unused
    QString sessionId; // the session its exchange started
};

// Codes are stored only as SHA-256 hashes of their 256 random bits.
class AuthorizationCodeRepository {
public:
    explicit AuthorizationCodeRepository(Database &db);

    Status insert(const QByteArray &codeHash, const AuthorizationCode &code);
    Result<AuthorizationCode> find(const QByteArray &codeHash);
    // Marks the code used by `sessionId` unless a concurrent exchange did first (preconditionFailed).
    Status spend(const QByteArray &codeHash, const QString &sessionId, qint64 nowMs);

private:
    Database &m_db;
};

} // namespace keyward
