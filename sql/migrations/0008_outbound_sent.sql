-- migrate:up
-- 0008_outbound_sent: the messages RabbitMQ confirmed, by AMQP message id (bridges/outbound.py).
-- The outbound bridge looks a message up before publishing and records it once confirmed, so an
-- insight Kafka delivers again (a worker killed before it committed its offset, a Kafka restart,
-- a rebalance) is not published a second time. Best effort: while PostgreSQL is away the bridge
-- publishes without it (delivery stays at least once, never blocked on the database).
-- Rows older than the insights topic's retention are deleted by the bridge (sent_at index).

CREATE TABLE outbound_sent (
    message_id text        PRIMARY KEY,
    queue      text        NOT NULL,
    sent_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbound_sent_sent_at_idx ON outbound_sent (sent_at);

-- migrate:down
DROP TABLE outbound_sent;
