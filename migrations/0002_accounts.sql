-- Staff accounts: one role each, scoped to the subtree of one unit.
CREATE TABLE users (
  id {{id}},
  username TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  full_name_folded TEXT NOT NULL,
  role TEXT NOT NULL,
  unit_id {{bigint}} NOT NULL REFERENCES units(id),
  password_hash TEXT NOT NULL,
  locale TEXT NOT NULL DEFAULT 'vi',
  disabled INTEGER NOT NULL DEFAULT 0,
  totp_secret TEXT,
  totp_pending TEXT,
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);

-- One-time TOTP recovery codes, stored as BLAKE2b hashes (they carry 60+ bits).
CREATE TABLE recovery_codes (
  id {{id}},
  user_id {{bigint}} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  used_at {{bigint}}
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

-- Server-side sessions: the cookie carries a random token, the table only its hash,
-- so that several instances sharing one database can serve the same user.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id {{bigint}} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at {{bigint}} NOT NULL,
  expires_at {{bigint}} NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
