-- Community (issue 11): the model counts read the cameras' and paper boxes' sites by
-- `COALESCE(village_id, unit_id)` (camera_model_sites, mailbox_model_sites, migration 0034),
-- which no index served: PostgreSQL compared every camera with every unit of the province
-- (20,000 cameras × 2,952 units, 1.4 s; docs/performance.md, "Community"). An index on the
-- same expression turns the scope's id list into index lookups on both databases.
CREATE INDEX cameras_site_unit ON cameras ((COALESCE(village_id, unit_id)));
CREATE INDEX mail_boxes_site_unit ON mail_boxes ((COALESCE(village_id, unit_id)));
