-- Community (issue 11): each household keeps the latest year it registered in
-- (`registered_year`, a copy kept by households_repo::put_registration), so that "registered
-- in year Y" is read from the `households_present` index alone for the year being built:
-- registered_year = Y answers yes, a smaller year or none answers no, and only a larger year
-- (a report on a past year) looks the registration up. On PostgreSQL a commune's share
-- probed household_registrations once for each of its ~4,000 households (docs/performance.md,
-- "Community").
ALTER TABLE households ADD COLUMN registered_year INTEGER;
UPDATE households SET registered_year =
  (SELECT max(r.year) FROM household_registrations r WHERE r.household_id = households.id);
DROP INDEX households_present;
CREATE INDEX households_present ON households (village_id, id, since_on, left_on, registered_year);
