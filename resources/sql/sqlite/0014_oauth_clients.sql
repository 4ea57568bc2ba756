-- OpenID Connect clients: the applications that sign users in through Keyward. A client secret is
-- 256 random bits shown once; only its SHA-256 hash is kept. Lists are space-separated (a URI, a
-- scope and a grant type hold no space).
CREATE TABLE oauth_clients (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('public', 'confidential')),
    auth_method TEXT NOT NULL,
    secret_hash BLOB UNIQUE,
    jwks TEXT NOT NULL DEFAULT '',
    redirect_uris TEXT NOT NULL DEFAULT '',
    post_logout_redirect_uris TEXT NOT NULL DEFAULT '',
    scopes TEXT NOT NULL DEFAULT '',
    grant_types TEXT NOT NULL DEFAULT '',
    first_party INTEGER NOT NULL DEFAULT 0,
    access_token_ttl INTEGER NOT NULL DEFAULT 0,
    refresh_token_ttl INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

-- Administrators manage them.
UPDATE roles SET permissions = permissions || ' clients:manage'
 WHERE name = 'admin' AND builtin = 1 AND (' ' || permissions || ' ') NOT LIKE '% clients:manage %';
