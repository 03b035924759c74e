-- Security cameras (issue 10): a commune's roads, imported from GeoJSON lines, for the
-- share of road length the working cameras see. A commune's roads are replaced whole by
-- each import; a MultiLineString is kept as one row per line, under the same name.
CREATE TABLE camera_roads (
  id {{id}},
  unit_id {{bigint}} NOT NULL REFERENCES units(id),
  name TEXT NOT NULL,
  geometry TEXT NOT NULL,
  length_m {{double}} NOT NULL CHECK (length_m >= 0),
  min_lon {{double}} NOT NULL,
  min_lat {{double}} NOT NULL,
  max_lon {{double}} NOT NULL,
  max_lat {{double}} NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL DEFAULT '',
  imported_at {{bigint}} NOT NULL
);
CREATE INDEX camera_roads_unit ON camera_roads (unit_id, id);
