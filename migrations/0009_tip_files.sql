-- Files sent with a tip (tệp đính kèm): each encrypted with its own key in a secret stream
-- of chunks; the key and the file's name and type are sealed to the commune's key. A file
-- is staged (tip_id NULL, no key stored) while its upload is being read, then attached
-- to its tip in the tip's own transaction; staged files left behind are swept.
CREATE TABLE tip_files (
  id {{id}},
  tip_id {{bigint}} REFERENCES tips(id),
  unit_key_id {{bigint}} REFERENCES unit_keys(id),
  key_sealed {{blob}},
  meta_sealed {{blob}},
  header {{blob}} NOT NULL,
  size {{bigint}} NOT NULL DEFAULT 0,
  chunks INTEGER NOT NULL DEFAULT 0,
  author TEXT NOT NULL DEFAULT 'tipster',
  created_at {{bigint}} NOT NULL
);
CREATE INDEX tip_files_tip ON tip_files (tip_id);

CREATE TABLE tip_file_chunks (
  file_id {{bigint}} NOT NULL REFERENCES tip_files(id),
  seq INTEGER NOT NULL,
  data {{blob}} NOT NULL,
  PRIMARY KEY (file_id, seq)
);
