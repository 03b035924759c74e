-- SQLite: an R*Tree over the cameras' points (a box of no size), kept current by triggers.
CREATE VIRTUAL TABLE camera_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
CREATE TRIGGER cameras_rtree_insert AFTER INSERT ON cameras
BEGIN
  INSERT INTO camera_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (new.id, new.lon, new.lon, new.lat, new.lat);
END;
CREATE TRIGGER cameras_rtree_update AFTER UPDATE OF lon, lat ON cameras
BEGIN
  UPDATE camera_rtree SET min_lon = new.lon, max_lon = new.lon, min_lat = new.lat, max_lat = new.lat WHERE id = new.id;
END;
CREATE TRIGGER cameras_rtree_delete AFTER DELETE ON cameras
BEGIN
  DELETE FROM camera_rtree WHERE id = old.id;
END;
