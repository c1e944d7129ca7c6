-- name: count_run
-- Distinct sequence numbers and rows stored for one bench run ($1: its run id), and when the last
-- row was stored (the start of its transaction, Unix seconds).
-- The `metadata ? 'bench_run'` test is the partial index's predicate: without it the planner
-- cannot use logs_bench_run_idx and scans the whole table.
SELECT count(DISTINCT (metadata ->> 'seq')) AS stored, count(*) AS rows,
       extract(epoch FROM max(ingested_at))::float8 AS last_stored
FROM logs
WHERE metadata ? 'bench_run' AND metadata ->> 'bench_run' = $1;

-- name: count_rows
-- The rows of one bench run ($1), duplicates included: the cheap count the bench polls.
SELECT count(*) AS rows, 0 AS stored, NULL::float8 AS last_stored
FROM logs
WHERE metadata ? 'bench_run' AND metadata ->> 'bench_run' = $1;

-- name: run_latency
-- Seconds from each record's publish to its row, for one run ($1): $2 holds the publish times
-- (Unix seconds) of the run's messages by index, $3 the records per message (a record's message
-- is seq / $3). A row's time is ingested_at, the start of the transaction that stored it: the
-- latency is short of the commit by that transaction's length (tens of milliseconds).
SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY l.seconds) AS percentiles,
       max(l.seconds) AS worst
FROM (
    SELECT extract(epoch FROM ingested_at)::float8
           - ($2::float8[])[(metadata ->> 'seq')::int / $3 + 1] AS seconds
    FROM logs
    WHERE metadata ? 'bench_run' AND metadata ->> 'bench_run' = $1
) AS l;

-- name: count_alerts
-- Alerts published for services $1 since $2: the stream stores each incident event it applies,
-- with the alert it sent on alerts_queue (opened, escalated, resolved) as its outbound message.
SELECT count(*) FROM insights
WHERE type = 'incident' AND service_name = ANY($1::text[]) AND created_at >= $2
  AND body -> 'outbound' ->> 'queue' = 'alerts';
