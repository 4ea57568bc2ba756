-- The authorization code flow of the OpenID Connect provider.
--
-- A session may belong to an application: client_id names the OAuth client whose refresh token it
-- holds ('hosted-sign-in' for the browser's own sign-in at the provider, its cookie as the token),
-- and none of them is refreshed through the REST API. scope is what the user granted the client;
-- auth_time (ms) and amr say when and how the user last proved who they are, for ID tokens.
ALTER TABLE sessions ADD COLUMN client_id TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN scope TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN auth_time BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN amr TEXT NOT NULL DEFAULT '';
CREATE INDEX sessions_client ON sessions (client_id) WHERE client_id <> '';
-- An application's session without offline_access belongs to the browser's sign-in it came from
-- (its family is that session's id) and ends with it.
CREATE INDEX sessions_family ON sessions (family);

-- Authorization codes: 256 random bits, kept as SHA-256, good once for a minute, and only while the
-- browser's sign-in they came from lasts. A code that comes back after its exchange ends the
-- session that exchange started (RFC 9700 §4.5).
CREATE TABLE oauth_codes (
    code_hash BYTEA PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    browser_session_id TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    scope TEXT NOT NULL,
    nonce TEXT NOT NULL DEFAULT '',
    code_challenge TEXT NOT NULL,
    auth_time BIGINT NOT NULL,
    amr TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT NOT NULL DEFAULT 0,
    session_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX oauth_codes_expiry ON oauth_codes (expires_at);
