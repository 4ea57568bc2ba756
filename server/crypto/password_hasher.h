#pragma once

#include <QString>

namespace keyward::crypto {

struct Argon2Params {
    quint32 memoryKiB = 19456; // OWASP's first recommendation: m=19 MiB, t=2, p=1
    quint32 iterations = 2;
    quint32 parallelism = 1;
};

// Hashes new passwords with argon2id (PHC string form) and verifies every format users may be
// imported with: argon2i/d/id, bcrypt ($2a$/$2b$/$2y$), scrypt ($7$ and $scrypt$), and
// PBKDF2 ($pbkdf2-sha1|sha256|sha512$i=N$salt$hash, base64 salt and hash).
// needsRehash() tells the login path to upgrade a hash to argon2id with today's parameters.
class PasswordHasher {
public:
    explicit PasswordHasher(Argon2Params params = {});

    QString hash(const QString &password) const;
    bool verify(const QString &password, const QString &encoded) const;
    bool needsRehash(const QString &encoded) const;
    // The same work as verifying a real hash, for logins of unknown users: timing must not
    // reveal whether an account exists.
    void verifyNothing(const QString &password) const;

    const Argon2Params &params() const { return m_params; }

    // Why verify() would refuse to run this hash: an unknown form, malformed parameters, or more work
    // than anyone's login may pin a hashing thread for (bcrypt cost over 14, PBKDF2 over 2,000,000
    // iterations or 64 bytes, scrypt over 128 MiB or p 4, argon2 over 256 MiB, t 10 or p 8). Empty
    // when it is fine. Imports take only hashes without a refusal.
    static QString refusalOf(const QString &encoded);
    // Builds a stored PBKDF2 string in the format verify() reads (used by imports and tests).
    static QString encodePbkdf2(const QString &digest, int iterations, const QByteArray &salt, const QByteArray &key);

private:
    Argon2Params m_params;
    QString m_dummyHash;
};

} // namespace keyward::crypto
