"""Our Prometheus metrics, defined once against an injected registry.

The names follow the seed README so dashboards written for it keep working; Faust's own sensor
metrics live in the same registry under the ``faust_`` prefix.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

# API latency is dominated by Postgres round trips for history queries, so the buckets reach
# further than prometheus-client's defaults while keeping resolution below 100 ms.
_API_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


@dataclass
class LabelFolder:
    """Keeps a label's values bounded: the first ``limit`` distinct values are themselves, every
    later one is ``other``. Service names come from input; without this, a producer inventing a
    service per record would make Prometheus store a series per record."""

    limit: int
    _seen: set[str] = field(default_factory=set)

    def __call__(self, value: str) -> str:
        if value in self._seen:
            return value
        if len(self._seen) < self.limit:
            self._seen.add(value)
            return value
        return "other"


@dataclass(frozen=True)
class Metrics:
    logs_ingested: Counter
    logs_processed: Counter
    logs_failed: Counter
    dead_letters: Counter
    anomalies_detected: Counter
    patterns_detected: Counter
    insights_left_out: Counter
    miner_bound_hits: Counter
    detector_evictions: Counter
    messages_consumed: Counter
    messages_published: Counter
    api_requests: Counter
    api_request_duration: Histogram
    auth_failures: Counter
    client_tokens_issued: Counter
    active_consumers: Gauge
    unprocessed_logs: Gauge
    kafka_consumer_lag: Gauge
    storage_retries: Counter
    publish_retries: Counter
    publish_repeats_skipped: Counter
    publish_ledger_errors: Counter
    ingest_batch_seconds: Histogram
    ingest_stage_seconds: Counter
    state_errors: Counter
    agent_failures: Counter
    skipped_events: Counter
    partitions_resumed: Counter
    ingest_stalls: Counter
    ingest_stalled_partitions: Gauge
    bridge_paused: Gauge
    bridge_kafka_lag: Gauge

    def observe_gate(self, paused: bool, lag_records: int | None) -> None:
        """The inbound bridge's backpressure state (its ``on_gate``); a lag of None is unknown."""
        self.bridge_paused.set(int(paused))
        if lag_records is not None:
            self.bridge_kafka_lag.set(lag_records)

    @classmethod
    def create(cls, registry: CollectorRegistry) -> Metrics:
        return cls(
            logs_ingested=Counter(
                "logs_ingested", "Log records accepted", ["service", "level"], registry=registry
            ),
            logs_processed=Counter(
                "logs_processed", "Log records fully processed", registry=registry
            ),
            logs_failed=Counter(
                "logs_failed", "Log records that failed processing", ["reason"], registry=registry
            ),
            dead_letters=Counter(
                "dead_letters",
                "Payloads sent to the dead-letter topic",
                ["stage", "reason"],
                registry=registry,
            ),
            anomalies_detected=Counter(
                "anomalies_detected", "Anomalous windows", ["kind", "severity"], registry=registry
            ),
            patterns_detected=Counter(
                "patterns_detected", "New log templates mined", registry=registry
            ),
            insights_left_out=Counter(
                "insights_left_out",
                "Insights not emitted past a bound (new_pattern: over "
                "NEW_PATTERNS_PER_SERVICE of a service in one batch)",
                ["type"],
                registry=registry,
            ),
            miner_bound_hits=Counter(
                "template_miner_bound_hits",
                "Times a template-miner bound was hit (tokens, templates, services, memory)",
                ["bound"],
                registry=registry,
            ),
            detector_evictions=Counter(
                "detector_evicted_services",
                "Services the live detectors evicted, least recently seen first, past "
                "ANALYSIS_MAX_SERVICES (their learned state and saved state go)",
                registry=registry,
            ),
            messages_consumed=Counter(
                "messages_consumed", "RabbitMQ messages consumed", ["queue"], registry=registry
            ),
            messages_published=Counter(
                "messages_published", "RabbitMQ messages published", ["queue"], registry=registry
            ),
            api_requests=Counter(
                "api_requests",
                "HTTP API requests",
                ["method", "endpoint", "status"],
                registry=registry,
            ),
            api_request_duration=Histogram(
                "api_request_duration_seconds",
                "HTTP API request latency",
                ["method", "endpoint"],
                buckets=_API_BUCKETS,
                registry=registry,
            ),
            auth_failures=Counter(
                "auth_failures", "Rejected API credentials", ["reason"], registry=registry
            ),
            client_tokens_issued=Counter(
                "client_tokens_issued",
                "Bearer tokens issued to service clients at /api/v1/auth/token",
                registry=registry,
            ),
            active_consumers=Gauge(
                "active_consumers", "Active RabbitMQ consumers", registry=registry
            ),
            unprocessed_logs=Gauge(
                "unprocessed_logs", "Messages waiting in the ingest queue", registry=registry
            ),
            kafka_consumer_lag=Gauge(
                "kafka_consumer_lag",
                "Messages of the logs topic not yet committed by this worker",
                ["partition"],
                registry=registry,
            ),
            storage_retries=Counter(
                "storage_retries",
                "PostgreSQL writes retried after a transient error",
                ["reason"],
                registry=registry,
            ),
            publish_retries=Counter(
                "publish_retries",
                "RabbitMQ publishes retried (queue missing, broker away, message returned)",
                ["queue"],
                registry=registry,
            ),
            publish_repeats_skipped=Counter(
                "publish_repeats_skipped",
                "Insights delivered again by Kafka and not published again: RabbitMQ had "
                "confirmed them (outbound_sent)",
                ["queue"],
                registry=registry,
            ),
            publish_ledger_errors=Counter(
                "publish_ledger_errors",
                "Outbound ledger reads or records that failed (published anyway)",
                ["operation"],
                registry=registry,
            ),
            state_errors=Counter(
                "service_state_errors",
                "Per-service states not restored (unreadable: started afresh) or not saved "
                "(too_large)",
                ["table", "reason"],
                registry=registry,
            ),
            agent_failures=Counter(
                "agent_failures",
                "Batches an agent failed on unexpectedly and tries again (never skipped)",
                ["agent"],
                registry=registry,
            ),
            skipped_events=Counter(
                "skipped_events",
                "Times Faust skipped events of a partition (read again from the first one), and "
                "seeks made again when the first one had not come back",
                ["agent"],
                registry=registry,
            ),
            partitions_resumed=Counter(
                "partitions_resumed",
                "Stream partitions the watchdog resumed: paused with no rebalance or recovery "
                "running (faust-streaming#629)",
                ["topic"],
                registry=registry,
            ),
            ingest_stalls=Counter(
                "ingest_stalls",
                "Logs partitions whose waiting records the ingest agent finished none of for "
                "INGEST_STALL_SECONDS, with no rebalance or recovery running (each stall once)",
                ["topic"],
                registry=registry,
            ),
            ingest_stalled_partitions=Gauge(
                "ingest_stalled_partitions",
                "Logs partitions stalled now (ingest_stalls_total counts them as they stall)",
                registry=registry,
            ),
            bridge_paused=Gauge(
                "bridge_paused",
                "1 while the inbound bridge takes no messages: the Kafka lag passed "
                "BRIDGE_MAX_KAFKA_LAG",
                registry=registry,
            ),
            bridge_kafka_lag=Gauge(
                "bridge_kafka_lag_records",
                "Records in the logs topic not yet committed by the workers' group, as the "
                "bridge estimates them",
                registry=registry,
            ),
            ingest_batch_seconds=Histogram(
                "ingest_batch_seconds",
                "Time to mine and store one batch of log records",
                buckets=_API_BUCKETS,
                registry=registry,
            ),
            ingest_stage_seconds=Counter(
                "ingest_stage_seconds",
                "Seconds the ingest agent spent per stage of its batches: decode, mine, store, "
                "state, emit (new patterns), detect (with the sending of closed windows' "
                "insights) (awaits included)",
                ["stage"],
                registry=registry,
            ),
        )
