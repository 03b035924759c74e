-- Security cameras (issue 10): the last camera number given in each commune, so that the
-- next code ("02545-CAM-0031") costs one row however many cameras the commune has (a
-- 100,000-row sheet without codes would otherwise search the codes once per row). A
-- commune's counter starts from its existing codes the first time it is needed.
CREATE TABLE camera_code_counters (
  unit_id {{bigint}} PRIMARY KEY REFERENCES units(id),
  last_number {{bigint}} NOT NULL
);
