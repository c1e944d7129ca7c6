-- name: open_records
-- Stored records of each service from a time on (the start of its first open window), to
-- refill the detectors' open windows after a restore. $1 service names, $2 epoch seconds.
-- Served by logs_service_ts_idx, one range per service.
SELECT l.event_id, l.service_name, extract(epoch FROM l.ts)::float8 AS ts,
       extract(epoch FROM coalesce(l.received_at, l.ts))::float8 AS received_at, l.log_level,
       l.message,
       l.template_id
FROM unnest($1::text[], $2::float8[]) AS s(name, since)
JOIN logs AS l ON l.service_name = s.name AND l.ts >= to_timestamp(s.since)
ORDER BY l.ts;
