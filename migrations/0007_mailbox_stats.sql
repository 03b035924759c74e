-- How long a closed tip and its files are kept (thời hạn lưu), per kind, in days after
-- closing. Data, not code: administrators may change it.
CREATE TABLE mailbox_retention (
  kind TEXT PRIMARY KEY,
  days INTEGER NOT NULL
);
INSERT INTO mailbox_retention (kind, days) VALUES ('denunciation', 365);
INSERT INTO mailbox_retention (kind, days) VALUES ('crime_report', 365);
INSERT INTO mailbox_retention (kind, days) VALUES ('security_report', 365);
INSERT INTO mailbox_retention (kind, days) VALUES ('suggestion', 365);

-- Officers mark what a tip was worth, for the reports: useful (có giá trị) and whether a
-- case was solved thanks to it (phá án nhờ tin).
ALTER TABLE tips ADD COLUMN useful INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tips ADD COLUMN solved_case INTEGER NOT NULL DEFAULT 0;

-- What remains of purged tips: counts only, for statistics.
CREATE TABLE tip_purged_counts (
  id {{id}},
  unit_id {{bigint}} NOT NULL REFERENCES units(id),
  village_id {{bigint}} REFERENCES units(id),
  received_at {{bigint}} NOT NULL,
  kind TEXT NOT NULL,
  channel TEXT NOT NULL,
  final_status TEXT NOT NULL,
  useful INTEGER NOT NULL,
  solved_case INTEGER NOT NULL,
  transferred INTEGER NOT NULL,
  transfer_ms {{bigint}},
  overdue INTEGER NOT NULL,
  purged_at {{bigint}} NOT NULL
);
CREATE INDEX tip_purged_counts_unit ON tip_purged_counts (unit_id, received_at);
