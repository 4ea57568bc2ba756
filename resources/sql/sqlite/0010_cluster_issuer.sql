-- The token issuer every node serving this user base signs with and accepts: claimed by the first
-- node that serves (its public URL, or its listen URL without one), then the same for all, so that
-- a token from one node behind a load balancer is good on the others.
CREATE TABLE cluster_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    issuer TEXT NOT NULL,
    claimed_at INTEGER NOT NULL
);
