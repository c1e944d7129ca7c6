-- name: create_migrations_table
-- The ledger of applied migrations; created before the lock so a fresh database can be locked.
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     integer PRIMARY KEY,
    name        text        NOT NULL,
    checksum    text        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
);

-- name: lock
-- Serialises concurrent `migrate` runs on one database; released at session end.
SELECT pg_advisory_lock($1);

-- name: unlock
-- Releases the lock taken by `lock`.
SELECT pg_advisory_unlock($1);

-- name: applied_versions
-- Versions already applied, with the checksum recorded when they were.
SELECT version, name, checksum FROM schema_migrations ORDER BY version;

-- name: record_version
-- Records one applied migration inside the migration's own transaction.
INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3);

-- name: ledger_exists
-- Whether any migration was ever applied here; `rollback` must not create the ledger.
SELECT to_regclass('schema_migrations') IS NOT NULL;

-- name: delete_version
-- Forgets one migration inside the transaction that runs its down part.
DELETE FROM schema_migrations WHERE version = $1;
