-- The digital mailbox (hòm thư góp ý và tố giác tội phạm).

-- A commune's key pairs (khóa của đơn vị), by version; tips are sealed to the newest.
CREATE TABLE unit_keys (
  id {{id}},
  unit_id {{bigint}} NOT NULL REFERENCES units(id),
  version INTEGER NOT NULL,
  public_key {{blob}} NOT NULL,
  recovery_wrapped {{blob}} NOT NULL,
  -- After a rotation, this version's secret key sealed to the newest version, so that
  -- the newest recovery key opens every version.
  sealed_to_newest {{blob}},
  created_at {{bigint}} NOT NULL,
  UNIQUE (unit_id, version)
);

-- A unit's secret key given to one person: sealed to that person's own public key.
CREATE TABLE unit_key_grants (
  id {{id}},
  unit_key_id {{bigint}} NOT NULL REFERENCES unit_keys(id),
  user_id {{bigint}} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  recipient_public_key {{blob}} NOT NULL,
  sealed_secret {{blob}} NOT NULL,
  granted_by {{bigint}} REFERENCES users(id),
  created_at {{bigint}} NOT NULL,
  UNIQUE (unit_key_id, user_id)
);
CREATE INDEX unit_key_grants_user ON unit_key_grants (user_id);

-- Values that belong to this installation (random at first use), e.g. the salt of
-- receipt derivation.
CREATE TABLE install_secrets (
  name TEXT PRIMARY KEY,
  value {{blob}} NOT NULL
);

-- Tips (tin): the content and the identity are sealed to the commune's key; only the
-- fields needed to sort, count and meet deadlines are in the clear.
CREATE TABLE tips (
  id {{id}},
  unit_id {{bigint}} NOT NULL REFERENCES units(id),
  village_id {{bigint}} REFERENCES units(id),
  unit_key_id {{bigint}} NOT NULL REFERENCES unit_keys(id),
  kind TEXT NOT NULL,
  channel TEXT NOT NULL,
  status TEXT NOT NULL,
  identity_mode TEXT NOT NULL,
  content_sealed {{blob}} NOT NULL,
  identity_sealed {{blob}},
  receipt_lookup TEXT UNIQUE,
  tipster_public_key {{blob}},
  wants_outcome INTEGER NOT NULL DEFAULT 0,
  received_at {{bigint}} NOT NULL,
  deadline_at {{bigint}},
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX tips_unit_status ON tips (unit_id, status);
CREATE INDEX tips_received ON tips (received_at);

-- Who may see a confidential tipster's identity (quyền xem danh tính người tố giác).
ALTER TABLE users ADD COLUMN identity_permission INTEGER NOT NULL DEFAULT 0;

-- Workflow: who is handling a tip, where it was transferred, which tip it repeats.
ALTER TABLE tips ADD COLUMN assignee_id {{bigint}} REFERENCES users(id);
ALTER TABLE tips ADD COLUMN transferred_at {{bigint}};
ALTER TABLE tips ADD COLUMN duplicate_of {{bigint}} REFERENCES tips(id);
ALTER TABLE tips ADD COLUMN closed_at {{bigint}};

-- Each change of status, with its reason sealed to the commune's key.
CREATE TABLE tip_events (
  id {{id}},
  tip_id {{bigint}} NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
  at {{bigint}} NOT NULL,
  actor_id {{bigint}} REFERENCES users(id),
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  unit_key_id {{bigint}} NOT NULL REFERENCES unit_keys(id),
  details_sealed {{blob}} NOT NULL
);
CREATE INDEX tip_events_tip ON tip_events (tip_id);

-- The conversation with the tipster, and officers' internal notes (never shown to the
-- tipster). Each body is sealed to the commune's key; what the tipster may read is also
-- sealed to the tipster's key (derived from the receipt).
CREATE TABLE tip_messages (
  id {{id}},
  tip_id {{bigint}} NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
  author TEXT NOT NULL,
  author_id {{bigint}} REFERENCES users(id),
  internal INTEGER NOT NULL DEFAULT 0,
  unit_key_id {{bigint}} NOT NULL REFERENCES unit_keys(id),
  body_for_unit {{blob}} NOT NULL,
  body_for_tipster {{blob}},
  created_at {{bigint}} NOT NULL
);
CREATE INDEX tip_messages_tip ON tip_messages (tip_id);
