-- Paper mailboxes (hòm thư giấy) at the commune office and the villages' cultural houses,
-- each opening of one (by at least two people, with minutes), and which tips came from
-- which opening. The names of the people present are officials acting in office, kept in
-- the clear like the minutes they sign; the letters themselves become sealed tips.
CREATE TABLE mail_boxes (
  id {{id}},
  unit_id {{bigint}} NOT NULL REFERENCES units(id),
  village_id {{bigint}} REFERENCES units(id),
  place TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at {{bigint}} NOT NULL
);
CREATE INDEX mail_boxes_unit ON mail_boxes (unit_id);

CREATE TABLE mail_box_openings (
  id {{id}},
  box_id {{bigint}} NOT NULL REFERENCES mail_boxes(id),
  opened_at {{bigint}} NOT NULL,
  people TEXT NOT NULL,
  letters INTEGER NOT NULL,
  number TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  recorded_by {{bigint}} REFERENCES users(id),
  created_at {{bigint}} NOT NULL
);
CREATE INDEX mail_box_openings_box ON mail_box_openings (box_id, opened_at);

ALTER TABLE tips ADD COLUMN box_opening_id {{bigint}} REFERENCES mail_box_openings(id);
CREATE INDEX tips_box_opening ON tips (box_opening_id);
