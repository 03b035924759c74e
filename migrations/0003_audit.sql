-- Append-only audit log (nhật ký kiểm toán). Each entry's hash covers the previous
-- entry's hash, so editing, removing or reordering any entry breaks the chain.
-- audit_head holds the last entry: updating it serialises appends.
CREATE TABLE audit_log (
  id {{bigint}} PRIMARY KEY,
  at {{bigint}} NOT NULL,
  actor_id {{bigint}},
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  last_id {{bigint}} NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
-- Each database refuses changes to entries with its own triggers (0003_audit.sqlite.sql,
-- 0003_audit.postgres.sql), which run after this file.
