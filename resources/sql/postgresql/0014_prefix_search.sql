-- A search of one or two characters matches the start of the username or e-mail address (too
-- short for a trigram). LIKE 'ab%' takes an index only in the C collation or with
-- text_pattern_ops, whatever the database's collation is.
CREATE INDEX users_username_prefix ON users (username_key text_pattern_ops);
CREATE INDEX users_email_prefix ON users (email_key text_pattern_ops);
