-- Change notices (issue 10): PostgreSQL tells every antq connection when cameras or units
-- changed, so that a server keeping them in memory (the reach index, the units' scopes)
-- looks at their versions only then, not at every search. Each connection LISTENs on
-- antq_changed (src/platform/db/postgres/postgres_database.cpp); a transaction that wrote
-- its own changes finds its notice when it commits, so this process's writes show at
-- once, another process's as soon as any connection of this one reads again, and within a
-- second at the latest (db::Recheck). A transaction's notices with the same text are sent
-- once, when it commits; none when it rolls back.

-- Every statement that writes the reach log takes this turn first (0046).
CREATE OR REPLACE FUNCTION camera_reach_log_turn() RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(4471046, 1);
  SELECT pg_notify('antq_changed', 'cameras');
$$;

CREATE FUNCTION units_version_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('antq_changed', 'units');
  RETURN NULL;
END;
$$;
CREATE TRIGGER units_version_notice AFTER UPDATE ON units_version
  FOR EACH STATEMENT EXECUTE FUNCTION units_version_notice();
