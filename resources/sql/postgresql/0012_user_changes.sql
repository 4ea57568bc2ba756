-- Nodes keep user records in memory (GET /me answers from it) while the change feed vouches for
-- them, so every change to a user row is a change the feed must carry, not only status and
-- deletion. Roles are in user_roles, whose triggers already tell.
CREATE OR REPLACE FUNCTION changes_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO changes (topic, subject) VALUES ('user', OLD.id);
    RETURN NULL;
END $$;
DROP TRIGGER changes_user ON users;
CREATE TRIGGER changes_user AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION changes_user();
