-- Exact user counts per (status, deleted) bucket, kept by triggers, so list totals without a
-- search or role filter cost one lookup instead of a scan of every user.
CREATE TABLE user_counts (
    bucket TEXT PRIMARY KEY, -- '<status>:<1 if deleted else 0>'
    n BIGINT NOT NULL
);
INSERT INTO user_counts (bucket, n) VALUES ('active:0', 0), ('active:1', 0), ('disabled:0', 0), ('disabled:1', 0);
UPDATE user_counts SET n = (SELECT count(*) FROM users
                            WHERE status || ':' || CASE WHEN deleted_at <> 0 THEN '1' ELSE '0' END = user_counts.bucket);
CREATE FUNCTION user_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_bucket TEXT;
    new_bucket TEXT;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        old_bucket := OLD.status || ':' || CASE WHEN OLD.deleted_at <> 0 THEN '1' ELSE '0' END;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_bucket := NEW.status || ':' || CASE WHEN NEW.deleted_at <> 0 THEN '1' ELSE '0' END;
    END IF;
    IF old_bucket IS DISTINCT FROM new_bucket THEN
        -- One statement for both rows: they are locked in key order, so concurrent moves cannot deadlock.
        UPDATE user_counts
           SET n = n + CASE WHEN bucket = new_bucket THEN 1 ELSE -1 END
         WHERE bucket IN (old_bucket, new_bucket);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER user_counts_track AFTER INSERT OR DELETE OR UPDATE OF status, deleted_at ON users
    FOR EACH ROW EXECUTE FUNCTION user_counts_track();
