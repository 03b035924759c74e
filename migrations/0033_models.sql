-- Community (issue 11): self-management models (mô hình tự quản về ANTT). Their types are
-- data: the seven the movement names are seeded, administrators add their own ("Tiếng kẻng
-- an ninh", "Dòng họ tự quản"). Four types have a `source`: their sites are the records of
-- another service (cameras, the mailbox, fire-safety groups, security teams), counted by
-- that service's view (plan D5), and take no manual sites. "Liên kết về ANTT" is `linked`:
-- its sites join several units, possibly of other communes or provinces, and have a
-- rotating standing unit (đơn vị thường trực) each year.
--
-- A site (điểm mô hình) hangs on one unit (a village or a commune), as teams and households
-- hang on their villages, so a scope's sites are one id list away; a linked site's other
-- participants are in model_site_units. Names of board and team members are in the clear:
-- the village knows them and the reports list them.
CREATE TABLE model_types (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL CHECK (name <> ''),
  description TEXT NOT NULL DEFAULT '',
  source TEXT UNIQUE CHECK (source IN ('cameras', 'mailbox', 'fire_groups', 'security_teams')),
  linked INTEGER NOT NULL DEFAULT 0 CHECK (linked IN (0, 1)),
  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 100,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (source IS NULL OR linked = 0)
);

INSERT INTO model_types (code, name, description, source, linked, builtin, sort) VALUES
  ('2Q2TC', '2 quản, 2 tích cực về ANTT', 'Quản lý giáo dục con em, quản lý người lầm lỗi; tích cực tố giác, tích cực tham gia phong trào', NULL, 0, 1, 10),
  ('3Q2TC', '3 quản, 2 tích cực', 'Quản lý người, quản lý địa bàn, quản lý phương tiện; tích cực tố giác, tích cực tham gia', NULL, 0, 1, 20),
  ('LKANTT', 'Liên kết về ANTT', 'Liên kết giữa các đơn vị, địa phương (có thể khác xã, khác tỉnh) với đơn vị thường trực luân phiên hằng năm', NULL, 1, 1, 30),
  ('CAMANTT', 'Camera an ninh', 'Tự động: thôn, tổ dân phố có camera an ninh đã xác nhận', 'cameras', 0, 1, 40),
  ('HOMTHU', 'Hòm thư góp ý và tố giác tội phạm', 'Tự động: hòm thư giấy đang dùng và hòm thư điện tử của xã', 'mailbox', 0, 1, 50),
  ('TLGPCCC', 'Tổ liên gia an toàn PCCC', 'Tự động: thôn có tổ liên gia, mỗi tổ một tổ mô hình', 'fire_groups', 0, 1, 60),
  ('TBVANTT', 'Tổ bảo vệ ANTT', 'Tự động: mỗi tổ bảo vệ ANTT ở cơ sở', 'security_teams', 0, 1, 70);

CREATE TABLE model_sites (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  type_id {{bigint}} NOT NULL REFERENCES model_types(id),
  unit_id {{bigint}} NOT NULL REFERENCES units(id),
  name TEXT NOT NULL CHECK (name <> ''),
  launched_on TEXT NOT NULL,
  ended_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL DEFAULT '',
  demo INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL,
  CHECK (ended_on IS NULL OR ended_on > launched_on)
);
CREATE INDEX model_sites_unit ON model_sites (unit_id, type_id);

-- The other participants of a linked site (its own unit is `model_sites.unit_id`).
CREATE TABLE model_site_units (
  site_id {{bigint}} NOT NULL REFERENCES model_sites(id) ON DELETE CASCADE,
  unit_id {{bigint}} NOT NULL REFERENCES units(id),
  joined_on TEXT NOT NULL,
  PRIMARY KEY (site_id, unit_id)
);
CREATE INDEX model_site_units_unit ON model_site_units (unit_id, site_id);

-- The standing unit of a linked site for a year: the site's unit or one of its participants.
CREATE TABLE model_site_standing (
  site_id {{bigint}} NOT NULL REFERENCES model_sites(id) ON DELETE CASCADE,
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  unit_id {{bigint}} NOT NULL REFERENCES units(id),
  PRIMARY KEY (site_id, year)
);

-- The steering board (ban chỉ đạo / ban điều hành), in the order it is printed.
CREATE TABLE model_site_board (
  id {{id}},
  site_id {{bigint}} NOT NULL REFERENCES model_sites(id) ON DELETE CASCADE,
  full_name TEXT NOT NULL CHECK (full_name <> ''),
  title TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('head', 'deputy', 'member')),
  sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX model_site_board_site ON model_site_board (site_id, sort);

-- A site's teams (tổ) and their members with dates in and out.
CREATE TABLE model_teams (
  id {{id}},
  site_id {{bigint}} NOT NULL REFERENCES model_sites(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (name <> ''),
  founded_on TEXT NOT NULL,
  ended_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (ended_on IS NULL OR ended_on > founded_on)
);
CREATE INDEX model_teams_site ON model_teams (site_id);

CREATE TABLE model_team_members (
  id {{id}},
  team_id {{bigint}} NOT NULL REFERENCES model_teams(id) ON DELETE CASCADE,
  full_name TEXT NOT NULL CHECK (full_name <> ''),
  role TEXT NOT NULL CHECK (role IN ('leader', 'deputy', 'member')),
  joined_on TEXT NOT NULL,
  left_on TEXT,
  CHECK (left_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX model_team_members_team ON model_team_members (team_id);

-- A site's activity log, by the offline rule (ids made on the phone, plan D4).
CREATE TABLE model_site_activities (
  id TEXT PRIMARY KEY CHECK (length(id) = 36),
  site_id {{bigint}} NOT NULL REFERENCES model_sites(id) ON DELETE CASCADE,
  held_on TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('meeting', 'patrol', 'propaganda', 'mediation', 'other')),
  participants INTEGER NOT NULL DEFAULT 0 CHECK (participants BETWEEN 0 AND 10000),
  content TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  content_hash TEXT NOT NULL,
  recorded_by {{bigint}},
  device_at {{bigint}},
  received_at {{bigint}} NOT NULL
);
CREATE INDEX model_site_activities_site ON model_site_activities (site_id, held_on);

-- One effectiveness assessment a year.
CREATE TABLE model_site_assessments (
  site_id {{bigint}} NOT NULL REFERENCES model_sites(id) ON DELETE CASCADE,
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  rating TEXT NOT NULL CHECK (rating IN ('effective', 'partly_effective', 'ineffective')),
  note TEXT NOT NULL DEFAULT '',
  assessed_on TEXT NOT NULL,
  assessed_by {{bigint}},
  PRIMARY KEY (site_id, year)
);
