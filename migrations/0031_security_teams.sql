-- Community (issue 11): village security teams (Tổ bảo vệ an ninh, trật tự ở cơ sở, Luật
-- Lực lượng tham gia bảo vệ ANTT ở cơ sở 2023, Nghị định 40/2024): one team for a village
-- or for several villages of one commune, founded by a decision of the commune's People's
-- Committee; its members with their dates in and out; its patrol log and meetings.
--
-- A team hangs on its villages (security_team_villages), as households do on theirs, so a
-- scope's teams are one id list away. `commune_id` groups a commune's teams for the yearly
-- grading. Members' names and residences are in the clear (the member list is public by
-- law); a phone is sealed, and printed on the public list only when the member agreed
-- (`phone_public`). `person_lookup` is a keyed hash of the folded name and birth date: a
-- person is in one team at a time, across every commune, without their identity being
-- readable from it.
CREATE TABLE security_teams (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  commune_id {{bigint}} NOT NULL REFERENCES units(id),
  name TEXT NOT NULL CHECK (name <> ''),
  decision_number TEXT NOT NULL DEFAULT '',
  decision_on TEXT,
  decision_signer TEXT NOT NULL DEFAULT '',
  founded_on TEXT,
  dissolved_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL DEFAULT '',
  demo INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL,
  CHECK (dissolved_on IS NULL OR founded_on IS NULL OR dissolved_on >= founded_on)
);
CREATE INDEX security_teams_commune ON security_teams (commune_id);

CREATE TABLE security_team_villages (
  team_id {{bigint}} NOT NULL REFERENCES security_teams(id) ON DELETE CASCADE,
  village_id {{bigint}} NOT NULL REFERENCES units(id),
  PRIMARY KEY (team_id, village_id)
);
CREATE INDEX security_team_villages_village ON security_team_villages (village_id, team_id);

CREATE TABLE security_team_members (
  id {{id}},
  team_id {{bigint}} NOT NULL REFERENCES security_teams(id) ON DELETE CASCADE,
  full_name TEXT NOT NULL CHECK (full_name <> ''),
  birth_date TEXT NOT NULL,
  position TEXT NOT NULL CHECK (position IN ('leader', 'deputy', 'member')),
  residence TEXT NOT NULL DEFAULT '',
  phone_sealed {{blob}},
  phone_lookup {{blob}},
  phone_public INTEGER NOT NULL DEFAULT 0,
  person_lookup {{blob}} NOT NULL,
  joined_on TEXT NOT NULL,
  left_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL,
  CHECK (left_on IS NULL OR left_on >= joined_on),
  CHECK (phone_public = 0 OR phone_sealed IS NOT NULL)
);
CREATE INDEX security_team_members_team ON security_team_members (team_id, left_on);
CREATE INDEX security_team_members_person ON security_team_members (person_lookup);

-- A patrol (tuần tra) as a member's phone records it, with no signal if need be: the id is
-- made on the phone and the offline columns let it be sent twice and stored once (plan D4).
-- The route is a GeoJSON LineString's coordinates ([[lon, lat], …]) or empty; the tips it
-- followed up are their receipt or reference numbers as written.
CREATE TABLE security_patrols (
  id TEXT PRIMARY KEY CHECK (length(id) = 36),
  team_id {{bigint}} NOT NULL REFERENCES security_teams(id) ON DELETE CASCADE,
  patrol_on TEXT NOT NULL,
  shift TEXT NOT NULL CHECK (shift IN ('morning', 'afternoon', 'evening', 'night')),
  route TEXT NOT NULL DEFAULT '',
  findings TEXT NOT NULL DEFAULT '',
  tip_refs TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  content_hash TEXT NOT NULL,
  recorded_by {{bigint}},
  device_at {{bigint}},
  received_at {{bigint}} NOT NULL
);
CREATE INDEX security_patrols_team ON security_patrols (team_id, patrol_on);

CREATE TABLE security_patrol_members (
  patrol_id TEXT NOT NULL REFERENCES security_patrols(id) ON DELETE CASCADE,
  member_id {{bigint}} NOT NULL REFERENCES security_team_members(id),
  PRIMARY KEY (patrol_id, member_id)
);

-- A team's meeting (họp tổ), an offline record too.
CREATE TABLE security_team_meetings (
  id TEXT PRIMARY KEY CHECK (length(id) = 36),
  team_id {{bigint}} NOT NULL REFERENCES security_teams(id) ON DELETE CASCADE,
  held_on TEXT NOT NULL,
  attendees INTEGER NOT NULL DEFAULT 0 CHECK (attendees BETWEEN 0 AND 500),
  content TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  content_hash TEXT NOT NULL,
  recorded_by {{bigint}},
  device_at {{bigint}},
  received_at {{bigint}} NOT NULL
);
CREATE INDEX security_team_meetings_team ON security_team_meetings (team_id, held_on);
