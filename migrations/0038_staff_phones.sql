-- Staff phones (issue 11, reminders): a staff member's number in E.164 ('' = none), made
-- so from what was typed (platform/text/phone), and whether they take reminders by SMS
-- (mobiles only; the service refuses it otherwise).
ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN sms_opt_in INTEGER NOT NULL DEFAULT 0;
