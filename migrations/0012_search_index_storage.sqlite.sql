-- SQLite stores blobs as they are: nothing to change (see the PostgreSQL variant).
SELECT 1;
