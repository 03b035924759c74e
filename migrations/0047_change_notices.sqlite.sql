-- Change notices (issue 10): nothing on SQLite, where a reader knows this process's
-- commits by counting them (db::Recheck). The PostgreSQL file of this number adds them.
SELECT 1;
