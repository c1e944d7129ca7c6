-- Reads of the HTTP API (storage/api_reads.py), on their own pool: read-only transactions, a
-- statement timeout, and custom plans (plan_cache_mode), so an optional filter given as NULL
-- folds away and each request is planned with the indexes its filters allow. Times are
-- [start, end): start inclusive, end exclusive. Every filter is served by an index
-- (tests/integration/web/test_api_plans.py checks with EXPLAIN).

-- name: list_logs
-- Logs newest first in [$1, $2): service $3, levels $4, template ids $5, ILIKE pattern $6 (each
-- NULL for any); after the cursor position ($7 time, $8 event id) when given; $9 rows from $10.
SELECT event_id, service_name, log_level, ts, message, template_id, host, trace_id,
       metadata::text AS metadata, late, received_at, clamped, truncated, sanitized
FROM logs
WHERE ts >= $1 AND ts < $2
  AND ($3::text IS NULL OR service_name = $3)
  AND ($4::text[] IS NULL OR log_level = ANY($4::text[]))
  AND ($5::text[] IS NULL OR template_id = ANY($5::text[]))
  AND ($6::text IS NULL OR message ILIKE $6)
  AND ($7::timestamptz IS NULL OR (ts <= $7 AND (ts < $7 OR event_id < $8)))
ORDER BY ts DESC, event_id DESC
LIMIT $9 OFFSET $10;

-- name: count_logs
-- How many logs list_logs' filters match ($1-$6 as there), counted up to $7: past it the count
-- is estimated instead (counting millions of rows would cost more than the page).
SELECT count(*) FROM (
    SELECT 1 FROM logs
    WHERE ts >= $1 AND ts < $2
      AND ($3::text IS NULL OR service_name = $3)
      AND ($4::text[] IS NULL OR log_level = ANY($4::text[]))
      AND ($5::text[] IS NULL OR template_id = ANY($5::text[]))
      AND ($6::text IS NULL OR message ILIKE $6)
    LIMIT $7
) AS capped;

-- name: estimate_logs
-- The planner's estimate of the rows list_logs' filters match ($1-$6 as there), as JSON.
EXPLAIN (FORMAT JSON)
SELECT 1 FROM logs
WHERE ts >= $1 AND ts < $2
  AND ($3::text IS NULL OR service_name = $3)
  AND ($4::text[] IS NULL OR log_level = ANY($4::text[]))
  AND ($5::text[] IS NULL OR template_id = ANY($5::text[]))
  AND ($6::text IS NULL OR message ILIKE $6);

-- name: get_log
-- One log by its event id (each day partition's key is probed).
SELECT event_id, service_name, log_level, ts, message, template_id, host, trace_id,
       metadata::text AS metadata, late, received_at, clamped, truncated, sanitized
FROM logs
WHERE event_id = $1
ORDER BY ts DESC
LIMIT 1;

-- name: template_family
-- Every template id that counts as template $1 (of service $2, or of any service when NULL):
-- the id it was merged into at last (following superseded_by), and every id merged into that
-- one. Rows: (service, template id, final id).
WITH RECURSIVE forward (service_name, template_id, depth) AS (
    SELECT service_name, template_id, 0
    FROM templates
    WHERE template_id = $1 AND ($2::text IS NULL OR service_name = $2)
    UNION
    SELECT t.service_name, t.superseded_by, f.depth + 1
    FROM forward AS f
    JOIN templates AS t ON t.service_name = f.service_name AND t.template_id = f.template_id
    WHERE t.superseded_by IS NOT NULL AND f.depth < 32
), final AS (
    SELECT DISTINCT ON (service_name) service_name, template_id
    FROM forward
    ORDER BY service_name, depth DESC
), family (service_name, template_id, final_id, depth) AS (
    SELECT service_name, template_id, template_id, 0 FROM final
    UNION
    SELECT t.service_name, t.template_id, f.final_id, f.depth + 1
    FROM family AS f
    JOIN templates AS t ON t.service_name = f.service_name AND t.superseded_by = f.template_id
    WHERE f.depth < 32
)
SELECT DISTINCT service_name, template_id, final_id FROM family;

-- name: templates_by_id
-- Templates by (service $1[i], template id $2[i]), with the id each was merged into if any.
SELECT t.service_name, t.template_id, t.template, t.log_level, t.first_seen, t.last_seen,
       t.occurrences, t.superseded_by
FROM unnest($1::text[], $2::text[]) AS k (service_name, template_id)
JOIN templates AS t ON t.service_name = k.service_name AND t.template_id = k.template_id;

-- name: template_examples
-- The newest line of each (service $1[i], template id $2[i]) before $3.
SELECT k.service_name, k.template_id, e.message
FROM unnest($1::text[], $2::text[]) AS k (service_name, template_id)
CROSS JOIN LATERAL (
    SELECT l.message
    FROM logs AS l
    WHERE l.template_id = k.template_id AND l.service_name = k.service_name AND l.ts < $3
    ORDER BY l.ts DESC
    LIMIT 1
) AS e;

-- name: window_totals
-- Lines, errors and windows of the closed windows starting in [$2, $3) of service $1 (NULL:
-- every service), and the start of the newest.
SELECT coalesce(sum(volume), 0)::bigint AS lines,
       coalesce(sum(errors), 0)::bigint AS errors,
       count(*) AS windows,
       max(window_start) AS newest
FROM window_stats
WHERE ($1::text IS NULL OR service_name = $1) AND window_start >= $2 AND window_start < $3;

-- name: window_template_counts
-- Lines per template and window in the closed windows starting in [$2, $3) of service $1 (NULL:
-- every service); aliases are folded by the caller.
SELECT w.service_name, w.window_start, t.key AS template_id, t.value::bigint AS lines
FROM window_stats AS w
CROSS JOIN LATERAL jsonb_each_text(w.template_counts) AS t
WHERE ($1::text IS NULL OR w.service_name = $1) AND w.window_start >= $2 AND w.window_start < $3;

-- name: template_totals
-- Lines per template over the closed windows starting in [$2, $3) of service $1 (NULL: every
-- service); aliases are folded by the caller.
SELECT w.service_name, t.key AS template_id, sum(t.value::bigint)::bigint AS lines
FROM window_stats AS w
CROSS JOIN LATERAL jsonb_each_text(w.template_counts) AS t
WHERE ($1::text IS NULL OR w.service_name = $1) AND w.window_start >= $2 AND w.window_start < $3
GROUP BY w.service_name, t.key;

-- name: count_incidents_opened
-- Incidents that opened in [$2, $3), of service $1 (NULL: every service).
SELECT count(*)
FROM incidents
WHERE ($1::text IS NULL OR service_name = $1) AND started_at >= $2 AND started_at < $3;

-- name: recent_recommendations
-- The recommendations sent for incidents in [$2, $3), of service $1 (NULL: every service),
-- newest first, at most $4 messages.
SELECT service_name, body -> 'data' -> 'recommendations' AS recommendations
FROM insights
WHERE type = 'recommendation' AND ($1::text IS NULL OR service_name = $1)
  AND window_start >= $2 AND window_start < $3
ORDER BY window_start DESC
LIMIT $4;

-- name: service_known
-- Whether anything of service $1 is stored: a closed window or a template.
SELECT EXISTS (SELECT 1 FROM window_stats WHERE service_name = $1)
    OR EXISTS (SELECT 1 FROM templates WHERE service_name = $1);

-- name: list_services
-- Services by name after $1 (NULL: from the first), $2 from offset $3, each with its newest closed
-- window and its open incidents. Names are found by skipping through window_stats' key (one
-- index probe per service, not a scan of every window).
WITH RECURSIVE names (service_name) AS (
    (SELECT service_name FROM window_stats
     WHERE $1::text IS NULL OR service_name > $1
     ORDER BY service_name LIMIT 1)
    UNION ALL
    SELECT (SELECT w.service_name FROM window_stats AS w
            WHERE w.service_name > n.service_name
            ORDER BY w.service_name LIMIT 1)
    FROM names AS n
    WHERE n.service_name IS NOT NULL
)
SELECT n.service_name, w.window_start, w.window_end, w.volume, w.errors, w.score,
       w.anomaly_kinds,
       ARRAY(
           SELECT i.incident_id FROM incidents AS i
           WHERE i.service_name = n.service_name AND i.status = 'open'
           ORDER BY i.started_at DESC
       ) AS open_incidents
FROM names AS n
CROSS JOIN LATERAL (
    SELECT window_start, window_end, volume, errors, score, anomaly_kinds
    FROM window_stats
    WHERE service_name = n.service_name
    ORDER BY window_start DESC
    LIMIT 1
) AS w
WHERE n.service_name IS NOT NULL
ORDER BY n.service_name
LIMIT $2 OFFSET $3;

-- name: count_services
-- How many services have a closed window (the same skip through window_stats' key).
WITH RECURSIVE names (service_name) AS (
    (SELECT service_name FROM window_stats ORDER BY service_name LIMIT 1)
    UNION ALL
    SELECT (SELECT w.service_name FROM window_stats AS w
            WHERE w.service_name > n.service_name
            ORDER BY w.service_name LIMIT 1)
    FROM names AS n
    WHERE n.service_name IS NOT NULL
)
SELECT count(service_name) FROM names;

-- name: service_windows
-- Closed windows of service $1 starting in [$2, $3) and before $4 (the cursor; NULL: none),
-- newest first, $5 from offset $6, each with its anomalies.
SELECT w.window_start, w.window_end, w.volume, w.errors, w.score, w.anomaly_kinds,
       w.template_counts::text AS template_counts,
       coalesce((
           SELECT jsonb_agg(jsonb_build_object(
               'kind', a.kind, 'score', a.score, 'severity', a.severity,
               'incident_id', a.incident_id, 'reason', a.reason) ORDER BY a.kind)
           FROM anomalies AS a
           WHERE a.service_name = w.service_name AND a.window_start = w.window_start
       ), '[]'::jsonb)::text AS anomalies
FROM window_stats AS w
WHERE w.service_name = $1 AND w.window_start >= $2 AND w.window_start < $3
  AND ($4::timestamptz IS NULL OR w.window_start < $4)
ORDER BY w.window_start DESC
LIMIT $5 OFFSET $6;

-- name: count_service_windows
-- How many closed windows of service $1 start in [$2, $3).
SELECT count(*) FROM window_stats
WHERE service_name = $1 AND window_start >= $2 AND window_start < $3;

-- name: service_series
-- Closed windows of service $1 starting in [$2, $3), in buckets of $4 seconds aligned on the Unix
-- epoch, oldest first: each bucket's windows, lines, errors, highest score, windows with an
-- anomaly, distinct anomaly kinds and newest window start. The kinds are gathered per bucket in
-- their own pass over the same rows (the CTE is read once), not by a subquery per bucket.
WITH windows AS (
    SELECT date_bin(make_interval(secs => $4::integer), window_start,
                    TIMESTAMPTZ '1970-01-01 00:00:00+00') AS bucket,
           window_start, volume, errors, score, anomaly_kinds
    FROM window_stats
    WHERE service_name = $1 AND window_start >= $2 AND window_start < $3
), totals AS (
    SELECT bucket,
           count(*) AS windows,
           sum(volume)::bigint AS volume,
           sum(errors)::bigint AS errors,
           max(score) AS max_score,
           count(*) FILTER (WHERE cardinality(anomaly_kinds) > 0) AS anomalous_windows,
           max(window_start) AS newest
    FROM windows
    GROUP BY bucket
), kinds AS (
    SELECT w.bucket, array_agg(DISTINCT k.kind ORDER BY k.kind) AS anomaly_kinds
    FROM windows AS w
    CROSS JOIN LATERAL unnest(w.anomaly_kinds) AS k (kind)
    GROUP BY w.bucket
)
SELECT t.bucket, t.windows, t.volume, t.errors, t.max_score, t.anomalous_windows, t.newest,
       coalesce(k.anomaly_kinds, '{}'::text[]) AS anomaly_kinds
FROM totals AS t
LEFT JOIN kinds AS k ON k.bucket = t.bucket
ORDER BY t.bucket;

-- name: list_incidents
-- Incidents overlapping [$2, $3) (started before its end, last window ending after its start),
-- of service $1, severities $4, status $5 (each NULL for any), newest start first, after the
-- cursor position ($6 start, $7 id) when given, $8 from offset $9; each with the explanation
-- of its strongest window.
SELECT i.incident_id, i.service_name, i.kind, i.status, i.severity, i.started_at,
       i.last_window_end, i.windows, i.peak_score, i.opened_at, i.resolved_at, i.revision,
       i.last_action, i.origin, p.reason, p.expected, p.actual,
       p.contributing_templates::text AS contributing_templates
FROM incidents AS i
LEFT JOIN LATERAL (
    SELECT a.reason, a.expected, a.actual, a.contributing_templates
    FROM anomalies AS a
    WHERE a.incident_id = i.incident_id
    ORDER BY a.score DESC, a.window_start
    LIMIT 1
) AS p ON true
WHERE i.started_at < $3 AND i.last_window_end > $2
  AND ($1::text IS NULL OR i.service_name = $1)
  AND ($4::text[] IS NULL OR i.severity = ANY($4::text[]))
  AND ($5::text IS NULL OR i.status = $5)
  AND ($6::timestamptz IS NULL OR (i.started_at <= $6 AND (i.started_at < $6 OR i.incident_id < $7)))
ORDER BY i.started_at DESC, i.incident_id DESC
LIMIT $8 OFFSET $9;

-- name: count_incidents
-- How many incidents list_incidents' filters ($1-$5 as there) match.
SELECT count(*)
FROM incidents
WHERE started_at < $3 AND last_window_end > $2
  AND ($1::text IS NULL OR service_name = $1)
  AND ($4::text[] IS NULL OR severity = ANY($4::text[]))
  AND ($5::text IS NULL OR status = $5);

-- name: get_incident
-- One incident by id, with the explanation of its strongest window.
SELECT i.incident_id, i.service_name, i.kind, i.status, i.severity, i.started_at,
       i.last_window_end, i.windows, i.peak_score, i.opened_at, i.resolved_at, i.revision,
       i.last_action, i.origin, p.reason, p.expected, p.actual,
       p.contributing_templates::text AS contributing_templates
FROM incidents AS i
LEFT JOIN LATERAL (
    SELECT a.reason, a.expected, a.actual, a.contributing_templates
    FROM anomalies AS a
    WHERE a.incident_id = i.incident_id
    ORDER BY a.score DESC, a.window_start
    LIMIT 1
) AS p ON true
WHERE i.incident_id = $1;

-- name: incident_anomalies
-- The anomalous windows of incident $1, oldest first, with their explanations.
SELECT window_start, window_end, kind, score, severity, expected, actual, reason,
       contributing_templates::text AS contributing_templates, rule_evidence, model_score
FROM anomalies
WHERE incident_id = $1
ORDER BY window_start, kind;

-- name: incident_revisions
-- The events applied to incident $1 of service $2 since it started ($3) until it resolved ($4,
-- NULL while open), oldest first: each revision (the window whose closing produced it), its
-- action and the state it gave, and whether it went out as an alert.
SELECT window_start, window_end, body -> 'data' ->> 'action' AS action,
       (body -> 'data' ->> 'revision')::bigint AS revision,
       body -> 'data' ->> 'severity' AS severity,
       (body -> 'data' ->> 'windows')::int AS windows,
       (body -> 'data' ->> 'peak_score')::float8 AS peak_score,
       coalesce((body -> 'data' ->> 'escalated')::boolean, false) AS escalated,
       coalesce(body -> 'outbound' ->> 'queue' = 'alerts', false) AS alerted,
       body -> 'outbound' -> 'message' ->> 'reason' AS reason
FROM insights
WHERE type = 'incident' AND service_name = $2 AND window_start >= $3
  AND ($4::timestamptz IS NULL OR window_start <= $4)
  AND body -> 'data' ->> 'incident_id' = $1
ORDER BY revision, window_start
LIMIT 200;

-- name: incident_recommendations
-- The recommendations sent for incident $1, newest first.
SELECT window_start, body -> 'data' -> 'recommendations' AS recommendations
FROM insights
WHERE type = 'recommendation' AND service_name = $2 AND body -> 'data' ->> 'incident_id' = $1
ORDER BY window_start DESC
LIMIT 20;
