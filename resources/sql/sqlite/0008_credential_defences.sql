-- Defences against account takeover (issue 11).

-- The address the user last proved to own: password-reset mail goes only there.
ALTER TABLE users ADD COLUMN verified_email TEXT;
UPDATE users SET verified_email = email WHERE email_verified = 1;

-- Codes tried with one mfa_token: the token dies after a few.
ALTER TABLE one_time_tokens ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;

-- Every refresh token a session rotated out, so presenting any of them again ends the session.
CREATE TABLE spent_refresh_tokens (
    token_hash BLOB PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    spent_at INTEGER NOT NULL
);
CREATE INDEX spent_refresh_tokens_session ON spent_refresh_tokens (session_id);
INSERT INTO spent_refresh_tokens (token_hash, session_id, spent_at)
    SELECT previous_hash, id, last_used_at FROM sessions WHERE previous_hash IS NOT NULL;
DROP INDEX sessions_previous;
ALTER TABLE sessions DROP COLUMN previous_hash;
-- Sessions past their absolute lifetime are pruned, spent tokens with them.
CREATE INDEX sessions_expiry ON sessions (absolute_expires_at);

-- The chain head is signed with the audit key, so moving it back over deleted events shows.
-- Empty until the first start of this version signs it.
ALTER TABLE audit_chain_head ADD COLUMN mac BLOB NOT NULL DEFAULT x'';

-- Who made a key: a key never grants more than its maker (a user) holds now.
ALTER TABLE api_keys ADD COLUMN created_by_type TEXT NOT NULL DEFAULT 'system';
UPDATE api_keys SET created_by_type = CASE
    WHEN created_by IN (SELECT id FROM api_keys) THEN 'apikey'
    WHEN coalesce(created_by, '') <> '' THEN 'user'
    ELSE 'system' END;
