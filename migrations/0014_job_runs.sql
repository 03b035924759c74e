-- Scheduled jobs (the daily mailbox purge; reminders and reports later): one row per job
-- and slot (the local day it is due). The instance that inserts the row holds it as a
-- lease and runs the job; with several instances on one database each run happens once.
-- A lease left unfinished past lease_until (the instance died) may be taken over.
CREATE TABLE job_runs (
  job TEXT NOT NULL,
  slot TEXT NOT NULL,
  instance TEXT NOT NULL,
  started_at {{bigint}} NOT NULL,
  lease_until {{bigint}} NOT NULL,
  finished_at {{bigint}},
  outcome TEXT,
  detail TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (job, slot)
);
