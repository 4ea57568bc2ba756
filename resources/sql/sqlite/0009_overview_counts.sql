-- Counters behind the console's Overview, kept by triggers, so that a refresh reads a few rows and
-- never scans the users or the audit trail, whatever their size. Days and hours are UTC, counted
-- from the Unix epoch.

-- Among users not deleted: those with MFA and those who never signed in; and the time of the last
-- backup (the newest successful 'backup.created' audit event, 0 = none).
CREATE TABLE overview_facts (
    name TEXT PRIMARY KEY, -- 'users_mfa', 'users_never_logged_in', 'last_backup_at'
    value INTEGER NOT NULL
);
INSERT INTO overview_facts (name, value) VALUES
    ('users_mfa', (SELECT count(*) FROM users WHERE deleted_at = 0 AND mfa_enabled <> 0)),
    ('users_never_logged_in', (SELECT count(*) FROM users WHERE deleted_at = 0 AND last_login_at = 0)),
    ('last_backup_at', (SELECT coalesce(max(time), 0) FROM audit_events
                        WHERE action = 'backup.created' AND outcome = 'success'));
CREATE TRIGGER overview_users_insert AFTER INSERT ON users WHEN new.deleted_at = 0 BEGIN
    UPDATE overview_facts SET value = value + 1 WHERE name = 'users_mfa' AND new.mfa_enabled <> 0;
    UPDATE overview_facts SET value = value + 1 WHERE name = 'users_never_logged_in' AND new.last_login_at = 0;
END;
CREATE TRIGGER overview_users_delete AFTER DELETE ON users WHEN old.deleted_at = 0 BEGIN
    UPDATE overview_facts SET value = value - 1 WHERE name = 'users_mfa' AND old.mfa_enabled <> 0;
    UPDATE overview_facts SET value = value - 1 WHERE name = 'users_never_logged_in' AND old.last_login_at = 0;
END;
-- Logins rewrite last_login_at every time: only a first login, an MFA change or a (un)deletion
-- moves a count.
CREATE TRIGGER overview_users_update AFTER UPDATE OF mfa_enabled, last_login_at, deleted_at ON users
WHEN (old.mfa_enabled <> 0) <> (new.mfa_enabled <> 0) OR (old.last_login_at = 0) <> (new.last_login_at = 0)
     OR (old.deleted_at = 0) <> (new.deleted_at = 0) BEGIN
    UPDATE overview_facts
       SET value = value + (new.deleted_at = 0 AND new.mfa_enabled <> 0) - (old.deleted_at = 0 AND old.mfa_enabled <> 0)
     WHERE name = 'users_mfa';
    UPDATE overview_facts
       SET value = value + (new.deleted_at = 0 AND new.last_login_at = 0) - (old.deleted_at = 0 AND old.last_login_at = 0)
     WHERE name = 'users_never_logged_in';
END;

-- Per day: users created, logins that succeeded and logins refused (a wrong password or code, an
-- unknown login, a locked or disabled account).
CREATE TABLE daily_counts (
    day INTEGER NOT NULL,
    kind TEXT NOT NULL, -- 'users_created', 'logins_succeeded', 'logins_failed'
    n INTEGER NOT NULL,
    PRIMARY KEY (day, kind)
);
INSERT INTO daily_counts (day, kind, n)
    SELECT created_at / 86400000, 'users_created', count(*) FROM users GROUP BY created_at / 86400000;
INSERT INTO daily_counts (day, kind, n)
    SELECT time / 86400000, CASE outcome WHEN 'success' THEN 'logins_succeeded' ELSE 'logins_failed' END, count(*)
      FROM audit_events
     WHERE (action = 'auth.login' AND outcome IN ('success', 'failure')) OR (action = 'auth.mfa' AND outcome = 'failure')
     GROUP BY 1, 2;
CREATE TRIGGER overview_users_created AFTER INSERT ON users BEGIN
    INSERT INTO daily_counts (day, kind, n) VALUES (new.created_at / 86400000, 'users_created', 1)
        ON CONFLICT (day, kind) DO UPDATE SET n = n + 1;
END;

-- Failed logins per source address and hour: the Overview's top failing addresses of the last day.
-- Hours older than two days are pruned by maintenance.
CREATE TABLE failing_addresses (
    hour INTEGER NOT NULL,
    address TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (hour, address)
);
INSERT INTO failing_addresses (hour, address, n)
    SELECT time / 3600000, ip, count(*) FROM audit_events
     WHERE action IN ('auth.login', 'auth.mfa') AND outcome = 'failure' AND coalesce(ip, '') <> ''
       AND time >= (CAST(strftime('%s', 'now') AS INTEGER) - 172800) * 1000
     GROUP BY 1, 2;

CREATE TRIGGER overview_audit AFTER INSERT ON audit_events
WHEN new.action IN ('auth.login', 'auth.mfa', 'backup.created') BEGIN
    INSERT INTO daily_counts (day, kind, n)
        SELECT new.time / 86400000, CASE new.outcome WHEN 'success' THEN 'logins_succeeded' ELSE 'logins_failed' END, 1
         WHERE (new.action = 'auth.login' AND new.outcome IN ('success', 'failure'))
            OR (new.action = 'auth.mfa' AND new.outcome = 'failure')
        ON CONFLICT (day, kind) DO UPDATE SET n = n + 1;
    INSERT INTO failing_addresses (hour, address, n)
        SELECT new.time / 3600000, new.ip, 1
         WHERE new.action <> 'backup.created' AND new.outcome = 'failure' AND coalesce(new.ip, '') <> ''
        ON CONFLICT (hour, address) DO UPDATE SET n = n + 1;
    UPDATE overview_facts SET value = max(value, new.time)
     WHERE name = 'last_backup_at' AND new.action = 'backup.created' AND new.outcome = 'success';
END;

-- Locked accounts are few: a partial index counts them without touching the others.
CREATE INDEX users_locked ON users (locked_until) WHERE locked_until <> 0;
