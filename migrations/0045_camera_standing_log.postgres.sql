-- Security cameras (issue 10): nothing on PostgreSQL. The SQLite file of this number makes
-- the reach log of 0044 name the cameras whose commune, retention, sharing or status
-- history changed too; PostgreSQL has no reach log.
SELECT 1;
