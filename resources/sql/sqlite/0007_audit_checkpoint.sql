-- Where pruned audit history ends: the last removed event's sequence number and hash, signed with
-- the chain key, so verification can start there and a forged starting point is detected.
CREATE TABLE audit_checkpoint (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash BLOB NOT NULL,
    signature BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
