-- Security cameras (issue 10): what tells the server's in-memory reach index
-- (src/modules/cameras/reach_index.hpp) which cameras changed since it last looked.
--
-- SQLite in WAL mode makes every reader connection drop its page cache at each commit,
-- and every search commits its audit entry: the R*Tree's pages were read back from the
-- file at each search. The index keeps each camera's point, mounting and range in memory
-- instead; any writer (the server, `antq cameras import` in another process) adds a row
-- here, in commit order (SQLite has one writer), for each camera added, moved, turned or
-- deleted. The index reads the rows past the version it holds.
CREATE TABLE camera_reach_log (
  version INTEGER PRIMARY KEY AUTOINCREMENT,
  camera_id INTEGER NOT NULL
);
CREATE TRIGGER cameras_reach_log_insert AFTER INSERT ON cameras
BEGIN
  INSERT INTO camera_reach_log (camera_id) VALUES (new.id);
END;
CREATE TRIGGER cameras_reach_log_update AFTER UPDATE OF lon, lat, bearing, fov, range_m ON cameras
WHEN new.lon IS NOT old.lon OR new.lat IS NOT old.lat OR new.bearing IS NOT old.bearing OR new.fov IS NOT old.fov
  OR new.range_m IS NOT old.range_m
BEGIN
  INSERT INTO camera_reach_log (camera_id) VALUES (new.id);
END;
CREATE TRIGGER cameras_reach_log_delete AFTER DELETE ON cameras
BEGIN
  INSERT INTO camera_reach_log (camera_id) VALUES (old.id);
END;
-- The log keeps its last 100,000 to 110,000 rows: an index further behind loads again.
CREATE TRIGGER camera_reach_log_prune AFTER INSERT ON camera_reach_log
WHEN new.version % 10000 = 0
BEGIN
  DELETE FROM camera_reach_log WHERE version <= new.version - 100000;
END;
