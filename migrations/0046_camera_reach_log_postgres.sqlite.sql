-- Security cameras (issue 10): nothing on SQLite, whose reach log is 0044 and 0045. The
-- PostgreSQL file of this number adds the same log there.
SELECT 1;
