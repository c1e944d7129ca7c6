-- migrate:up
-- 0005_backfill: what replay and import (pipeline/backfill) store beyond the live stream.
-- anomalies, incidents: where a finding came from. 'live' is the stream's; 'replay' is a replay
-- or import run with --detect, never published. A finding both made keeps the first stored.
-- backfill_jobs: one row per run of a job (a file, or a time range of the logs topic), so an
-- interrupted run resumes and a finished one, run again, starts a new generation.

ALTER TABLE anomalies
    ADD COLUMN origin text NOT NULL DEFAULT 'live' CHECK (origin IN ('live', 'replay'));
ALTER TABLE incidents
    ADD COLUMN origin text NOT NULL DEFAULT 'live' CHECK (origin IN ('live', 'replay'));

CREATE TABLE backfill_jobs (
    -- A digest of what the job reads: the file's bytes, or the topic and time range.
    job_id      text        NOT NULL,
    -- Runs of a finished job again are new generations, with Kafka topics of their own.
    generation  integer     NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('import', 'replay')),
    source      text        NOT NULL,
    detect      boolean     NOT NULL,
    status      text        NOT NULL CHECK (status IN ('running', 'done')),
    -- Records handed to the job's topic, and refused by validation (import).
    records     bigint      NOT NULL DEFAULT 0,
    rejected    bigint      NOT NULL DEFAULT 0,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    PRIMARY KEY (job_id, generation)
);

-- migrate:down
DROP TABLE backfill_jobs;
ALTER TABLE incidents DROP COLUMN origin;
ALTER TABLE anomalies DROP COLUMN origin;
