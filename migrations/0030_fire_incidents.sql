-- Community (issue 11): the fires and incidents a fire-safety group attended, and the
-- files of community records (a drill's photos now; incidents' and model sites' later),
-- kept in the database like the mailbox's attachments so that a backup holds them. A
-- photo is stored without its metadata (no GPS position); `sha256` is of the bytes kept.
CREATE TABLE fire_incidents (
  id {{id}},
  group_id {{bigint}} NOT NULL REFERENCES fire_groups(id) ON DELETE CASCADE,
  occurred_at {{bigint}} NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('fire', 'explosion', 'rescue', 'other')),
  description TEXT NOT NULL DEFAULT '',
  damage TEXT NOT NULL DEFAULT '',
  response TEXT NOT NULL DEFAULT '',
  recorded_by {{bigint}},
  created_at {{bigint}} NOT NULL
);
CREATE INDEX fire_incidents_group ON fire_incidents (group_id, occurred_at);

CREATE TABLE community_files (
  id {{id}},
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('drill', 'incident', 'model_site')),
  owner_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('photo', 'regulation')),
  name TEXT NOT NULL DEFAULT '',
  mime TEXT NOT NULL,
  bytes {{blob}} NOT NULL,
  size {{bigint}} NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_by {{bigint}},
  created_at {{bigint}} NOT NULL
);
CREATE INDEX community_files_owner ON community_files (owner_kind, owner_id);
