-- PostgreSQL: an SP-GiST index on the cameras' points (core `point` type, no extension).
-- The candidate query in src/modules/cameras/repo.cpp repeats this expression exactly.
CREATE INDEX cameras_point ON cameras USING spgist (point(lon, lat));
