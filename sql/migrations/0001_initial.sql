-- Initial schema: raw logs, mined templates, anomalies and dead letters.
-- Later migrations extend these tables; never edit an applied migration (its checksum is recorded).

CREATE TABLE IF NOT EXISTS logs (
    event_id      text        PRIMARY KEY,
    service_name  text        NOT NULL,
    log_level     text        NOT NULL,
    ts            timestamptz NOT NULL,
    message       text        NOT NULL,
    template_id   text,
    host          text,
    trace_id      text,
    metadata      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    late          boolean     NOT NULL DEFAULT false,
    ingested_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS logs_service_ts_idx ON logs (service_name, ts DESC);
CREATE INDEX IF NOT EXISTS logs_service_level_ts_idx ON logs (service_name, log_level, ts DESC);

CREATE TABLE IF NOT EXISTS templates (
    service_name  text        NOT NULL,
    template_id   text        NOT NULL,
    template      text        NOT NULL,
    log_level     text,
    first_seen    timestamptz NOT NULL,
    last_seen     timestamptz NOT NULL,
    occurrences   bigint      NOT NULL DEFAULT 0,
    superseded_by text,
    PRIMARY KEY (service_name, template_id)
);

CREATE TABLE IF NOT EXISTS anomalies (
    incident_id   text        NOT NULL,
    service_name  text        NOT NULL,
    kind          text        NOT NULL,
    window_start  timestamptz NOT NULL,
    window_end    timestamptz NOT NULL,
    score         double precision NOT NULL,
    severity      text        NOT NULL,
    expected      double precision,
    actual        double precision,
    reason        text        NOT NULL,
    details       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (incident_id, window_start)
);
CREATE INDEX IF NOT EXISTS anomalies_service_window_idx ON anomalies (service_name, window_start DESC);

CREATE TABLE IF NOT EXISTS dead_letters (
    id            bigserial   PRIMARY KEY,
    stage         text        NOT NULL,
    reason        text        NOT NULL,
    payload       bytea       NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
-- Drops everything the up part creates, and with it all stored data; indexes and the dead_letters
-- sequence go with their tables. The down part is not checksummed, so adding it changed nothing.
DROP TABLE IF EXISTS dead_letters, anomalies, templates, logs;
