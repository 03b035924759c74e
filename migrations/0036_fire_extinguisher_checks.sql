-- Community (issue 11): checks of a household's extinguishers (kiểm tra bình chữa cháy),
-- which a team member may record on a phone with no signal, as drills are: the id is
-- made on the phone (a UUID) and the offline columns let the same check sent twice be
-- stored once (docs/plans/issue-11-community.md, D4). A refill or a replacement carries
-- the new expiry; the extinguisher's last check is the latest of its checks.
CREATE TABLE fire_extinguisher_checks (
  id TEXT PRIMARY KEY CHECK (length(id) = 36),
  extinguisher_id {{bigint}} NOT NULL REFERENCES fire_extinguishers(id) ON DELETE CASCADE,
  checked_on TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('ok', 'low_pressure', 'damaged', 'missing', 'refilled', 'replaced')),
  new_expires_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  content_hash TEXT NOT NULL,
  recorded_by {{bigint}},
  device_at {{bigint}},
  received_at {{bigint}} NOT NULL,
  CHECK ((result IN ('refilled', 'replaced')) = (new_expires_on IS NOT NULL)),
  CHECK (new_expires_on IS NULL OR new_expires_on > checked_on)
);
CREATE INDEX fire_extinguisher_checks_of ON fire_extinguisher_checks (extinguisher_id, checked_on);
