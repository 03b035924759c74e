-- SQLite: an R*Tree over the boundaries' boxes, kept current by triggers. Its bounds are
-- 32-bit floats rounded outward, which is right for finding candidates.
CREATE VIRTUAL TABLE unit_boundary_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
CREATE TRIGGER unit_boundaries_rtree_insert AFTER INSERT ON unit_boundaries
BEGIN
  INSERT INTO unit_boundary_rtree (id, min_lon, max_lon, min_lat, max_lat)
  VALUES (new.unit_id, new.min_lon, new.max_lon, new.min_lat, new.max_lat);
END;
CREATE TRIGGER unit_boundaries_rtree_update AFTER UPDATE ON unit_boundaries
BEGIN
  UPDATE unit_boundary_rtree SET min_lon = new.min_lon, max_lon = new.max_lon, min_lat = new.min_lat,
    max_lat = new.max_lat WHERE id = new.unit_id;
END;
CREATE TRIGGER unit_boundaries_rtree_delete AFTER DELETE ON unit_boundaries
BEGIN
  DELETE FROM unit_boundary_rtree WHERE id = old.unit_id;
END;
