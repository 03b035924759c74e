-- Community (issue 11): the read-model views of migration 0034 give each row its model type
-- and number keys, so the model counts read them with no join and group numbers, not
-- strings. The columns are now
--   (type_id, site_key, unit_id, team_key, from_on, until_on)
-- where an automatic source's type is looked up once per statement (a scalar subquery on
-- model_types.source, NULL when the type is gone: its rows are then not counted), and
-- `site_key` and `team_key` are numbers unique within their type: a manual site's and
-- team's ids, a fire-safety site's village id and its groups' ids, a security team's id
-- (site and team), a camera site's unit id, a paper box's id and a commune's digital
-- mailbox as its unit id negated. On PostgreSQL a province's counts went from ~115 to
-- ~75 ms in the database (docs/performance.md, "Community"). The owners and their rules are
-- those of 0034, unchanged.
DROP VIEW model_site_directory;
DROP VIEW manual_model_sites;
DROP VIEW fire_group_model_sites;
DROP VIEW security_team_model_sites;
DROP VIEW camera_model_sites;
DROP VIEW mailbox_model_sites;

-- Owned by community (Models, models.hpp): a manual site, on its own unit and, for a
-- linked site, on each other unit from the day it joined; its teams on its own unit.
CREATE VIEW manual_model_sites AS
  SELECT s.type_id, s.id AS site_key, s.unit_id, CAST(NULL AS {{bigint}}) AS team_key,
         s.launched_on AS from_on, s.ended_on AS until_on
    FROM model_sites s
  UNION ALL
  SELECT s.type_id, s.id, s.unit_id, t.id,
         CASE WHEN t.founded_on > s.launched_on THEN t.founded_on ELSE s.launched_on END,
         CASE WHEN s.ended_on IS NULL THEN t.ended_on
              WHEN t.ended_on IS NULL OR t.ended_on > s.ended_on THEN s.ended_on ELSE t.ended_on END
    FROM model_sites s JOIN model_teams t ON t.site_id = s.id
  UNION ALL
  SELECT s.type_id, s.id, su.unit_id, NULL, su.joined_on, s.ended_on
    FROM model_sites s JOIN model_site_units su ON su.site_id = s.id;

-- Owned by community (FireGroups, fire_groups.hpp): a village with fire-safety groups is
-- one site, each group one of its teams; a group runs from its founding (unknown: always)
-- until its dissolution day.
CREATE VIEW fire_group_model_sites AS
  SELECT (SELECT id FROM model_types WHERE source = 'fire_groups') AS type_id, g.village_id AS site_key,
         g.village_id AS unit_id, g.id AS team_key, COALESCE(g.founded_on, '0000-01-01') AS from_on,
         g.dissolved_on AS until_on
    FROM fire_groups g;

-- Owned by community (Teams, teams.hpp): each security team is one site and one team, on
-- each of its villages, from its founding (unknown: always) until its dissolution day.
CREATE VIEW security_team_model_sites AS
  SELECT (SELECT id FROM model_types WHERE source = 'security_teams') AS type_id, t.id AS site_key,
         tv.village_id AS unit_id, t.id AS team_key, COALESCE(t.founded_on, '0000-01-01') AS from_on,
         t.dissolved_on AS until_on
    FROM security_teams t JOIN security_team_villages tv ON tv.team_id = t.id;

-- Owned by cameras (cameras/service.hpp): a village (else the commune) with a confirmed
-- camera that is not removed is one site, with no team, from the first one's installation
-- (unknown: always). A removed camera counts for no day (its removal day is in its
-- history; the count is of today's registry).
CREATE VIEW camera_model_sites AS
  SELECT (SELECT id FROM model_types WHERE source = 'cameras') AS type_id,
         COALESCE(c.village_id, c.unit_id) AS site_key, COALESCE(c.village_id, c.unit_id) AS unit_id,
         CAST(NULL AS {{bigint}}) AS team_key, COALESCE(c.installed_on, '0000-01-01') AS from_on,
         CAST(NULL AS TEXT) AS until_on
    FROM cameras c WHERE c.confirmed = 1 AND c.status <> 'removed';
