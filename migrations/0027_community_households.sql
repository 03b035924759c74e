-- Community (issue 11): the households (hộ gia đình) of each village and their yearly
-- registration to build a safe residential area (đăng ký xây dựng khu dân cư an toàn về
-- ANTT), whose share per village and year is a legal criterion (100%).
--
-- A household hangs on its village only (no copied commune id to go stale when units
-- merge). The head's name and the address are in the clear: the village knows them and
-- lists need them. The phone is sealed under the personal-data key, with a keyed hash of
-- its digits, as camera owners' contacts are; the consent record covers it.
CREATE TABLE households (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  village_id {{bigint}} NOT NULL REFERENCES units(id),
  head_name TEXT NOT NULL CHECK (head_name <> ''),
  address TEXT NOT NULL DEFAULT '',
  members INTEGER NOT NULL CHECK (members BETWEEN 1 AND 99),
  phone_sealed {{blob}},
  phone_lookup {{blob}},
  consent_on TEXT,
  consent_channel TEXT CHECK (consent_channel IN ('paper', 'officer', 'team')),
  consent_text_version TEXT,
  since_on TEXT,
  left_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL DEFAULT '',
  demo INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL,
  CHECK (left_on IS NULL OR since_on IS NULL OR left_on >= since_on),
  -- A phone only with its consent.
  CHECK (phone_sealed IS NULL OR consent_on IS NOT NULL)
);
CREATE INDEX households_village ON households (village_id, left_on);
CREATE INDEX households_phone ON households (phone_lookup);

-- One row per household and year: registered on a date, the form signed or not. The
-- offline columns (issue-11 plan, D4) let a team member's phone send a tick twice.
CREATE TABLE household_registrations (
  household_id {{bigint}} NOT NULL REFERENCES households(id) ON DELETE CASCADE,
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  registered_on TEXT NOT NULL,
  signed INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  content_hash TEXT NOT NULL DEFAULT '',
  recorded_by {{bigint}},
  device_at {{bigint}},
  received_at {{bigint}} NOT NULL,
  PRIMARY KEY (household_id, year)
);
CREATE INDEX household_registrations_year ON household_registrations (year, household_id);

-- The last number handed out per commune and kind of record ("02545-HO-00042").
CREATE TABLE community_code_counters (
  unit_id {{bigint}} NOT NULL REFERENCES units(id),
  kind TEXT NOT NULL,
  last_number {{bigint}} NOT NULL,
  PRIMARY KEY (unit_id, kind)
);
