-- What every node must forget when another changes it: a session ended or cut short, a user
-- disabled, deleted or given other roles, an access token revoked, roles, settings or signing keys
-- changed. Triggers write a row in the same transaction as the change, whoever makes it (a node,
-- the CLI, an operator's SQL), and each node reads the rows after its last one. The table is the
-- only channel between nodes; rows older than an hour are pruned.
CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    topic TEXT NOT NULL,             -- 'session', 'user', 'token', 'roles', 'settings', 'keys'
    subject TEXT NOT NULL DEFAULT '', -- the session id, user id or token id; '' for a whole topic
    at INTEGER NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER)) -- seconds
);

-- A session that gains life (a refresh moves its idle expiry on) changes nothing a node granted.
CREATE TRIGGER changes_session_update AFTER UPDATE ON sessions
WHEN new.revoked_at IS NOT old.revoked_at OR new.password_change_only IS NOT old.password_change_only
    OR new.user_id IS NOT old.user_id OR new.idle_expires_at < old.idle_expires_at
    OR new.absolute_expires_at < old.absolute_expires_at
BEGIN
    INSERT INTO changes (topic, subject) VALUES ('session', old.id);
END;
-- Pruning sessions that are over already tells nobody anything.
CREATE TRIGGER changes_session_delete AFTER DELETE ON sessions
WHEN old.revoked_at = 0
    AND min(old.idle_expires_at, old.absolute_expires_at) > CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
BEGIN
    INSERT INTO changes (topic, subject) VALUES ('session', old.id);
END;

CREATE TRIGGER changes_user_update AFTER UPDATE OF status, deleted_at ON users
WHEN new.status IS NOT old.status OR new.deleted_at IS NOT old.deleted_at
BEGIN
    INSERT INTO changes (topic, subject) VALUES ('user', old.id);
END;
CREATE TRIGGER changes_user_delete AFTER DELETE ON users
BEGIN
    INSERT INTO changes (topic, subject) VALUES ('user', old.id);
END;
CREATE TRIGGER changes_user_role_insert AFTER INSERT ON user_roles
BEGIN
    INSERT INTO changes (topic, subject) VALUES ('user', new.user_id);
END;
CREATE TRIGGER changes_user_role_delete AFTER DELETE ON user_roles
BEGIN
    INSERT INTO changes (topic, subject) VALUES ('user', old.user_id);
END;
CREATE TRIGGER changes_user_role_update AFTER UPDATE ON user_roles
BEGIN
    INSERT INTO changes (topic, subject) VALUES ('user', old.user_id);
    INSERT INTO changes (topic, subject) VALUES ('user', new.user_id);
END;

CREATE TRIGGER changes_token_insert AFTER INSERT ON revoked_tokens
BEGIN
    INSERT INTO changes (topic, subject) VALUES ('token', new.jti);
END;

CREATE TRIGGER changes_roles_insert AFTER INSERT ON roles
BEGIN
    INSERT INTO changes (topic) VALUES ('roles');
END;
CREATE TRIGGER changes_roles_update AFTER UPDATE ON roles
BEGIN
    INSERT INTO changes (topic) VALUES ('roles');
END;
CREATE TRIGGER changes_roles_delete AFTER DELETE ON roles
BEGIN
    INSERT INTO changes (topic) VALUES ('roles');
END;
CREATE TRIGGER changes_settings_insert AFTER INSERT ON settings
BEGIN
    INSERT INTO changes (topic) VALUES ('settings');
END;
CREATE TRIGGER changes_settings_update AFTER UPDATE ON settings
BEGIN
    INSERT INTO changes (topic) VALUES ('settings');
END;
CREATE TRIGGER changes_settings_delete AFTER DELETE ON settings
BEGIN
    INSERT INTO changes (topic) VALUES ('settings');
END;
CREATE TRIGGER changes_keys_insert AFTER INSERT ON signing_keys
BEGIN
    INSERT INTO changes (topic) VALUES ('keys');
END;
CREATE TRIGGER changes_keys_update AFTER UPDATE ON signing_keys
BEGIN
    INSERT INTO changes (topic) VALUES ('keys');
END;
CREATE TRIGGER changes_keys_delete AFTER DELETE ON signing_keys
BEGIN
    INSERT INTO changes (topic) VALUES ('keys');
END;
