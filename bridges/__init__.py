"""RabbitMQ <-> Kafka bridges (the ingest and insight paths of the streaming service)."""
