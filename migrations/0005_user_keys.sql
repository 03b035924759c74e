-- Each staff member's own X25519 key pair (khóa cá nhân). The secret key is stored only
-- wrapped under a key derived from the password (Argon2id, own salt); at sign-in it is
-- unwrapped into the session, encrypted there under a secret that only the session
-- cookie carries. Keys of communes are given to people by sealing them to these keys.
ALTER TABLE users ADD COLUMN box_public_key {{blob}};
ALTER TABLE users ADD COLUMN box_secret_wrapped {{blob}};
ALTER TABLE users ADD COLUMN box_salt {{blob}};
ALTER TABLE sessions ADD COLUMN box_secret_sealed {{blob}};
