-- name: was_sent
-- Whether RabbitMQ confirmed message $1 before.
SELECT EXISTS (SELECT 1 FROM outbound_sent WHERE message_id = $1);

-- name: record_sent
-- Message $1 was confirmed into queue $2 (a repeat changes nothing).
INSERT INTO outbound_sent (message_id, queue) VALUES ($1, $2) ON CONFLICT (message_id) DO NOTHING;

-- name: forget_sent_before
-- Deletes what was confirmed before $1: Kafka no longer holds those insights to deliver again.
DELETE FROM outbound_sent WHERE sent_at < $1;
