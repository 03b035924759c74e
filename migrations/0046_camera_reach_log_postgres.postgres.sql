-- Security cameras (issue 10): the reach log of 0044 and 0045 on PostgreSQL too, so that
-- the server's in-memory reach index (src/modules/cameras/reach_index.hpp) answers
-- PostgreSQL's searches as it answers SQLite's: each search then asks the server for the
-- log's version and the rows of the cameras it lists, where it made PostgreSQL walk the
-- GiST index of 0026 and read every kept camera's row, commune and status then (the
-- index stays, for the searches along a route).
--
-- The log names each camera added, moved, turned, narrowed, moved to another commune,
-- given another retention or sharing, or deleted, and each whose status history changed.
-- A sequence hands out numbers in the order they are asked for, not in the order their
-- transactions commit: a reader could see version 12 committed while 11 is not yet, and
-- never read 11. So the log's writers take turns (a transaction-level advisory lock,
-- held until they commit or roll back) before they take a version: whoever sees a
-- version sees every smaller one. Camera writes are few; an import holds the turn for
-- its one transaction.
CREATE TABLE camera_reach_log (
  version bigserial PRIMARY KEY,
  camera_id bigint NOT NULL
);

-- The key of the log's turn: any number no other advisory lock of antq uses.
CREATE FUNCTION camera_reach_log_turn() RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(4471046, 1);
$$;

CREATE FUNCTION cameras_reach_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM camera_reach_log_turn();
  IF TG_OP = 'INSERT' THEN
    INSERT INTO camera_reach_log (camera_id) SELECT id FROM new_rows ORDER BY id;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO camera_reach_log (camera_id) SELECT id FROM old_rows ORDER BY id;
  ELSE
    INSERT INTO camera_reach_log (camera_id)
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.lon, n.lat, n.bearing, n.fov, n.range_m, n.unit_id, n.retention_days, n.sharing)
          IS DISTINCT FROM (o.lon, o.lat, o.bearing, o.fov, o.range_m, o.unit_id, o.retention_days, o.sharing)
    ORDER BY n.id;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER cameras_reach_log_insert AFTER INSERT ON cameras
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cameras_reach_log();
CREATE TRIGGER cameras_reach_log_update AFTER UPDATE ON cameras
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cameras_reach_log();
CREATE TRIGGER cameras_reach_log_delete AFTER DELETE ON cameras
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cameras_reach_log();

CREATE FUNCTION camera_status_history_reach_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM camera_reach_log_turn();
  IF TG_OP = 'INSERT' THEN
    INSERT INTO camera_reach_log (camera_id) SELECT DISTINCT camera_id FROM new_rows ORDER BY camera_id;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO camera_reach_log (camera_id) SELECT DISTINCT camera_id FROM old_rows ORDER BY camera_id;
  ELSE
    INSERT INTO camera_reach_log (camera_id)
    SELECT camera_id FROM old_rows UNION SELECT camera_id FROM new_rows ORDER BY camera_id;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER camera_status_history_log_insert AFTER INSERT ON camera_status_history
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION camera_status_history_reach_log();
CREATE TRIGGER camera_status_history_log_update AFTER UPDATE ON camera_status_history
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION camera_status_history_reach_log();
CREATE TRIGGER camera_status_history_log_delete AFTER DELETE ON camera_status_history
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION camera_status_history_reach_log();

-- The log keeps its last 100,000 to 110,000 rows, as on SQLite: an index further behind
-- loads again.
CREATE FUNCTION camera_reach_log_prune() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM camera_reach_log WHERE version <= new.version - 100000;
  RETURN NULL;
END;
$$;
CREATE TRIGGER camera_reach_log_prune AFTER INSERT ON camera_reach_log
  FOR EACH ROW WHEN (new.version % 10000 = 0) EXECUTE FUNCTION camera_reach_log_prune();
