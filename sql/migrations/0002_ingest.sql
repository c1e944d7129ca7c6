-- migrate:up
-- 0002_ingest: what the stream's ingest path stores beyond 0001.
-- logs: when the bridge received a record and what the parser did to it (clamped a future time,
-- truncated a long message, replaced NUL or unpaired surrogates). The unique key stays event_id
-- alone here; day partitioning later adds the time column to it (see docs/stream.md).
-- dead_letters: rebuilt (it was never written to) with the fields an operator needs to find and
-- re-send a rejected payload, and a natural key so a redelivered message adds no second row.

ALTER TABLE logs
    ADD COLUMN received_at timestamptz,
    ADD COLUMN clamped     boolean NOT NULL DEFAULT false,
    ADD COLUMN truncated   boolean NOT NULL DEFAULT false,
    ADD COLUMN sanitized   boolean NOT NULL DEFAULT false;

-- The benchmark finds its own rows by run id; the partial index costs nothing for other rows.
CREATE INDEX logs_bench_run_idx ON logs ((metadata ->> 'bench_run'))
    WHERE metadata ? 'bench_run';

CREATE INDEX templates_service_last_seen_idx ON templates (service_name, last_seen DESC);

DROP TABLE dead_letters;
CREATE TABLE dead_letters (
    id          bigserial   PRIMARY KEY,
    -- bridge: refused on the way in; ingest: a Kafka message the agent could not decode;
    -- storage: a record PostgreSQL rejected.
    stage       text        NOT NULL,
    reason      text        NOT NULL,
    -- The record's field at fault, when one is (service_name, timestamp, ...).
    field       text,
    -- Where the payload came from: a queue or topic name.
    source      text        NOT NULL,
    -- The record's index in its message; -1 when the whole message was refused.
    position    integer     NOT NULL,
    -- sha256 of the whole message the payload came from: with position, the natural key.
    sha256      bytea       NOT NULL,
    -- Size in bytes of the payload as received; payload keeps at most a configured prefix.
    size        integer     NOT NULL,
    payload     bytea       NOT NULL,
    truncated   boolean     NOT NULL DEFAULT false,
    received_at timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dead_letters_natural_key UNIQUE (stage, sha256, position)
);
CREATE INDEX dead_letters_received_idx ON dead_letters (received_at DESC);

-- migrate:down
DROP TABLE dead_letters;
CREATE TABLE dead_letters (
    id            bigserial   PRIMARY KEY,
    stage         text        NOT NULL,
    reason        text        NOT NULL,
    payload       bytea       NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now()
);
DROP INDEX templates_service_last_seen_idx;
DROP INDEX logs_bench_run_idx;
ALTER TABLE logs
    DROP COLUMN received_at,
    DROP COLUMN clamped,
    DROP COLUMN truncated,
    DROP COLUMN sanitized;
