-- migrate:up
-- 0004_day_partitions: logs partitioned by day of event time (UTC), so retention drops whole days
-- instead of deleting rows, and a query on a time range reads only its days.
--
-- A unique key of a partitioned table must include the partition column: the key becomes
-- (event_id, ts). The time that keys a record is as deterministic as its id: the sender's time,
-- or for a record without one (or with one too far ahead) the time the bridge received it, which
-- a redelivery of the same Kafka message repeats. A RabbitMQ redelivery is received again later;
-- sql/queries/ingest.sql looks such rows up by id over the day before (docs/storage.md).
--
-- Partitions are named logs_dYYYYMMDD and made on demand by ensure_log_day(), which creates the
-- table and then ATTACHes it: ATTACH takes only a SHARE UPDATE EXCLUSIVE lock on logs, so reads
-- and COPY go on, where CREATE TABLE ... PARTITION OF would take ACCESS EXCLUSIVE.
-- storage/day_partitions.py calls it under an advisory lock and a lock_timeout, and drops
-- expired days with DETACH PARTITION ... CONCURRENTLY then DROP TABLE.

ALTER TABLE logs RENAME TO logs_unpartitioned;
ALTER INDEX logs_pkey RENAME TO logs_unpartitioned_pkey;
ALTER INDEX logs_service_ts_idx RENAME TO logs_unpartitioned_service_ts_idx;
ALTER INDEX logs_service_level_ts_idx RENAME TO logs_unpartitioned_service_level_ts_idx;
ALTER INDEX logs_bench_run_idx RENAME TO logs_unpartitioned_bench_run_idx;

CREATE TABLE logs (
    event_id      text        NOT NULL,
    service_name  text        NOT NULL,
    log_level     text        NOT NULL,
    ts            timestamptz NOT NULL,
    message       text        NOT NULL,
    template_id   text,
    host          text,
    trace_id      text,
    metadata      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    late          boolean     NOT NULL DEFAULT false,
    ingested_at   timestamptz NOT NULL DEFAULT now(),
    received_at   timestamptz,
    clamped       boolean     NOT NULL DEFAULT false,
    truncated     boolean     NOT NULL DEFAULT false,
    sanitized     boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (event_id, ts)
) PARTITION BY RANGE (ts);
CREATE INDEX logs_service_ts_idx ON logs (service_name, ts DESC);
CREATE INDEX logs_service_level_ts_idx ON logs (service_name, log_level, ts DESC);
CREATE INDEX logs_bench_run_idx ON logs ((metadata ->> 'bench_run'))
    WHERE metadata ? 'bench_run';

-- The partition of the UTC day `day`, created and attached unless it is there; true when made.
-- Identifiers and bounds go through format() (%I, %L), never through string concatenation.
CREATE FUNCTION ensure_log_day(day date) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    partition_name text := 'logs_d' || to_char(day, 'YYYYMMDD');
BEGIN
    IF EXISTS (
        SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'logs'::regclass AND c.relname = partition_name
    ) THEN
        RETURN false;
    END IF;
    EXECUTE format(
        'CREATE TABLE IF NOT EXISTS %I (LIKE logs INCLUDING DEFAULTS INCLUDING CONSTRAINTS '
        'INCLUDING STORAGE)',
        partition_name
    );
    EXECUTE format(
        'ALTER TABLE logs ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
        partition_name,
        day::timestamp AT TIME ZONE 'UTC',
        (day + 1)::timestamp AT TIME ZONE 'UTC'
    );
    RETURN true;
END;
$$;

SELECT ensure_log_day(d)
FROM (SELECT DISTINCT (ts AT TIME ZONE 'UTC')::date AS d FROM logs_unpartitioned) AS days;
INSERT INTO logs SELECT
    event_id, service_name, log_level, ts, message, template_id, host, trace_id, metadata, late,
    ingested_at, received_at, clamped, truncated, sanitized
FROM logs_unpartitioned;
DROP TABLE logs_unpartitioned;

-- migrate:down
-- Back to one table keyed by event_id alone. Fails (and 0004 stays applied) if two stored rows
-- share an event id with different times, which only a RabbitMQ redelivery of a record without
-- its own time more than a day after its first receipt can store.
CREATE TABLE logs_unpartitioned (
    event_id      text        PRIMARY KEY,
    service_name  text        NOT NULL,
    log_level     text        NOT NULL,
    ts            timestamptz NOT NULL,
    message       text        NOT NULL,
    template_id   text,
    host          text,
    trace_id      text,
    metadata      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    late          boolean     NOT NULL DEFAULT false,
    ingested_at   timestamptz NOT NULL DEFAULT now(),
    received_at   timestamptz,
    clamped       boolean     NOT NULL DEFAULT false,
    truncated     boolean     NOT NULL DEFAULT false,
    sanitized     boolean     NOT NULL DEFAULT false
);
INSERT INTO logs_unpartitioned SELECT
    event_id, service_name, log_level, ts, message, template_id, host, trace_id, metadata, late,
    ingested_at, received_at, clamped, truncated, sanitized
FROM logs;
DROP TABLE logs;
DROP FUNCTION ensure_log_day(date);
ALTER TABLE logs_unpartitioned RENAME TO logs;
ALTER INDEX logs_unpartitioned_pkey RENAME TO logs_pkey;
CREATE INDEX logs_service_ts_idx ON logs (service_name, ts DESC);
CREATE INDEX logs_service_level_ts_idx ON logs (service_name, log_level, ts DESC);
CREATE INDEX logs_bench_run_idx ON logs ((metadata ->> 'bench_run'))
    WHERE metadata ? 'bench_run';
