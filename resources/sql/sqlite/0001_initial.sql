-- Keyward schema 1 (SQLite). Times are Unix epoch milliseconds; 0 means "never".
CREATE TABLE users (
    seq INTEGER PRIMARY KEY,            -- stable rowid for the FTS index
    id TEXT NOT NULL UNIQUE,
    username TEXT NOT NULL,
    username_key TEXT NOT NULL UNIQUE,  -- case-folded, the uniqueness rule
    email TEXT NOT NULL,
    email_key TEXT NOT NULL UNIQUE,
    email_verified INTEGER NOT NULL DEFAULT 0,
    display_name TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    password_hash TEXT,
    password_changed_at INTEGER NOT NULL DEFAULT 0,
    require_password_change INTEGER NOT NULL DEFAULT 0,
    mfa_enabled INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0,
    attributes TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    last_login_at INTEGER NOT NULL DEFAULT 0,
    deleted_at INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX users_created ON users (created_at, id);
CREATE INDEX users_username ON users (username_key, id);
CREATE INDEX users_last_login ON users (last_login_at, id);
CREATE INDEX users_status ON users (status, deleted_at);

CREATE VIRTUAL TABLE users_search USING fts5 (
    username, email, display_name, content = 'users', content_rowid = 'seq', tokenize = 'trigram'
);
CREATE TRIGGER users_search_insert AFTER INSERT ON users BEGIN
    INSERT INTO users_search (rowid, username, email, display_name)
    VALUES (new.seq, new.username, new.email, coalesce(new.display_name, ''));
END;
CREATE TRIGGER users_search_delete AFTER DELETE ON users BEGIN
    INSERT INTO users_search (users_search, rowid, username, email, display_name)
    VALUES ('delete', old.seq, old.username, old.email, coalesce(old.display_name, ''));
END;
CREATE TRIGGER users_search_update AFTER UPDATE OF username, email, display_name ON users BEGIN
    INSERT INTO users_search (users_search, rowid, username, email, display_name)
    VALUES ('delete', old.seq, old.username, old.email, coalesce(old.display_name, ''));
    INSERT INTO users_search (rowid, username, email, display_name)
    VALUES (new.seq, new.username, new.email, coalesce(new.display_name, ''));
END;

CREATE TABLE roles (
    name TEXT PRIMARY KEY,
    description TEXT NOT NULL DEFAULT '',
    permissions TEXT NOT NULL DEFAULT '',  -- space-separated permission names
    builtin INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
INSERT INTO roles (name, description, permissions, builtin, created_at, updated_at) VALUES
    ('admin', 'Full access', 'users:read users:write users:delete roles:manage sessions:manage apikeys:manage audit:read metrics:read settings:manage', 1, 0, 0),
    ('user-manager', 'Manages users and their sessions', 'users:read users:write users:delete sessions:manage', 1, 0, 0),
    ('auditor', 'Reads users, audit trail and metrics', 'users:read audit:read metrics:read', 1, 0, 0),
    ('user', 'Self-service only', '', 1, 0, 0);

CREATE TABLE user_roles (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_name TEXT NOT NULL REFERENCES roles (name) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_name)
);
CREATE INDEX user_roles_role ON user_roles (role_name);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family TEXT NOT NULL,                 -- one per login; every rotation stays in it
    refresh_hash BLOB NOT NULL UNIQUE,    -- SHA-256 of the current refresh token
    previous_hash BLOB,                   -- the rotated-out token: presenting it again is reuse
    created_at INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL,
    idle_expires_at INTEGER NOT NULL,
    absolute_expires_at INTEGER NOT NULL,
    revoked_at INTEGER NOT NULL DEFAULT 0,
    revoked_reason TEXT,
    ip TEXT,
    user_agent TEXT,
    password_change_only INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_user ON sessions (user_id, revoked_at);
CREATE INDEX sessions_previous ON sessions (previous_hash);

CREATE TABLE revoked_tokens (
    jti TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
);

CREATE TABLE signing_keys (
    kid TEXT PRIMARY KEY,
    algorithm TEXT NOT NULL,
    public_pem TEXT NOT NULL,
    private_sealed BLOB NOT NULL,         -- AES-256-GCM with the master key
    created_at INTEGER NOT NULL,
    retired_at INTEGER NOT NULL DEFAULT 0 -- still verifies, no longer signs
);

CREATE TABLE audit_events (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    time INTEGER NOT NULL,
    actor_type TEXT NOT NULL,
    actor_id TEXT,
    action TEXT NOT NULL,
    target_type TEXT,
    target_id TEXT,
    outcome TEXT NOT NULL,
    ip TEXT,
    user_agent TEXT,
    request_id TEXT,
    details TEXT NOT NULL DEFAULT '{}',
    prev_hash BLOB NOT NULL,
    hash BLOB NOT NULL
);
CREATE INDEX audit_time ON audit_events (time);
CREATE INDEX audit_target ON audit_events (target_type, target_id);

-- The end of the hash chain; updating it inside the writing transaction serialises appends.
CREATE TABLE audit_chain_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash BLOB NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, x'');

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
