-- The official unit list (issue 9): English names, an identity the official import
-- matches on, renames in the history, and every successor of a split unit.
--
-- `official_key` is the unit's identity in the official list ("vn2025|02545" for a unit
-- of the 2025 list, "vn2025<|08|xã|kim quan||" for a pre-reform unit), set by
-- `antq units import-official`; NULL for units made by hand or by CSV. Unique, so an
-- import run twice finds what it wrote.
ALTER TABLE units ADD COLUMN name_en TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN official_key TEXT;
CREATE UNIQUE INDEX units_official_key ON units (official_key);

-- A `renamed` event keeps the name the unit had before.
ALTER TABLE unit_history ADD COLUMN old_name TEXT NOT NULL DEFAULT '';

-- Where a merged unit went. A unit split among several new ones (up to eleven in the
-- 2025 map) has one row per successor; the `main` one is its `merged_into` and its
-- parent, where its records roll up. `part` says what went where when only part did
-- ("phần còn lại sau khi sáp nhập vào phường X").
CREATE TABLE unit_successors (
  unit_id {{bigint}} NOT NULL REFERENCES units(id),
  successor_id {{bigint}} NOT NULL REFERENCES units(id),
  effective_date TEXT NOT NULL,
  main INTEGER NOT NULL DEFAULT 0,
  part TEXT NOT NULL DEFAULT '',
  basis TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (unit_id, successor_id)
);
CREATE INDEX unit_successors_successor ON unit_successors (successor_id);

-- Merges made before this table existed (a unit merged, reopened and merged again into
-- the same unit has two history rows and gets one link, from the first).
INSERT INTO unit_successors (unit_id, successor_id, effective_date, main, part, basis)
  SELECT u.id, u.merged_into, MIN(h.event_date), 1, '', MIN(h.basis)
  FROM units u JOIN unit_history h ON h.unit_id = u.id AND h.event = 'merged' AND h.to_parent_id = u.merged_into
  WHERE u.merged_into IS NOT NULL
  GROUP BY u.id, u.merged_into;
