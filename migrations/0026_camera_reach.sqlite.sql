-- Security cameras (issue 10): the R*Tree holds each camera's reach instead of its point.
--
-- The reach is the box the camera's view can reach: its point ± its range, padded by 1%
-- as geo::box_around pads, with degrees of longitude at the camera's latitude. "Which
-- cameras could have seen this point" then reads only the cameras whose reach holds the
-- point (two or three in a city of 500 cameras per km², not the 60 standing within 200 m);
-- "the cameras within 200 m" reads those whose reach meets that box and measures each.
-- Repeated in 0026_camera_reach.postgres.sql and in src/modules/cameras/repo.cpp.
DROP TRIGGER cameras_rtree_insert;
DROP TRIGGER cameras_rtree_update;
DELETE FROM camera_rtree;
INSERT INTO camera_rtree (id, min_lon, max_lon, min_lat, max_lat)
  SELECT id,
         lon - range_m * 1.01 / (111320.0 * max(0.01, cos(radians(lat)))),
         lon + range_m * 1.01 / (111320.0 * max(0.01, cos(radians(lat)))),
         lat - range_m * 1.01 / 110574.0,
         lat + range_m * 1.01 / 110574.0
  FROM cameras;
CREATE TRIGGER cameras_rtree_insert AFTER INSERT ON cameras
BEGIN
  INSERT INTO camera_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (
    new.id,
    new.lon - new.range_m * 1.01 / (111320.0 * max(0.01, cos(radians(new.lat)))),
    new.lon + new.range_m * 1.01 / (111320.0 * max(0.01, cos(radians(new.lat)))),
    new.lat - new.range_m * 1.01 / 110574.0,
    new.lat + new.range_m * 1.01 / 110574.0);
END;
CREATE TRIGGER cameras_rtree_update AFTER UPDATE OF lon, lat, range_m ON cameras
BEGIN
  UPDATE camera_rtree SET
    min_lon = new.lon - new.range_m * 1.01 / (111320.0 * max(0.01, cos(radians(new.lat)))),
    max_lon = new.lon + new.range_m * 1.01 / (111320.0 * max(0.01, cos(radians(new.lat)))),
    min_lat = new.lat - new.range_m * 1.01 / 110574.0,
    max_lat = new.lat + new.range_m * 1.01 / 110574.0
  WHERE id = new.id;
END;
