"""Per-service state in changelog-backed tables: values split into records Kafka accepts, and the
partitioner that keeps a service's records together. Pure (the table is any mutable mapping)."""
