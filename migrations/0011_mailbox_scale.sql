-- Counts of tips per commune, status and kind, kept up to date with every change, so
-- that the inbox shows its totals without counting a million rows.
CREATE TABLE tip_counts (
  unit_id {{bigint}} NOT NULL REFERENCES units(id),
  status TEXT NOT NULL,
  kind TEXT NOT NULL,
  n {{bigint}} NOT NULL,
  PRIMARY KEY (unit_id, status, kind)
);
INSERT INTO tip_counts (unit_id, status, kind, n)
  SELECT unit_id, status, kind, COUNT(*) FROM tips GROUP BY unit_id, status, kind;

-- The inbox reads a commune's newest tips straight from an index.
CREATE INDEX tips_unit_received ON tips (unit_id, received_at, id);
CREATE INDEX tips_unit_status_received ON tips (unit_id, status, received_at, id);
DROP INDEX tips_unit_status;

-- The search index of a commune: the folded text of its tips (tips with id up to
-- last_tip_id), encrypted with a random key that is sealed to the commune's key, so that
-- a search opens one box instead of one per tip. Rebuilt by searches; dropped when tips
-- are purged (it would otherwise keep their text).
CREATE TABLE tip_search_index (
  unit_id {{bigint}} PRIMARY KEY REFERENCES units(id),
  unit_key_id {{bigint}} NOT NULL REFERENCES unit_keys(id),
  key_sealed {{blob}} NOT NULL,
  segment {{blob}} NOT NULL,
  last_tip_id {{bigint}} NOT NULL,
  entries {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
