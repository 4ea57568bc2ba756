-- Passkeys (WebAuthn): public-key credentials a user signs in with. credential_id is the
-- authenticator's id for it (unique across users); public_key the key as a JWK (JSON text);
-- sign_count the authenticator's signature counter, which must grow when it counts (a clone
-- shows as a counter that does not).
CREATE TABLE passkeys (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    credential_id BLOB NOT NULL UNIQUE,
    public_key TEXT NOT NULL,
    algorithm INTEGER NOT NULL,
    sign_count INTEGER NOT NULL DEFAULT 0,
    aaguid BLOB NOT NULL,
    attestation TEXT NOT NULL,
    backup_eligible INTEGER NOT NULL DEFAULT 0,
    backed_up INTEGER NOT NULL DEFAULT 0,
    transports TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX passkeys_user ON passkeys (user_id);

-- Challenges handed out for a ceremony: 256 random bits, kept as SHA-256, good once for five
-- minutes; a registration's belongs to the user registering, a sign-in's to nobody yet.
CREATE TABLE passkey_challenges (
    challenge_hash BLOB PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('register', 'authenticate')),
    user_id TEXT NOT NULL DEFAULT '',
    expires_at INTEGER NOT NULL
);
CREATE INDEX passkey_challenges_expiry ON passkey_challenges (expires_at);
