-- Security cameras (issue 10): the registry, each camera's status over time and its checks.
-- A camera stands at one point (WGS84) and sees a cone: `bearing` ± `fov`/2 within
-- `range_m` (no bearing and fov 360 for an all-round camera). Its status is a history of
-- intervals [since, until) so that "was it working on 3 March at 21:00?" has an answer;
-- `cameras.status` repeats the open interval's. Owners' contacts are sealed in their own
-- table (a later migration); dates are 'YYYY-MM-DD', instants epoch milliseconds.
CREATE TABLE cameras (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  unit_id {{bigint}} NOT NULL REFERENCES units(id),
  village_id {{bigint}} REFERENCES units(id),
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('public', 'household', 'business', 'agency', 'school')),
  place TEXT NOT NULL DEFAULT '',
  lon {{double}} NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat {{double}} NOT NULL CHECK (lat BETWEEN -90 AND 90),
  bearing INTEGER CHECK (bearing BETWEEN 0 AND 359),
  fov INTEGER NOT NULL CHECK (fov BETWEEN 1 AND 360),
  range_m INTEGER NOT NULL CHECK (range_m BETWEEN 1 AND 1000),
  camera_type TEXT NOT NULL DEFAULT '',
  resolution TEXT NOT NULL DEFAULT '',
  night_vision INTEGER NOT NULL DEFAULT 0,
  retention_days INTEGER NOT NULL CHECK (retention_days BETWEEN 0 AND 3650),
  storage TEXT NOT NULL CHECK (storage IN ('nvr', 'cloud', 'memory_card')),
  funding TEXT NOT NULL CHECK (funding IN ('socialised', 'commune_budget', 'shared')),
  cost_vnd {{bigint}},
  installed_on TEXT,
  sharing TEXT NOT NULL CHECK (sharing IN ('live', 'on_request', 'none')),
  commitment_signed_on TEXT,
  status TEXT NOT NULL CHECK (status IN ('working', 'faulty', 'removed')),
  last_check_at {{bigint}},
  last_check_result TEXT,
  reconfirm_due TEXT,
  note TEXT NOT NULL DEFAULT '',
  demo INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL,
  -- All round (no bearing) exactly when the field of view is 360°.
  CHECK ((fov = 360 AND bearing IS NULL) OR (fov < 360 AND bearing IS NOT NULL))
);
CREATE INDEX cameras_unit_status ON cameras (unit_id, status);
CREATE INDEX cameras_village ON cameras (village_id);

CREATE TABLE camera_status_history (
  camera_id {{bigint}} NOT NULL REFERENCES cameras(id) ON DELETE CASCADE,
  since {{bigint}} NOT NULL,
  until {{bigint}},
  status TEXT NOT NULL CHECK (status IN ('working', 'faulty', 'removed')),
  reason TEXT NOT NULL DEFAULT '',
  recorded_by {{bigint}},
  recorded_at {{bigint}} NOT NULL,
  PRIMARY KEY (camera_id, since),
  CHECK (until IS NULL OR until > since)
);
