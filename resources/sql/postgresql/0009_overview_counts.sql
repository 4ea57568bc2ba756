-- Counters behind the console's Overview, kept by triggers, so that a refresh reads a few rows and
-- never scans the users or the audit trail, whatever their size. Days and hours are UTC, counted
-- from the Unix epoch.

-- Writers wait until the counts and the triggers that keep them are both in place (another node
-- may be serving during the upgrade).
LOCK TABLE users, audit_events IN SHARE ROW EXCLUSIVE MODE;

-- Among users not deleted: those with MFA and those who never signed in; and the time of the last
-- backup (the newest successful 'backup.created' audit event, 0 = none).
CREATE TABLE overview_facts (
    name TEXT PRIMARY KEY, -- 'users_mfa', 'users_never_logged_in', 'last_backup_at'
    value BIGINT NOT NULL
);
INSERT INTO overview_facts (name, value) VALUES
    ('users_mfa', (SELECT count(*) FROM users WHERE deleted_at = 0 AND mfa_enabled)),
    ('users_never_logged_in', (SELECT count(*) FROM users WHERE deleted_at = 0 AND last_login_at = 0)),
    ('last_backup_at', (SELECT coalesce(max(time), 0) FROM audit_events
                        WHERE action = 'backup.created' AND outcome = 'success'));
-- Logins rewrite last_login_at every time: only a first login, an MFA change or a (un)deletion
-- moves a count, and only then is a counter row touched.
CREATE FUNCTION overview_users_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    mfa_delta INTEGER := 0;
    never_delta INTEGER := 0;
BEGIN
    IF TG_OP <> 'DELETE' THEN
        mfa_delta := mfa_delta + CASE WHEN NEW.deleted_at = 0 AND NEW.mfa_enabled THEN 1 ELSE 0 END;
        never_delta := never_delta + CASE WHEN NEW.deleted_at = 0 AND NEW.last_login_at = 0 THEN 1 ELSE 0 END;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        mfa_delta := mfa_delta - CASE WHEN OLD.deleted_at = 0 AND OLD.mfa_enabled THEN 1 ELSE 0 END;
        never_delta := never_delta - CASE WHEN OLD.deleted_at = 0 AND OLD.last_login_at = 0 THEN 1 ELSE 0 END;
    END IF;
    -- In name order ('users_mfa' < 'users_never_logged_in'), so concurrent changes cannot deadlock.
    IF mfa_delta <> 0 THEN
        UPDATE overview_facts SET value = value + mfa_delta WHERE name = 'users_mfa';
    END IF;
    IF never_delta <> 0 THEN
        UPDATE overview_facts SET value = value + never_delta WHERE name = 'users_never_logged_in';
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO daily_counts (day, kind, n) VALUES (NEW.created_at / 86400000, 'users_created', 1)
            ON CONFLICT (day, kind) DO UPDATE SET n = daily_counts.n + 1;
    END IF;
    RETURN NULL;
END
$$;

-- Per day: users created, logins that succeeded and logins refused (a wrong password or code, an
-- unknown login, a locked or disabled account).
CREATE TABLE daily_counts (
    day BIGINT NOT NULL,
    kind TEXT NOT NULL, -- 'users_created', 'logins_succeeded', 'logins_failed'
    n BIGINT NOT NULL,
    PRIMARY KEY (day, kind)
);
INSERT INTO daily_counts (day, kind, n)
    SELECT created_at / 86400000, 'users_created', count(*) FROM users GROUP BY created_at / 86400000;
INSERT INTO daily_counts (day, kind, n)
    SELECT time / 86400000, CASE outcome WHEN 'success' THEN 'logins_succeeded' ELSE 'logins_failed' END, count(*)
      FROM audit_events
     WHERE (action = 'auth.login' AND outcome IN ('success', 'failure')) OR (action = 'auth.mfa' AND outcome = 'failure')
     GROUP BY 1, 2;
CREATE TRIGGER overview_users_track AFTER INSERT OR DELETE OR UPDATE OF mfa_enabled, last_login_at, deleted_at
    ON users FOR EACH ROW EXECUTE FUNCTION overview_users_track();

-- Failed logins per source address and hour: the Overview's top failing addresses of the last day.
-- Hours older than two days are pruned by maintenance.
CREATE TABLE failing_addresses (
    hour BIGINT NOT NULL,
    address TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (hour, address)
);
INSERT INTO failing_addresses (hour, address, n)
    SELECT time / 3600000, ip, count(*) FROM audit_events
     WHERE action IN ('auth.login', 'auth.mfa') AND outcome = 'failure' AND coalesce(ip, '') <> ''
       AND time >= (extract(epoch FROM now())::BIGINT - 172800) * 1000
     GROUP BY 1, 2;

CREATE FUNCTION overview_audit_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.action = 'backup.created' THEN
        IF NEW.outcome = 'success' THEN
            UPDATE overview_facts SET value = greatest(value, NEW.time) WHERE name = 'last_backup_at';
        END IF;
        RETURN NULL;
    END IF;
    IF (NEW.action = 'auth.login' AND NEW.outcome IN ('success', 'failure'))
       OR (NEW.action = 'auth.mfa' AND NEW.outcome = 'failure') THEN
        INSERT INTO daily_counts (day, kind, n)
            VALUES (NEW.time / 86400000,
                    CASE NEW.outcome WHEN 'success' THEN 'logins_succeeded' ELSE 'logins_failed' END, 1)
            ON CONFLICT (day, kind) DO UPDATE SET n = daily_counts.n + 1;
    END IF;
    IF NEW.outcome = 'failure' AND coalesce(NEW.ip, '') <> '' THEN
        INSERT INTO failing_addresses (hour, address, n) VALUES (NEW.time / 3600000, NEW.ip, 1)
            ON CONFLICT (hour, address) DO UPDATE SET n = failing_addresses.n + 1;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER overview_audit_track AFTER INSERT ON audit_events FOR EACH ROW
    WHEN (NEW.action IN ('auth.login', 'auth.mfa', 'backup.created')) EXECUTE FUNCTION overview_audit_track();

-- Locked accounts are few: a partial index counts them without touching the others.
CREATE INDEX users_locked ON users (locked_until) WHERE locked_until <> 0;
