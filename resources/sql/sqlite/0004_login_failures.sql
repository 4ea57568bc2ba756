-- Consecutive failed logins per account, shared by every node. The subject is 'user:<id>' for
-- existing accounts and 'login:<case-folded login>' for unknown ones, tracked alike.
CREATE TABLE login_failures (
    subject TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL,
    locked_until INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX login_failures_age ON login_failures (last_failure_at);
