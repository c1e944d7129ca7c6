-- name: insert_insights
-- Stores the messages not stored yet and returns their ids: the new ones, the only ones whose
-- window statistics, anomaly or incident event the same store then writes.
-- JSON arrives as text and is cast here; key order, as in every insert below, makes two
-- overlapping stores lock their rows in the same order, so one waits instead of deadlocking.
INSERT INTO insights (id, type, service_name, window_start, window_end, body)
SELECT n.id, n.type, n.service_name, n.window_start, n.window_end, n.body::jsonb
FROM unnest(
    $1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[]
) AS n(id, type, service_name, window_start, window_end, body)
ORDER BY n.id
ON CONFLICT (id) DO NOTHING
RETURNING id;

-- name: insert_window_stats
-- Stores window summaries, keeping the first one stored for a (service, window start).
-- anomaly_kinds arrives as a JSON array per row: unnest would flatten a two-dimensional text[].
INSERT INTO window_stats (
    service_name, window_start, window_end, volume, score, features, anomaly_kinds, errors,
    template_counts
)
SELECT
    n.service_name, n.window_start, n.window_end, n.volume, n.score, n.features::jsonb,
    ARRAY(SELECT jsonb_array_elements_text(n.anomaly_kinds::jsonb)), n.errors,
    n.template_counts::jsonb
FROM unnest(
    $1::text[], $2::timestamptz[], $3::timestamptz[], $4::integer[], $5::float8[], $6::text[],
    $7::text[], $8::integer[], $9::text[]
) AS n(
    service_name, window_start, window_end, volume, score, features, anomaly_kinds, errors,
    template_counts
)
ORDER BY n.service_name, n.window_start
ON CONFLICT (service_name, window_start) DO NOTHING;

-- name: insert_anomalies
-- Stores anomalies, keeping the first one stored for an (incident, window start, kind).
-- $15: their origin, 'live' or 'replay'.
INSERT INTO anomalies (
    incident_id, window_start, kind, service_name, window_end, score, severity, expected,
    actual, reason, contributing_templates, rule_evidence, model_score, details, origin
)
SELECT
    n.incident_id, n.window_start, n.kind, n.service_name, n.window_end, n.score, n.severity,
    n.expected, n.actual, n.reason, n.contributing_templates::jsonb, n.rule_evidence,
    n.model_score, n.details::jsonb, $15::text
FROM unnest(
    $1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::timestamptz[], $6::float8[],
    $7::text[], $8::float8[], $9::float8[], $10::text[], $11::text[], $12::float8[],
    $13::float8[], $14::text[]
) AS n(
    incident_id, window_start, kind, service_name, window_end, score, severity, expected,
    actual, reason, contributing_templates, rule_evidence, model_score, details
)
ORDER BY n.incident_id, n.window_start, n.kind
ON CONFLICT (incident_id, window_start, kind) DO NOTHING;

-- name: upsert_incidents
-- Applies incident events, at most one per incident (the caller keeps the latest of a batch).
-- An event replaces the stored state only when it is later in (revision, action), with actions
-- ordered opened < updated < resolved: a replayed older event never moves an incident back, and
-- of an update and a resolution in the same window the resolution wins, whatever the order they
-- arrive in. The same event again changes nothing, updated_at included. $15: the origin of a
-- new incident ('live' or 'replay'); an incident keeps the origin it was first stored with.
INSERT INTO incidents AS t (
    incident_id, service_name, kind, status, severity, started_at, last_window_end, windows,
    peak_score, revision, last_action, opened_at, resolved_at, details, origin
)
SELECT
    n.incident_id, n.service_name, n.kind, n.status, n.severity, n.started_at,
    n.last_window_end, n.windows, n.peak_score, n.revision, n.last_action, n.opened_at,
    n.resolved_at, n.details::jsonb, $15::text
FROM unnest(
    $1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],
    $7::timestamptz[], $8::integer[], $9::float8[], $10::integer[], $11::text[],
    $12::timestamptz[], $13::timestamptz[], $14::text[]
) AS n(
    incident_id, service_name, kind, status, severity, started_at, last_window_end, windows,
    peak_score, revision, last_action, opened_at, resolved_at, details
)
ORDER BY n.incident_id
ON CONFLICT (incident_id) DO UPDATE SET
    service_name = excluded.service_name,
    kind = excluded.kind,
    status = excluded.status,
    severity = excluded.severity,
    started_at = excluded.started_at,
    last_window_end = excluded.last_window_end,
    windows = excluded.windows,
    peak_score = excluded.peak_score,
    revision = excluded.revision,
    last_action = excluded.last_action,
    opened_at = excluded.opened_at,
    resolved_at = excluded.resolved_at,
    details = excluded.details,
    updated_at = now()
WHERE (
    excluded.revision,
    array_position(ARRAY['opened', 'updated', 'resolved'], excluded.last_action)
) > (
    t.revision,
    array_position(ARRAY['opened', 'updated', 'resolved'], t.last_action)
);
