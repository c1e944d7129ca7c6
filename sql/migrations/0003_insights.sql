-- migrate:up
-- 0003_insights: what the detectors find (the insights topic, pipeline/insights/messages.py),
-- stored idempotently by storage/insight_sink.py. Each table's key is the natural key of its
-- finding, so a message delivered again inserts nothing:
--   insights      (id)                              every message, whatever its type
--   window_stats  (service_name, window_start)      window_summary messages
--   anomalies     (incident_id, window_start, kind) anomaly messages
--   incidents     (incident_id)                     incident messages, latest event applied

-- Every insights-topic message as received; the id is the message's natural id.
CREATE TABLE insights (
    id           text        PRIMARY KEY,
    type         text        NOT NULL,
    service_name text        NOT NULL,
    window_start timestamptz NOT NULL,
    window_end   timestamptz NOT NULL,
    -- The whole message (schema_version, data, outbound, ...).
    body         jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX insights_service_window_idx ON insights (service_name, window_start DESC);
CREATE INDEX insights_type_window_idx ON insights (type, window_start DESC);

-- One row per closed window of a service. The primary key serves "latest windows of a
-- service" too: a btree is read backwards as cheaply as forwards.
CREATE TABLE window_stats (
    service_name  text             NOT NULL,
    window_start  timestamptz      NOT NULL,
    window_end    timestamptz      NOT NULL,
    volume        integer          NOT NULL,
    score         double precision NOT NULL,
    -- Feature name -> value, as the window summary carries them.
    features      jsonb            NOT NULL DEFAULT '{}'::jsonb,
    -- The kinds of the anomalies found in this window, in the summary's order.
    anomaly_kinds text[]           NOT NULL DEFAULT '{}',
    created_at    timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (service_name, window_start)
);

-- An anomaly's natural key is (incident, window, kind), as its message id says; the new columns
-- hold the rest of the anomaly message's data and are nullable or defaulted, so rows from
-- before still fit.
ALTER TABLE anomalies
    DROP CONSTRAINT anomalies_pkey,
    ADD CONSTRAINT anomalies_pkey PRIMARY KEY (incident_id, window_start, kind),
    ADD COLUMN contributing_templates jsonb NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN rule_evidence double precision,
    ADD COLUMN model_score   double precision;

-- The current state of each incident: the latest of its events (opened, updated, resolved).
CREATE TABLE incidents (
    incident_id     text             PRIMARY KEY,
    service_name    text             NOT NULL,
    kind            text             NOT NULL,
    status          text             NOT NULL CHECK (status IN ('open', 'resolved')),
    severity        text             NOT NULL,
    -- Start of the first anomalous window, and end of the last one.
    started_at      timestamptz      NOT NULL,
    last_window_end timestamptz      NOT NULL,
    windows         integer          NOT NULL,
    peak_score      double precision NOT NULL,
    -- Index of the window whose closing produced the event applied (the alert revision), and
    -- that event's action: an event is applied only when (revision, action) is later, with
    -- opened < updated < resolved, so a replayed older event never moves an incident back.
    revision        integer          NOT NULL,
    last_action     text             NOT NULL
        CHECK (last_action IN ('opened', 'updated', 'resolved')),
    -- End of the first anomalous window: when closing it opened the incident.
    opened_at       timestamptz      NOT NULL,
    -- End of the window whose closing resolved it; NULL while open (a reopening clears it).
    resolved_at     timestamptz,
    -- The event applied last, as the message carried it.
    details         jsonb            NOT NULL,
    created_at      timestamptz      NOT NULL DEFAULT now(),
    updated_at      timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX incidents_service_started_idx ON incidents (service_name, started_at DESC);
CREATE INDEX incidents_open_idx ON incidents (service_name, started_at DESC)
    WHERE status = 'open';

-- migrate:down
-- Drops what the up part creates and restores anomalies' 0001 key and columns. Restoring the key
-- fails (and 0003 stays applied) if two stored anomalies share an incident and a window, which
-- the detectors never produce: an incident id names a single kind.
DROP TABLE incidents;
ALTER TABLE anomalies
    DROP COLUMN model_score,
    DROP COLUMN rule_evidence,
    DROP COLUMN contributing_templates,
    DROP CONSTRAINT anomalies_pkey,
    ADD CONSTRAINT anomalies_pkey PRIMARY KEY (incident_id, window_start);
DROP TABLE window_stats;
DROP TABLE insights;
