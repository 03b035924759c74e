-- Security cameras (issue 10): owners register their cameras themselves on the portal.
--
-- A portal registration waits for an officer (`confirmed` 0) and is left out of the
-- coverage until confirmed; cameras registered by staff are confirmed from the start.
ALTER TABLE cameras ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 1;
CREATE INDEX cameras_unconfirmed ON cameras (unit_id) WHERE confirmed = 0;

-- The owner's consent to keep the camera and the contact on record: when, how (on the
-- portal, to an officer, on paper) and to which wording of the consent text.
CREATE TABLE camera_consents (
  camera_id {{bigint}} PRIMARY KEY REFERENCES cameras(id) ON DELETE CASCADE,
  given_at {{bigint}} NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('portal', 'officer', 'paper')),
  text_version TEXT NOT NULL
);

-- The owner's management code (mã quản lý), 16 digits shown once at registration: only an
-- Argon2id-derived value is kept, as for the mailbox's receipts. It goes with the camera.
CREATE TABLE camera_manage_codes (
  camera_id {{bigint}} PRIMARY KEY REFERENCES cameras(id) ON DELETE CASCADE,
  lookup {{blob}} NOT NULL UNIQUE,
  created_at {{bigint}} NOT NULL
);

-- The cameras' own installation secrets (the management codes' salt and Argon2id limits),
-- apart from the mailbox's install_secrets.
CREATE TABLE camera_secrets (
  name TEXT PRIMARY KEY,
  value {{blob}} NOT NULL
);
