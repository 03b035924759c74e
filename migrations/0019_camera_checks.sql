-- Security cameras (issue 10): the check log, and the list's search text. An officer or
-- the village team looks at a camera and writes down what they found; "ok" and "faulty"
-- also set the camera's status from that moment (camera_status_history), "unreachable"
-- does not.
CREATE TABLE camera_checks (
  id {{id}},
  camera_id {{bigint}} NOT NULL REFERENCES cameras(id) ON DELETE CASCADE,
  checked_at {{bigint}} NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('ok', 'faulty', 'unreachable')),
  note TEXT NOT NULL DEFAULT '',
  checked_by {{bigint}},
  created_at {{bigint}} NOT NULL
);
CREATE INDEX camera_checks_camera ON camera_checks (camera_id, checked_at);

-- The camera's code and place folded (accents and case away, "đ" as "d"), for the list's
-- search box.
ALTER TABLE cameras ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
