-- Unit boundaries (issue 9): one MultiPolygon per unit, as canonical GeoJSON (WGS84,
-- [longitude, latitude]), with its bounding box for the spatial index (SQLite R*Tree in
-- 0017_unit_boundaries.sqlite.sql, a PostgreSQL GiST index in .postgres.sql), the number
-- of positions, and the SHA-256 of the GeoJSON (the ETag, and "unchanged" on re-import).
CREATE TABLE unit_boundaries (
  unit_id {{bigint}} PRIMARY KEY REFERENCES units(id),
  geometry TEXT NOT NULL,
  min_lon {{double}} NOT NULL,
  min_lat {{double}} NOT NULL,
  max_lon {{double}} NOT NULL,
  max_lat {{double}} NOT NULL,
  points INTEGER NOT NULL,
  hash TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  updated_at {{bigint}} NOT NULL
);
