-- migrate:up
-- 0006_api: what the HTTP API (web/api_views.py, sql/queries/api.sql) reads beyond the stream's
-- own needs.
-- window_stats: each closed window's ERROR and CRITICAL lines and its template counts (the most
-- frequent templates, template id -> lines), so summaries, patterns and trends over a time range
-- read one row per window instead of counting the logs. Rows from before have 0 and {}.
-- Indexes: every filter of the API is served by one (tests/integration/web checks with EXPLAIN):
-- lists over all services read the time indexes, a template filter its own.

ALTER TABLE window_stats
    ADD COLUMN errors          integer NOT NULL DEFAULT 0,
    ADD COLUMN template_counts jsonb   NOT NULL DEFAULT '{}'::jsonb;
CREATE INDEX window_stats_window_idx ON window_stats (window_start DESC);

CREATE INDEX logs_ts_idx ON logs (ts DESC);
CREATE INDEX logs_template_ts_idx ON logs (template_id, ts DESC) WHERE template_id IS NOT NULL;

CREATE INDEX anomalies_window_idx ON anomalies (window_start DESC);
CREATE INDEX incidents_started_idx ON incidents (started_at DESC);

-- A template filter follows the miner's merges: ids by themselves, and what was merged into one.
CREATE INDEX templates_template_idx ON templates (template_id);
CREATE INDEX templates_superseded_idx ON templates (service_name, superseded_by)
    WHERE superseded_by IS NOT NULL;

-- migrate:down
DROP INDEX templates_superseded_idx;
DROP INDEX templates_template_idx;
DROP INDEX incidents_started_idx;
DROP INDEX anomalies_window_idx;
DROP INDEX logs_template_ts_idx;
DROP INDEX logs_ts_idx;
DROP INDEX window_stats_window_idx;
ALTER TABLE window_stats
    DROP COLUMN template_counts,
    DROP COLUMN errors;
