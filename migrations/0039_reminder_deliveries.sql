-- Reminders (issue 11): which item each user has been told about, so that nobody gets
-- the same reminder twice. An item's key names the thing and the date it is about
-- ("ext-expiring:<extinguisher>:<expires_on>", "no-drill:<group>:<year>",
-- "grading:<commune>:<year>", "reconfirm:<camera>:<due>"): a new expiry is a new item.
CREATE TABLE reminder_deliveries (
  item_key TEXT NOT NULL,
  user_id {{bigint}} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  told_at {{bigint}} NOT NULL,
  PRIMARY KEY (item_key, user_id)
);
