-- Owned by the mailbox (mailbox/boxes.hpp): each active paper box is one site on its
-- village (else its commune) from the day it was set up, and a commune's digital mailbox
-- one site from the day its first key was made; no teams. Days are Vietnam's (UTC+7).
CREATE VIEW mailbox_model_sites AS
  SELECT (SELECT id FROM model_types WHERE source = 'mailbox') AS type_id, b.id AS site_key,
         COALESCE(b.village_id, b.unit_id) AS unit_id, CAST(NULL AS INTEGER) AS team_key,
         date(b.created_at / 1000, 'unixepoch', '+7 hours') AS from_on, CAST(NULL AS TEXT) AS until_on
    FROM mail_boxes b WHERE b.active = 1
  UNION ALL
  SELECT (SELECT id FROM model_types WHERE source = 'mailbox'), -k.unit_id, k.unit_id, NULL,
         date(min(k.created_at) / 1000, 'unixepoch', '+7 hours'), NULL
    FROM unit_keys k GROUP BY k.unit_id;

-- Every model site of every type: what Models::counts reads.
CREATE VIEW model_site_directory AS
  SELECT * FROM manual_model_sites UNION ALL SELECT * FROM fire_group_model_sites
  UNION ALL SELECT * FROM security_team_model_sites UNION ALL SELECT * FROM camera_model_sites
  UNION ALL SELECT * FROM mailbox_model_sites;
