-- Every search reads the trigram index: its segments, many after a bulk import or a seed, are
-- merged into one here (FTS5 merges them by itself as users arrive from now on).
INSERT INTO users_search (users_search) VALUES ('optimize');
