-- Security cameras (issue 10): owners' contacts, sealed, and what stays of a camera whose
-- owner withdrew consent.
--
-- The key that seals personal data lives in a file outside the database
-- ([privacy] key_file); `sealing_keys` keeps only its fingerprint, so that a server
-- started with another key refuses to start instead of sealing new data under it.
CREATE TABLE sealing_keys (
  name TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  created_at {{bigint}} NOT NULL
);

-- A camera owner's name, phone and address, sealed together; `phone_lookup` is a keyed
-- hash of the phone's digits (finding an owner's cameras without opening every record).
CREATE TABLE camera_owners (
  camera_id {{bigint}} PRIMARY KEY REFERENCES cameras(id) ON DELETE CASCADE,
  sealed {{blob}} NOT NULL,
  phone_lookup {{blob}},
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX camera_owners_phone ON camera_owners (phone_lookup);

-- A camera erased when its owner withdrew consent: no personal data, only that it was.
CREATE TABLE camera_tombstones (
  id {{id}},
  camera_code TEXT NOT NULL,
  unit_id {{bigint}} NOT NULL,
  owner_kind TEXT NOT NULL,
  erased_at {{bigint}} NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('officer', 'portal')),
  erased_by {{bigint}}
);
CREATE INDEX camera_tombstones_unit ON camera_tombstones (unit_id);
