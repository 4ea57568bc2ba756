-- What every node must forget when another changes it: a session ended or cut short, a user
-- disabled, deleted or given other roles, an access token revoked, roles, settings or signing keys
-- changed. Triggers write a row in the same transaction as the change, whoever makes it (a node,
-- the CLI, an operator's SQL), and each node reads the rows after its last one; a NOTIFY on
-- 'keyward_changes' at commit wakes the nodes at once. Rows older than an hour are pruned.
CREATE TABLE changes (
    seq BIGSERIAL PRIMARY KEY,
    topic TEXT NOT NULL,             -- 'session', 'user', 'token', 'roles', 'settings', 'keys', 'all'
    subject TEXT NOT NULL DEFAULT '', -- the session id, user id or token id; '' for a whole topic
    at BIGINT NOT NULL DEFAULT extract(epoch FROM now())::BIGINT -- seconds
);

CREATE FUNCTION changes_session() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- A session that gains life (a refresh moves its idle expiry on) changes nothing a node granted.
        IF NEW.revoked_at IS DISTINCT FROM OLD.revoked_at
            OR NEW.password_change_only IS DISTINCT FROM OLD.password_change_only
            OR NEW.user_id IS DISTINCT FROM OLD.user_id OR NEW.idle_expires_at < OLD.idle_expires_at
            OR NEW.absolute_expires_at < OLD.absolute_expires_at THEN
            INSERT INTO changes (topic, subject) VALUES ('session', OLD.id);
        END IF;
    -- Pruning sessions that are over already tells nobody anything.
    ELSIF OLD.revoked_at = 0 AND least(OLD.idle_expires_at, OLD.absolute_expires_at)
            > (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT THEN
        INSERT INTO changes (topic, subject) VALUES ('session', OLD.id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER changes_session AFTER UPDATE OR DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION changes_session();

CREATE FUNCTION changes_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR NEW.status IS DISTINCT FROM OLD.status OR NEW.deleted_at IS DISTINCT FROM OLD.deleted_at THEN
        INSERT INTO changes (topic, subject) VALUES ('user', OLD.id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER changes_user AFTER UPDATE OF status, deleted_at OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION changes_user();

CREATE FUNCTION changes_user_role() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO changes (topic, subject) VALUES ('user', OLD.user_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO changes (topic, subject) VALUES ('user', NEW.user_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER changes_user_role AFTER INSERT OR UPDATE OR DELETE ON user_roles
    FOR EACH ROW EXECUTE FUNCTION changes_user_role();

CREATE FUNCTION changes_token() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO changes (topic, subject) VALUES ('token', NEW.jti);
    RETURN NULL;
END $$;
CREATE TRIGGER changes_token AFTER INSERT ON revoked_tokens FOR EACH ROW EXECUTE FUNCTION changes_token();

-- Roles, settings and keys are read whole: one row per statement says the topic changed.
CREATE FUNCTION changes_topic() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO changes (topic) VALUES (TG_ARGV[0]);
    RETURN NULL;
END $$;
CREATE TRIGGER changes_roles AFTER INSERT OR UPDATE OR DELETE ON roles
    FOR EACH STATEMENT EXECUTE FUNCTION changes_topic('roles');
CREATE TRIGGER changes_settings AFTER INSERT OR UPDATE OR DELETE ON settings
    FOR EACH STATEMENT EXECUTE FUNCTION changes_topic('settings');
CREATE TRIGGER changes_keys AFTER INSERT OR UPDATE OR DELETE ON signing_keys
    FOR EACH STATEMENT EXECUTE FUNCTION changes_topic('keys');

-- A table emptied at once says nothing row by row: every node forgets everything it cached.
CREATE TRIGGER changes_truncate_sessions AFTER TRUNCATE ON sessions
    FOR EACH STATEMENT EXECUTE FUNCTION changes_topic('all');
CREATE TRIGGER changes_truncate_users AFTER TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION changes_topic('all');
CREATE TRIGGER changes_truncate_user_roles AFTER TRUNCATE ON user_roles
    FOR EACH STATEMENT EXECUTE FUNCTION changes_topic('all');
CREATE TRIGGER changes_truncate_roles AFTER TRUNCATE ON roles
    FOR EACH STATEMENT EXECUTE FUNCTION changes_topic('all');
CREATE TRIGGER changes_truncate_revoked_tokens AFTER TRUNCATE ON revoked_tokens
    FOR EACH STATEMENT EXECUTE FUNCTION changes_topic('all');

-- Delivered at commit, once per transaction and channel: the nodes listening read the new rows.
CREATE FUNCTION changes_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('keyward_changes', '');
    RETURN NULL;
END $$;
CREATE TRIGGER changes_notify AFTER INSERT ON changes FOR EACH STATEMENT EXECUTE FUNCTION changes_notify();
