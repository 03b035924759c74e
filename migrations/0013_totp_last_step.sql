-- The last TOTP time step (unix seconds / 30) a user signed in with: a code is accepted
-- once, so a code seen over a shoulder or in a proxy log cannot be used again (RFC 6238
-- §5.2).
ALTER TABLE users ADD COLUMN totp_last_step {{bigint}};
