-- migrate:up
-- 0007_clients: credentials of the services that call the HTTP API, so each has its own instead
-- of a shared secret. A client trades its name and secret for a bearer token at
-- POST /api/v1/auth/token (OAuth 2.0 client credentials, web/clients.py).
-- secret_hash is an argon2id PHC string; the secret itself is printed once by `clients add` and
-- stored nowhere. A revoked client keeps its row (revoked_at set): its name is not reused by
-- accident, and created_at and last_used_at still say who it was and when it last called.
-- Names: lower-case letters, digits, '.', '_' and '-', 1-63 characters, starting with a letter or
-- a digit (web/clients.py checks the same pattern before asking the database).

CREATE TABLE api_clients (
    name         text        PRIMARY KEY
        CONSTRAINT api_clients_name_check CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    secret_hash  text        NOT NULL
        CONSTRAINT api_clients_secret_hash_check CHECK (secret_hash LIKE '$argon2id$%'),
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz NULL,
    last_used_at timestamptz NULL
);

-- migrate:down
DROP TABLE api_clients;
