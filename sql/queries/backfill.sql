-- name: latest_run
-- The newest generation of a job, if any.
SELECT generation, status FROM backfill_jobs
WHERE job_id = $1
ORDER BY generation DESC
LIMIT 1;

-- name: start_run
-- Records a new run (generation) of a job; does nothing if it is already recorded.
INSERT INTO backfill_jobs (job_id, generation, kind, source, detect, status)
VALUES ($1, $2, $3, $4, $5, 'running')
ON CONFLICT (job_id, generation) DO NOTHING;

-- name: count_run
-- Adds what a run's publishing phase handed over and refused.
UPDATE backfill_jobs SET records = $3, rejected = $4
WHERE job_id = $1 AND generation = $2;

-- name: finish_run
-- Marks a run done: running the job again starts a new generation.
UPDATE backfill_jobs SET status = 'done', finished_at = now()
WHERE job_id = $1 AND generation = $2;
