-- Security cameras (issue 10): the spatial index holds each camera's reach instead of its
-- point: its point ± its range, padded by 1% as geo::box_around pads, with degrees of
-- longitude at the camera's latitude (see 0026_camera_reach.sqlite.sql for why). A GiST
-- index on the core `box` type, no extension needed. The candidate query in
-- src/modules/cameras/repo.cpp repeats this expression exactly.
DROP INDEX cameras_point;
CREATE INDEX cameras_reach ON cameras USING gist (
  box(point(lon - range_m * 1.01 / (111320.0 * greatest(0.01, cos(radians(lat)))), lat - range_m * 1.01 / 110574.0),
      point(lon + range_m * 1.01 / (111320.0 * greatest(0.01, cos(radians(lat)))), lat + range_m * 1.01 / 110574.0)));
