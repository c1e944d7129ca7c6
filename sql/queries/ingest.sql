-- name: create_ingest_table
-- Staging table of one store, filled by COPY; dropped at commit or rollback.
-- Times stay epoch seconds here so insert_logs converts them in bulk with to_timestamp.
CREATE TEMP TABLE ingest_logs (
    event_id     text,
    service_name text,
    log_level    text,
    ts           double precision,
    message      text,
    template_id  text,
    host         text,
    trace_id     text,
    metadata     jsonb,
    received_at  double precision,
    clamped      boolean,
    truncated    boolean,
    sanitized    boolean
) ON COMMIT DROP;

-- name: insert_logs
-- Moves the staged rows not stored yet into logs and returns their ids.
-- The key is (event_id, ts). A row whose time is its receive time (it came without one, or with
-- one too far ahead) is also looked up by id over the day before that time: a RabbitMQ
-- redelivery is received again, later, and must not become a second row. The lookup reads the
-- primary key of at most two day partitions, and only for such rows.
-- Key order: two overlapping batches lock their rows in the same order, so one waits for the
-- other instead of deadlocking.
INSERT INTO logs (
    event_id, service_name, log_level, ts, message, template_id, host, trace_id, metadata,
    received_at, clamped, truncated, sanitized
)
SELECT
    s.event_id, s.service_name, s.log_level, to_timestamp(s.ts), s.message, s.template_id, s.host,
    s.trace_id, s.metadata, to_timestamp(s.received_at), s.clamped, s.truncated, s.sanitized
FROM ingest_logs AS s
WHERE s.ts IS DISTINCT FROM s.received_at OR NOT EXISTS (
    SELECT 1 FROM logs AS l
    WHERE l.event_id = s.event_id
      AND l.ts >= to_timestamp(s.ts) - interval '1 day'
      AND l.ts <= to_timestamp(s.ts)
)
ORDER BY s.event_id
ON CONFLICT (event_id, ts) DO NOTHING
RETURNING event_id;

-- name: clear_ingest_table
-- Empties the staging table between the parts of a batch split to find a bad row.
-- DELETE, not TRUNCATE: TRUNCATE makes a new file each time, which made a split twice as slow.
DELETE FROM ingest_logs;

-- name: upsert_templates
-- Counts the rows a store inserted into their templates and records aliases, in one statement.
-- A template known only from an alias gets occurrences 0, first_seen 'infinity' and last_seen
-- '-infinity': the neutral values of least() and greatest(), so its first stored rows set both
-- exactly, and "seen in the last hour" never matches it. template '' and log_level NULL mean
-- "not known yet"; the first store that knows them fills them in. Key order as in insert_logs.
INSERT INTO templates AS t (
    service_name, template_id, template, log_level, first_seen, last_seen, occurrences,
    superseded_by
)
SELECT
    n.service_name, n.template_id, coalesce(n.template, ''), n.log_level,
    coalesce(to_timestamp(n.first_seen), 'infinity'),
    coalesce(to_timestamp(n.last_seen), '-infinity'),
    n.occurrences, n.superseded_by
FROM unnest(
    $1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::bigint[],
    $8::text[]
) AS n(
    service_name, template_id, template, log_level, first_seen, last_seen, occurrences,
    superseded_by
)
ORDER BY n.service_name, n.template_id
ON CONFLICT (service_name, template_id) DO UPDATE SET
    template = CASE WHEN t.template = '' THEN excluded.template ELSE t.template END,
    log_level = coalesce(t.log_level, excluded.log_level),
    first_seen = least(t.first_seen, excluded.first_seen),
    last_seen = greatest(t.last_seen, excluded.last_seen),
    occurrences = t.occurrences + excluded.occurrences,
    superseded_by = coalesce(excluded.superseded_by, t.superseded_by);

-- name: insert_dead_letters
-- Stores refused payloads, skipping those already stored; returns one row per new letter.
INSERT INTO dead_letters (
    stage, reason, field, source, position, sha256, size, payload, truncated, received_at
)
SELECT
    stage, reason, field, source, position, sha256, size, payload, truncated,
    to_timestamp(received_at)
FROM unnest(
    $1::text[], $2::text[], $3::text[], $4::text[], $5::integer[], $6::bytea[], $7::integer[],
    $8::bytea[], $9::boolean[], $10::float8[]
) AS d(stage, reason, field, source, position, sha256, size, payload, truncated, received_at)
ON CONFLICT ON CONSTRAINT dead_letters_natural_key DO NOTHING
RETURNING id;
