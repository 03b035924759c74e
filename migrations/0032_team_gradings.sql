-- Community (issue 11): the yearly grading of village security team members (xếp loại
-- Tổ bảo vệ ANTT, Thông tư 14/2024/TT-BCA): year Y runs 15/11/(Y−1)–14/11/Y and is graded
-- from 01/11/Y to 31/01/(Y+1). "Xuất sắc" is at most 20% of those graded "tốt" or better
-- across a commune's teams, so the year's state is kept per commune: a draft may break
-- the quota (the page shows the numbers), finalising may not, and a final year is read
-- only until reopened with a reason.
CREATE TABLE team_gradings (
  commune_id {{bigint}} NOT NULL REFERENCES units(id),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
  finalised_at {{bigint}},
  finalised_by {{bigint}},
  reopen_reason TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (commune_id, year)
);

CREATE TABLE team_member_grades (
  member_id {{bigint}} NOT NULL REFERENCES security_team_members(id) ON DELETE CASCADE,
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  team_id {{bigint}} NOT NULL REFERENCES security_teams(id) ON DELETE CASCADE,
  grade TEXT NOT NULL CHECK (grade IN ('excellent', 'good', 'complete', 'incomplete')),
  note TEXT NOT NULL DEFAULT '',
  graded_by {{bigint}},
  graded_at {{bigint}} NOT NULL,
  PRIMARY KEY (member_id, year)
);
CREATE INDEX team_member_grades_team ON team_member_grades (team_id, year);
