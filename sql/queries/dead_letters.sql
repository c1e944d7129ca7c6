-- name: counts
-- Dead letters per stage and reason with the newest of each; $1 reason and $2 since are
-- optional filters (NULL: all).
SELECT stage, reason, count(*) AS letters, max(received_at) AS newest
FROM dead_letters
WHERE ($1::text IS NULL OR reason = $1) AND ($2::timestamptz IS NULL OR received_at >= $2)
GROUP BY stage, reason
ORDER BY letters DESC, stage, reason;

-- name: recent
-- The newest $3 dead letters under the same filters (served by dead_letters_received_idx).
SELECT id, stage, reason, field, source, position, size, truncated, received_at
FROM dead_letters
WHERE ($1::text IS NULL OR reason = $1) AND ($2::timestamptz IS NULL OR received_at >= $2)
ORDER BY received_at DESC, id DESC
LIMIT $3;

-- name: payloads
-- The stored payloads of the dead letters $1 (ids), to send them again.
SELECT id, stage, reason, position, truncated, payload
FROM dead_letters
WHERE id = ANY($1::bigint[])
ORDER BY id;
