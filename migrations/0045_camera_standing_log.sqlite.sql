-- Security cameras (issue 10): the reach log of 0044 also names the cameras whose
-- commune, retention, sharing or status history changed. The in-memory reach index
-- (src/modules/cameras/reach_index.hpp) keeps those beside each camera's reach, so that a
-- search reads only the rows of the cameras it lists: every commit makes SQLite's readers
-- drop their page caches, and each camera kept cost a dozen pages read back (its row, its
-- commune's path, its status then).
DROP TRIGGER cameras_reach_log_update;
CREATE TRIGGER cameras_reach_log_update
AFTER UPDATE OF lon, lat, bearing, fov, range_m, unit_id, retention_days, sharing ON cameras
WHEN new.lon IS NOT old.lon OR new.lat IS NOT old.lat OR new.bearing IS NOT old.bearing OR new.fov IS NOT old.fov
  OR new.range_m IS NOT old.range_m OR new.unit_id IS NOT old.unit_id
  OR new.retention_days IS NOT old.retention_days OR new.sharing IS NOT old.sharing
BEGIN
  INSERT INTO camera_reach_log (camera_id) VALUES (new.id);
END;
CREATE TRIGGER camera_status_history_log_insert AFTER INSERT ON camera_status_history
BEGIN
  INSERT INTO camera_reach_log (camera_id) VALUES (new.camera_id);
END;
CREATE TRIGGER camera_status_history_log_update AFTER UPDATE ON camera_status_history
BEGIN
  INSERT INTO camera_reach_log (camera_id) VALUES (old.camera_id);
  INSERT INTO camera_reach_log (camera_id) SELECT new.camera_id WHERE new.camera_id IS NOT old.camera_id;
END;
CREATE TRIGGER camera_status_history_log_delete AFTER DELETE ON camera_status_history
BEGIN
  INSERT INTO camera_reach_log (camera_id) VALUES (old.camera_id);
END;
