-- Every search reads the trigram indexes, while users arrive at the pace of a password hash: new
-- entries go straight into the indexes rather than into a pending list that each search scans in
-- full until a vacuum merges it (after a bulk import or a seed, for minutes). What is pending now
-- is merged here.
ALTER INDEX users_search_username SET (fastupdate = off);
ALTER INDEX users_search_email SET (fastupdate = off);
ALTER INDEX users_search_display_name SET (fastupdate = off);
SELECT gin_clean_pending_list('users_search_username'::regclass);
SELECT gin_clean_pending_list('users_search_email'::regclass);
SELECT gin_clean_pending_list('users_search_display_name'::regclass);
