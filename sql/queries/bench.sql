-- name: count_run
-- Distinct sequence numbers and rows stored for one bench run ($1: its run id).
-- The `metadata ? 'bench_run'` test is the partial index's predicate: without it the planner
-- cannot use logs_bench_run_idx and scans the whole table.
SELECT count(DISTINCT (metadata ->> 'seq')) AS stored, count(*) AS rows
FROM logs
WHERE metadata ? 'bench_run' AND metadata ->> 'bench_run' = $1;
