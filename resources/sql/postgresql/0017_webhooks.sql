-- Webhooks: endpoints told of audit events as they happen, signed per the Standard Webhooks scheme.
-- The secret is sealed with the master key (AES-256-GCM, bound to the endpoint's id): it must be
-- used to sign, so it cannot be kept as a hash. failing_since is when the endpoint last began to
-- fail (0: it answers); an endpoint failing for the whole retry window is disabled.
CREATE TABLE webhooks (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    secret BYTEA NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    disabled_reason TEXT NOT NULL DEFAULT '',
    failing_since BIGINT NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);

-- The event types an endpoint wants: an audit action, 'prefix.*' or '*'.
CREATE TABLE webhook_events (
    webhook_id TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    PRIMARY KEY (event, webhook_id)
);

-- The outbox: one row per event and endpoint, written in the transaction that records the audit
-- event, so an event is sent if and only if its change committed. The event itself is the audit
-- row (event_seq). A node claims a due delivery by moving next_attempt_at past its attempt (a
-- lease: a node that dies mid-attempt leaves it due again) and counting the attempt; only the
-- claimant of that attempt may record its outcome.
CREATE TABLE webhook_deliveries (
    id BIGSERIAL PRIMARY KEY,
    webhook_id TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_seq BIGINT NOT NULL,
    event_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_attempt_at BIGINT NOT NULL DEFAULT 0,
    last_status INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    finished_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, id);
CREATE INDEX webhook_deliveries_finished ON webhook_deliveries (finished_at) WHERE state <> 'pending';

-- Administrators manage them.
UPDATE roles SET permissions = permissions || ' webhooks:manage'
 WHERE name = 'admin' AND builtin AND (' ' || permissions || ' ') NOT LIKE '% webhooks:manage %';
