-- Read models: what a module lets other modules' SQL read of its tables. Another module
-- joins these views, never the tables behind them, so the owner may reshape its tables
-- as long as it keeps the view's columns. Both are plain projections: PostgreSQL and
-- SQLite fold them into the query, so a join costs what a join on the table costs.

-- Owned by the units module (see src/modules/units/service.hpp): every unit, current or
-- historical, with its name, kind code and materialized path ("/1/7/42/", for
-- ANTQ_UNIT_IN_SUBTREE).
CREATE VIEW unit_directory AS
  SELECT id, name, kind, path FROM units;

-- Owned by the accounts module (see src/modules/accounts/service.hpp): every account's
-- user name and full name, disabled ones included (they still sign old records).
CREATE VIEW staff_directory AS
  SELECT id, username, full_name FROM users;
