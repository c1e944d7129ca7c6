-- name: add_client
-- Store client $1 with the argon2id hash $2 of its secret; no row when the name is taken.
INSERT INTO api_clients (name, secret_hash)
VALUES ($1, $2)
ON CONFLICT (name) DO NOTHING
RETURNING name, created_at, revoked_at, last_used_at;

-- name: list_clients
-- Every client, revoked ones included, by name; never their hashes.
SELECT name, created_at, revoked_at, last_used_at
FROM api_clients
ORDER BY name;

-- name: revoke_client
-- Revoke $1, keeping the first revocation time when it was revoked before; no row when unknown.
UPDATE api_clients AS c
SET revoked_at = coalesce(old.revoked_at, now())
FROM (SELECT name, revoked_at FROM api_clients WHERE name = $1 FOR UPDATE) AS old
WHERE c.name = old.name
RETURNING c.name, c.revoked_at, old.revoked_at IS NULL AS newly_revoked;

-- name: client_credentials
-- What verifying a token request of client $1 needs: its hash and whether it is revoked.
SELECT name, secret_hash, revoked_at
FROM api_clients
WHERE name = $1;

-- name: touch_client
-- Record that $1 was given a token; at most one write a minute per client.
UPDATE api_clients
SET last_used_at = now()
WHERE name = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute');
