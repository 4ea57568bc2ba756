-- Nodes keep user records in memory (GET /me answers from it) while the change feed vouches for
-- them, so every write to a user row is a change the feed must carry, not only status and
-- deletion (an insert too, so that whatever replaces a row is heard of). Roles are in user_roles,
-- whose triggers already tell.
CREATE OR REPLACE FUNCTION changes_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO changes (topic, subject) VALUES ('user', CASE WHEN TG_OP = 'INSERT' THEN NEW.id ELSE OLD.id END);
    RETURN NULL;
END $$;
DROP TRIGGER changes_user ON users;
CREATE TRIGGER changes_user AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION changes_user();
