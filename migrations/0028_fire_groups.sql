-- Community (issue 11): inter-household fire-safety groups (Tổ liên gia an toàn phòng
-- cháy, chữa cháy) of 5–15 neighbouring households, their equipment house by house and
-- their shared firefighting points.
--
-- A group hangs on its village, as households do. A household belongs to at most one
-- group (households.fire_group_id); the service refuses a second one by name. The
-- extinguishers keep their household's village (moved with it in one transaction), so
-- that the due lists of a commune or a province read one index and no join.
CREATE TABLE fire_groups (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  village_id {{bigint}} NOT NULL REFERENCES units(id),
  name TEXT NOT NULL CHECK (name <> ''),
  leader_household_id {{bigint}} REFERENCES households(id),
  founded_on TEXT,
  dissolved_on TEXT,
  -- Why the group is outside 5–15 households, when it is (the officer saw the warning).
  size_reason TEXT NOT NULL DEFAULT '',
  last_drill_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL DEFAULT '',
  demo INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL,
  CHECK (dissolved_on IS NULL OR founded_on IS NULL OR dissolved_on >= founded_on)
);
CREATE INDEX fire_groups_village ON fire_groups (village_id, dissolved_on);

ALTER TABLE households ADD COLUMN fire_group_id {{bigint}} REFERENCES fire_groups(id);
ALTER TABLE households ADD COLUMN fire_group_since TEXT;
-- The extinguishers in service in the house, kept by the service with each change: the
-- "houses without an extinguisher" list reads it from the index below.
ALTER TABLE households ADD COLUMN extinguishers INTEGER NOT NULL DEFAULT 0;
CREATE INDEX households_fire_group ON households (village_id, fire_group_id, extinguishers);
CREATE INDEX households_in_fire_group ON households (fire_group_id) WHERE fire_group_id IS NOT NULL;

CREATE TABLE fire_extinguishers (
  id {{id}},
  household_id {{bigint}} NOT NULL REFERENCES households(id) ON DELETE CASCADE,
  village_id {{bigint}} NOT NULL REFERENCES units(id),
  kind TEXT NOT NULL CHECK (kind IN ('abc_powder', 'co2', 'other')),
  kind_note TEXT NOT NULL DEFAULT '',
  capacity_kg {{double}} CHECK (capacity_kg IS NULL OR (capacity_kg > 0 AND capacity_kg <= 100)),
  count INTEGER NOT NULL DEFAULT 1 CHECK (count BETWEEN 1 AND 20),
  manufactured_on TEXT,
  last_refill_on TEXT,
  expires_on TEXT NOT NULL,
  retired_on TEXT,
  last_check_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL,
  CHECK (manufactured_on IS NULL OR expires_on > manufactured_on),
  CHECK (manufactured_on IS NULL OR last_refill_on IS NULL OR last_refill_on >= manufactured_on)
);
CREATE INDEX fire_extinguishers_household ON fire_extinguishers (household_id);
CREATE INDEX fire_extinguishers_due ON fire_extinguishers (village_id, expires_on) WHERE retired_on IS NULL;

-- Each house's other gear: forcing tools (dụng cụ phá dỡ thô sơ), the alarm bell and
-- push-buttons, and whether the houses' alarms are interlinked.
CREATE TABLE fire_household_gear (
  household_id {{bigint}} PRIMARY KEY REFERENCES households(id) ON DELETE CASCADE,
  forcing_tools TEXT NOT NULL DEFAULT '',
  forcing_tool_count INTEGER NOT NULL DEFAULT 0 CHECK (forcing_tool_count BETWEEN 0 AND 50),
  bell INTEGER NOT NULL DEFAULT 0,
  push_buttons INTEGER NOT NULL DEFAULT 0 CHECK (push_buttons BETWEEN 0 AND 20),
  interlinked INTEGER NOT NULL DEFAULT 0,
  checked_on TEXT,
  updated_at {{bigint}} NOT NULL
);

-- A group's shared firefighting points (điểm chữa cháy công cộng): a place on the map and
-- what is kept there.
CREATE TABLE fire_points (
  id {{id}},
  group_id {{bigint}} NOT NULL REFERENCES fire_groups(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (name <> ''),
  lon {{double}} NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat {{double}} NOT NULL CHECK (lat BETWEEN -90 AND 90),
  equipment TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX fire_points_group ON fire_points (group_id);
