-- PostgreSQL: a GiST index on the boundaries' boxes (core geometric types, no extension).
-- The candidate query in src/modules/units/boundary_repo.cpp repeats this expression
-- exactly, or the planner cannot use the index.
CREATE INDEX unit_boundaries_box ON unit_boundaries USING gist (box(point(min_lon, min_lat), point(max_lon, max_lat)));
