-- Notifications (issue 11, reminders): an outbox of messages to staff, each on one channel
-- (the log, a webhook, an SMS through a gammu-smsd spool folder), sent by whichever
-- instance leases it first and retried with back-off (modules/notify). The dedupe key
-- ("reminder:2026-12-02:<user>:<channel>") makes queuing the same message twice a no-op.
-- Every attempt is kept, with what the channel answered.
CREATE TABLE notifications (
  id {{id}},
  dedupe_key TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL CHECK (channel IN ('log', 'webhook', 'sms')),
  user_id {{bigint}} REFERENCES users(id) ON DELETE SET NULL,
  address TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at {{bigint}} NOT NULL,
  lease_owner TEXT,
  lease_until {{bigint}},
  last_error TEXT NOT NULL DEFAULT '',
  created_at {{bigint}} NOT NULL,
  sent_at {{bigint}}
);
CREATE INDEX notifications_due ON notifications (status, next_attempt_at);
CREATE INDEX notifications_of_user ON notifications (user_id, created_at);

CREATE TABLE notification_attempts (
  notification_id {{bigint}} NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  attempt INTEGER NOT NULL,
  at {{bigint}} NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'retry', 'permanent')),
  detail TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (notification_id, attempt)
);
