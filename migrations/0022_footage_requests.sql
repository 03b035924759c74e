-- Security cameras (issue 10): footage requests. An officer asks the owners of the
-- cameras that could have seen something for their footage of a window of at most 12
-- hours, with a reason and a case reference; each camera gets a task with the deadline
-- before its footage of the window's start is overwritten, an optional one-time link for
-- the owner (stored as a hash) and its outcome.
CREATE TABLE footage_requests (
  id {{id}},
  unit_id {{bigint}} NOT NULL REFERENCES units(id),
  number TEXT NOT NULL UNIQUE,
  origin TEXT NOT NULL CHECK (origin IN ('search', 'route', 'tip', 'other')),
  source_ref TEXT NOT NULL DEFAULT '',
  lon {{double}},
  lat {{double}},
  from_at {{bigint}} NOT NULL,
  to_at {{bigint}} NOT NULL,
  reason TEXT NOT NULL,
  case_ref TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by {{bigint}},
  created_at {{bigint}} NOT NULL,
  closed_at {{bigint}},
  CHECK (to_at > from_at AND to_at - from_at <= 43200000)
);
CREATE INDEX footage_requests_unit ON footage_requests (unit_id, created_at);

CREATE TABLE footage_tasks (
  id {{id}},
  request_id {{bigint}} NOT NULL REFERENCES footage_requests(id) ON DELETE CASCADE,
  camera_id {{bigint}} REFERENCES cameras(id) ON DELETE SET NULL,
  camera_code TEXT NOT NULL,
  camera_place TEXT NOT NULL DEFAULT '',
  deadline_at {{bigint}} NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'provided', 'none', 'declined', 'overwritten', 'withdrawn')),
  reference TEXT NOT NULL DEFAULT '',
  sha256 TEXT,
  note TEXT NOT NULL DEFAULT '',
  answered_by TEXT CHECK (answered_by IN ('owner', 'officer')),
  answered_at {{bigint}},
  link_hash {{blob}} UNIQUE,
  link_expires_at {{bigint}}
);
CREATE INDEX footage_tasks_request ON footage_tasks (request_id);
CREATE INDEX footage_tasks_camera ON footage_tasks (camera_id);
