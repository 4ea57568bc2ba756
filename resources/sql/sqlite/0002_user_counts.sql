-- Exact user counts per (status, deleted) bucket, kept by triggers, so list totals without a
-- search or role filter cost one lookup instead of a scan of every user.
CREATE TABLE user_counts (
    bucket TEXT PRIMARY KEY, -- '<status>:<1 if deleted else 0>'
    n INTEGER NOT NULL
);
INSERT INTO user_counts (bucket, n) VALUES ('active:0', 0), ('active:1', 0), ('disabled:0', 0), ('disabled:1', 0);
UPDATE user_counts SET n = (SELECT count(*) FROM users WHERE status || ':' || (deleted_at <> 0) = user_counts.bucket);
CREATE TRIGGER user_counts_insert AFTER INSERT ON users BEGIN
    UPDATE user_counts SET n = n + 1 WHERE bucket = new.status || ':' || (new.deleted_at <> 0);
END;
CREATE TRIGGER user_counts_delete AFTER DELETE ON users BEGIN
    UPDATE user_counts SET n = n - 1 WHERE bucket = old.status || ':' || (old.deleted_at <> 0);
END;
CREATE TRIGGER user_counts_update AFTER UPDATE OF status, deleted_at ON users
WHEN old.status <> new.status OR (old.deleted_at <> 0) <> (new.deleted_at <> 0) BEGIN
    UPDATE user_counts SET n = n - 1 WHERE bucket = old.status || ':' || (old.deleted_at <> 0);
    UPDATE user_counts SET n = n + 1 WHERE bucket = new.status || ':' || (new.deleted_at <> 0);
END;
