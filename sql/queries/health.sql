-- name: ping
-- Cheapest round trip that proves the pool can reach the database.
SELECT 1;
