-- Administrative units (đơn vị hành chính) and other units, as a tree of any depth.
-- `path` lists the ids from the root ('/1/4/9/'): a subtree is a path prefix.
-- A merged unit keeps its row (valid_to set, merged_into the new unit) and becomes a
-- historic child of the unit it merged into, so that its records roll up there.
CREATE TABLE units (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  kind TEXT NOT NULL,
  designation TEXT NOT NULL DEFAULT '',
  parent_id {{bigint}} REFERENCES units(id),
  path TEXT NOT NULL,
  depth INTEGER NOT NULL,
  valid_from TEXT,
  valid_to TEXT,
  remote INTEGER NOT NULL DEFAULT 0,
  merged_into {{bigint}} REFERENCES units(id),
  demo INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX units_parent ON units (parent_id);
CREATE INDEX units_path ON units (path);

-- Where a unit stood before a merge or a move.
CREATE TABLE unit_history (
  id {{id}},
  unit_id {{bigint}} NOT NULL REFERENCES units(id),
  event TEXT NOT NULL,
  event_date TEXT NOT NULL,
  from_parent_id {{bigint}} REFERENCES units(id),
  to_parent_id {{bigint}} REFERENCES units(id),
  basis TEXT NOT NULL DEFAULT '',
  recorded_at {{bigint}} NOT NULL
);
CREATE INDEX unit_history_unit ON unit_history (unit_id);
