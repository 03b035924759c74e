-- Community (issue 11): a fire-safety group's drills (diễn tập phương án chữa cháy), which
-- a team member may record on a phone with no signal: the id is made on the phone (a
-- UUID), and the offline columns (version, content hash, the phone's clock) let the same
-- drill sent twice be stored once (docs/plans/issue-11-community.md, D4).
CREATE TABLE fire_drills (
  id TEXT PRIMARY KEY CHECK (length(id) = 36),
  group_id {{bigint}} NOT NULL REFERENCES fire_groups(id) ON DELETE CASCADE,
  held_on TEXT NOT NULL,
  scenario TEXT NOT NULL DEFAULT '',
  participants INTEGER NOT NULL DEFAULT 0 CHECK (participants BETWEEN 0 AND 1000),
  -- The commune police officers who observed it, as written.
  observers TEXT NOT NULL DEFAULT '',
  evaluation TEXT NOT NULL CHECK (evaluation IN ('good', 'fair', 'needs_work')),
  evaluation_note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  content_hash TEXT NOT NULL,
  recorded_by {{bigint}},
  device_at {{bigint}},
  received_at {{bigint}} NOT NULL
);
CREATE INDEX fire_drills_group ON fire_drills (group_id, held_on);
