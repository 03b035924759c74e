-- Community (issue 11, plan D5): the model counts every report needs (per model type, the
-- sites and teams of a unit on a day) come from one query over read-model views, one per
-- owner, each with the columns
--   (source, site_key, unit_id, team_key, from_on, until_on)
-- one row per team of a site on a unit, or per site with no team (team_key NULL). A site
-- runs from `from_on` until the day before `until_on` (NULL: still running); a row counts
-- on a day when its site runs that day. Sites are counted as distinct `site_key`, teams as
-- distinct `team_key`. Each view is its owner's rule (0015_read_models.sql): a change of a
-- rule is one migration redefining that view, nothing copied.

-- Owned by community (Models, models.hpp): a manual site, on its own unit and, for a
-- linked site, on each other unit from the day it joined; its teams on its own unit.
CREATE VIEW manual_model_sites AS
  SELECT CAST(NULL AS TEXT) AS source, s.type_id, 'ms:' || s.id AS site_key, s.unit_id,
         CAST(NULL AS TEXT) AS team_key, s.launched_on AS from_on, s.ended_on AS until_on
    FROM model_sites s
  UNION ALL
  SELECT NULL, s.type_id, 'ms:' || s.id, s.unit_id, 'mt:' || t.id,
         CASE WHEN t.founded_on > s.launched_on THEN t.founded_on ELSE s.launched_on END,
         CASE WHEN s.ended_on IS NULL THEN t.ended_on
              WHEN t.ended_on IS NULL OR t.ended_on > s.ended_on THEN s.ended_on ELSE t.ended_on END
    FROM model_sites s JOIN model_teams t ON t.site_id = s.id
  UNION ALL
  SELECT NULL, s.type_id, 'ms:' || s.id, su.unit_id, NULL, su.joined_on, s.ended_on
    FROM model_sites s JOIN model_site_units su ON su.site_id = s.id;

-- Owned by community (FireGroups, fire_groups.hpp): a village with fire-safety groups is
-- one site, each group one of its teams; a group runs from its founding (unknown: always)
-- until its dissolution day.
CREATE VIEW fire_group_model_sites AS
  SELECT 'fire_groups' AS source, CAST(NULL AS {{bigint}}) AS type_id, 'fg:' || g.village_id AS site_key,
         g.village_id AS unit_id, 'fgt:' || g.id AS team_key, COALESCE(g.founded_on, '0000-01-01') AS from_on,
         g.dissolved_on AS until_on
    FROM fire_groups g;

-- Owned by community (Teams, teams.hpp): each security team is one site and one team, on
-- each of its villages, from its founding (unknown: always) until its dissolution day.
CREATE VIEW security_team_model_sites AS
  SELECT 'security_teams' AS source, CAST(NULL AS {{bigint}}) AS type_id, 'st:' || t.id AS site_key,
         tv.village_id AS unit_id, 'stt:' || t.id AS team_key, COALESCE(t.founded_on, '0000-01-01') AS from_on,
         t.dissolved_on AS until_on
    FROM security_teams t JOIN security_team_villages tv ON tv.team_id = t.id;

-- Owned by cameras (cameras/service.hpp): a village (else the commune) with a confirmed
-- camera that is not removed is one site, with no team, from the first one's installation
-- (unknown: always). A removed camera counts for no day (its removal day is in its
-- history; the count is of today's registry).
CREATE VIEW camera_model_sites AS
  SELECT 'cameras' AS source, CAST(NULL AS {{bigint}}) AS type_id,
         'cam:' || COALESCE(c.village_id, c.unit_id) AS site_key, COALESCE(c.village_id, c.unit_id) AS unit_id,
         CAST(NULL AS TEXT) AS team_key, COALESCE(c.installed_on, '0000-01-01') AS from_on,
         CAST(NULL AS TEXT) AS until_on
    FROM cameras c WHERE c.confirmed = 1 AND c.status <> 'removed';
