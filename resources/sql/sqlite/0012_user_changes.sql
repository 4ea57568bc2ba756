-- Nodes keep user records in memory (GET /me answers from it) while the change feed vouches for
-- them, so every write to a user row is a change the feed must carry, not only status and
-- deletion: an insert too, since INSERT OR REPLACE swaps a row without a delete trigger firing.
-- Roles are in user_roles, whose triggers already tell.
DROP TRIGGER changes_user_update;
CREATE TRIGGER changes_user_update AFTER UPDATE ON users
BEGIN
    INSERT INTO changes (topic, subject) VALUES ('user', old.id);
END;
CREATE TRIGGER changes_user_insert AFTER INSERT ON users
BEGIN
    INSERT INTO changes (topic, subject) VALUES ('user', new.id);
END;
