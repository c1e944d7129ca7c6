-- name: lock_partitions
-- Serialises partition changes across workers for the rest of the transaction.
SELECT pg_advisory_xact_lock($1);

-- name: try_lock_retention
-- One worker at a time drops expired days; the others skip (held until unlock_retention).
SELECT pg_try_advisory_lock($1);

-- name: unlock_retention
-- Releases try_lock_retention's lock.
SELECT pg_advisory_unlock($1);

-- name: set_lock_timeout
-- How long partition DDL waits for a lock before it gives up (and is retried): a DDL waiting in
-- the lock queue would make every later read and COPY of logs queue behind it.
SELECT set_config('lock_timeout', $1, true);

-- name: ensure_day
-- Creates and attaches the partition of a UTC day unless it exists; true when created.
SELECT ensure_log_day($1::date);

-- name: list_days
-- The day partitions of logs (named logs_dYYYYMMDD), with whether a concurrent detach of one was
-- interrupted (it then has to be finalised before it can be dropped).
SELECT c.relname AS name, i.inhdetachpending AS detach_pending
FROM pg_inherits AS i
JOIN pg_class AS c ON c.oid = i.inhrelid
WHERE i.inhparent = 'logs'::regclass AND c.relname ~ '^logs_d[0-9]{8}$'
ORDER BY c.relname;

-- name: detach_statement
-- The statement detaching one partition without blocking reads and writes of logs; built here
-- so the name is quoted by format(). It cannot run in a transaction block, hence not a function.
SELECT format('ALTER TABLE logs DETACH PARTITION %I CONCURRENTLY', $1::text);

-- name: finalize_statement
-- Completes a concurrent detach that was interrupted.
SELECT format('ALTER TABLE logs DETACH PARTITION %I FINALIZE', $1::text);

-- name: drop_statement
-- Drops a detached partition (no longer part of logs, so no lock on logs is taken).
SELECT format('DROP TABLE IF EXISTS %I', $1::text);
