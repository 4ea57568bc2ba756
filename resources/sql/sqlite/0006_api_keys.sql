-- API keys: personal ones act as their owner, service ones as themselves. Only a SHA-256 hash of
-- the key is kept; the prefix lets people recognise a key they hold.
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('personal', 'service')),
    owner_id TEXT REFERENCES users (id) ON DELETE CASCADE, -- the user of a personal key
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    key_hash BLOB NOT NULL UNIQUE,
    scopes TEXT NOT NULL,
    created_by TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL DEFAULT 0,
    last_used_at INTEGER NOT NULL DEFAULT 0,
    revoked_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_keys_owner ON api_keys (owner_id, kind);
