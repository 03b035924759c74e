-- A counter bumped by every change to units, in the same transaction: readers cache the
-- unit tree and know from one row whether their copy is still current, even when
-- several instances share one PostgreSQL.
CREATE TABLE units_version (
  id INTEGER PRIMARY KEY,
  version {{bigint}} NOT NULL
);
INSERT INTO units_version (id, version) VALUES (1, 1);
