-- Community (issue 11): the `households_present` index also holds each household's fire
-- group, so that the share of households in a group per village (fire_repo::coverage) is
-- read from the index alone. On PostgreSQL a commune's coverage read ~160 table pages for
-- its ~4,000 households; from the index it reads ~100 index pages and takes half the time
-- (docs/performance.md, "Community").
DROP INDEX households_present;
CREATE INDEX households_present ON households (village_id, id, since_on, left_on, registered_year, fire_group_id);
