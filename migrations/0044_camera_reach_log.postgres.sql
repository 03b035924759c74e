-- Security cameras (issue 10): nothing on PostgreSQL. The SQLite file of this number adds
-- the log of camera changes that the in-memory reach index follows there; on PostgreSQL
-- the reach stays in its GiST index (0026), whose pages stay in the shared buffers.
SELECT 1;
