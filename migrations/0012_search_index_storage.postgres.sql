-- The search index segment is encrypted (incompressible) and large: store it out of line
-- without trying to compress it.
ALTER TABLE tip_search_index ALTER COLUMN segment SET STORAGE EXTERNAL;
