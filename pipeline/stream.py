"""Wires the ingest path onto the app: bridge, agents, miner-state table, sink, lag metric.

Wiring only; the logic lives in ``bridges``, ``pipeline.ingest``, ``pipeline.agents`` and
``storage``. Everything built here is kept on :class:`StreamParts` so tests reach it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Container, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import faust
import orjson
from faust.types import TP

from bridges.backpressure import HeldBack
from bridges.inbound import BridgeConfig, InboundBridge
from bridges.outbound import OutboundPublisher, PublisherConfig, register_outbound_agent
from bridges.partitioning import ServicePartitioner
from pipeline.agents.dead_letters import register_dead_letter_agent
from pipeline.agents.ingest import Ingestor, register_ingest_agent
from pipeline.agents.insights import register_insights_agent
from pipeline.agents.sequence import FaustPartitionOffsets, OffsetSequence
from pipeline.analysis.config import RecordLimits
from pipeline.analysis.engine import RefitJob
from pipeline.analysis.scorers import FastForest
from pipeline.consumer_lag import CommittedStarts, FaustOffsets, HandledOffsets, PartitionLag
from pipeline.errors import LogAnalysisError
from pipeline.group_lag import GroupLag
from pipeline.ingest.intake import IntakeLimits
from pipeline.ingest_watchdog import CHECK_SECONDS as INGEST_CHECK_SECONDS
from pipeline.ingest_watchdog import (
    agent_coroutines,
    faust_describe,
    lag_progress,
    register_ingest_watchdog,
)
from pipeline.insights.detectors import Detectors
from pipeline.insights.messages import InsightMessage
from pipeline.metrics import LabelFolder, Metrics
from pipeline.partition_watchdog import register_partition_watchdog
from pipeline.producer_topics import track_topics
from pipeline.settings import Settings
from pipeline.state.chunks import ChunkedStates
from pipeline.templates import ServiceMiners
from pipeline.topics import Topics
from pipeline.wiring import analysis_config, miner_config
from storage.database import Database
from storage.day_partitions import DayPartitions
from storage.insight_sink import InsightSink
from storage.log_sink import LogSink
from storage.open_records import OpenRecordsReader
from storage.outbound_ledger import OutboundLedger
from storage.retry import ErrorKind

log = logging.getLogger(__name__)

LAG_INTERVAL_SECONDS = 5.0
# Changelogs that compact soon enough to keep recovery short: a segment rolls every ten
# minutes (the default is a week, and the active segment is never compacted), and compaction
# starts once a tenth of the log is superseded values.
CHANGELOG_CONFIGS = {
    "cleanup.policy": "compact",
    "segment.ms": str(10 * 60 * 1000),
    "min.cleanable.dirty.ratio": "0.1",
    "delete.retention.ms": str(24 * 3600 * 1000),
}
# How often idle partitions' clocks close windows.
TICK_INTERVAL_SECONDS = 1.0
# How often a worker looks for day partitions past the retention (a catalog query when none are).
RETENTION_INTERVAL_SECONDS = 600.0
FIT_THREADS = 2


@dataclass(frozen=True)
class StreamParts:
    # None in a backfill worker: it reads its job's topic, and publishes nothing.
    bridge: InboundBridge | None
    ingestor: Ingestor
    detectors: Detectors
    sink: LogSink
    miner_state: Any
    detector_state: Any
    ingest_agent: Any
    dead_letter_agent: Any
    insights_agent: Any
    publisher: OutboundPublisher | None
    outbound_agent: Any
    fit_pool: ThreadPoolExecutor
    lag: PartitionLag
    partitions: DayPartitions

    async def check_state(self, app: faust.App) -> None:
        """Readiness: the tables hold their partitions' state (not while they recover it)."""
        if not _tables_recovered(app):
            raise StateRecovering("tables are recovering their state")

    async def check_rabbitmq(self) -> None:
        """Readiness: both bridges hold an open RabbitMQ connection (a backfill has none)."""
        if self.bridge is not None:
            await self.bridge.check()
        if self.publisher is not None:
            await self.publisher.check()


def attach_stream(
    app: faust.App, settings: Settings, metrics: Metrics, database: Database, topics: Topics
) -> StreamParts:
    ingest = settings.ingest
    labels = LabelFolder(ingest.max_service_labels)
    batch_seconds = ingest.batch_wait_ms / 1000
    partitions = DayPartitions(
        database,
        settings.sql_dir,
        settings.database.logs_retention_days,
    )
    sink = LogSink(
        database,
        settings.sql_dir,
        should_stop=lambda: app.should_stop,
        source=topics.logs.get_topic_name(),
        payload_limit=ingest.dead_letter_payload_bytes,
        observer=_SinkMetrics(metrics),
        partitions=partitions,
    )
    # Keyed by the service's Kafka key and partitioned like the logs topic, so the state of a
    # service lives in the changelog partition of the worker that consumes that service. A large
    # value is split over several keys (``pipeline.state.chunks``) that the app's partitioner
    # puts in the same partition.
    miner_state = app.Table(
        "miner-state",
        default=None,
        # bytes keys and values travel raw: the key is the service name's UTF-8 bytes, which
        # Kafka's partitioner puts where the bridge puts the service's records.
        key_type=bytes,
        value_type=bytes,
        partitions=settings.kafka.topic_partitions,
        use_partitioner=True,
        extra_topic_configs=CHANGELOG_CONFIGS,
    )
    detector_state = app.Table(
        "detector-state",
        default=None,
        key_type=bytes,
        value_type=bytes,
        partitions=settings.kafka.topic_partitions,
        use_partitioner=True,
        extra_topic_configs=CHANGELOG_CONFIGS,
    )
    # Isolation-forest fits: threads, so the loop runs on while sklearn builds trees; two, as
    # a refit wave after a catch-up should not take every core from the agents.
    fit_pool = ThreadPoolExecutor(max_workers=FIT_THREADS, thread_name_prefix="forest-fit")

    async def run_fit(job: RefitJob) -> FastForest:
        return await asyncio.get_running_loop().run_in_executor(fit_pool, job.run)

    backfill = settings.backfill
    insight_sink = InsightSink(
        database,
        settings.sql_dir,
        should_stop=lambda: app.should_stop,
        observer=_SinkMetrics(metrics),
        origin="replay" if backfill else "live",
    )
    insight_store = insight_sink if backfill != "windows" else WindowsOnly(insight_sink)

    async def emit(messages: Sequence[InsightMessage]) -> None:
        """Send insights and wait until Kafka has them all (before the batch is acked)."""
        if not messages:
            return
        acks = [
            await topics.insights.send(key=message.key, value=message.encode())
            for message in messages
        ]
        await asyncio.gather(*acks)
        for message in messages:
            if message.type == "anomaly":
                data = message.body["data"]
                metrics.anomalies_detected.labels(data["kind"], data["severity"]).inc()

    async def store_insights(messages: Sequence[InsightMessage]) -> None:
        """A backfill's insights go straight to PostgreSQL: it has no insights topic (nothing
        of it is published, and its worker stores what it finds itself)."""
        if messages:
            await insight_store.store([orjson.loads(message.encode()) for message in messages])

    deliver = store_insights if backfill else emit
    detectors = Detectors(
        analysis_config(settings.analysis),
        run_fit,
        store=TableStates(detector_state, ServicePartitioner(settings.kafka.topic_partitions)),
        # A backfill's open windows are not refilled from PostgreSQL after a restart: its
        # records are mostly there already, ahead of what the job has read.
        open_records=None if settings.backfill else OpenRecordsReader(database, settings.sql_dir),
        on_state_problem=lambda reason: metrics.state_errors.labels("detector", reason).inc(),
        on_evicted=metrics.detector_evictions.inc,
        emit=deliver,
    )

    ingestor = Ingestor(
        detectors=detectors,
        emit=deliver,
        miners=ServiceMiners(miner_config(settings.templates)),
        state=ChunkedStates(miner_state),
        sink=sink,
        metrics=metrics,
        service_labels=labels,
        source=topics.logs.get_topic_name(),
        payload_limit=ingest.dead_letter_payload_bytes,
        count_every_row=bool(settings.backfill),
    )

    def on_failure(agent: str) -> None:
        metrics.agent_failures.labels(agent).inc()

    def on_skip(agent: str) -> None:
        metrics.skipped_events.labels(agent).inc()

    changelogs = [table.changelog_topic.get_topic_name() for table in (miner_state, detector_state)]

    async def track_changelogs() -> None:
        await track_topics(app.producer._ensure_producer(), changelogs)  # type: ignore[attr-defined]

    # What the ingest agent finished, for the idle tick (``pipeline.consumer_lag``).
    handled = HandledOffsets(lambda: app.consumer.assignment())
    # The offsets the ingest agent expects, for a stall's report.
    ingest_sequence = OffsetSequence()
    ingest_agent = register_ingest_agent(
        app,
        topics.logs,
        ingestor,
        ingest.batch_messages,
        batch_seconds,
        on_failure,
        on_skip,
        before_batch=track_changelogs,
        on_finished=handled.note,
        sequence=ingest_sequence,
    )
    dead_letter_agent = register_dead_letter_agent(
        app,
        topics.dead_letter,
        sink,
        source=topics.dead_letter.get_topic_name(),
        payload_limit=ingest.dead_letter_payload_bytes,
        batch_messages=ingest.batch_messages,
        batch_seconds=batch_seconds,
        on_failure=on_failure,
        on_skip=on_skip,
    )

    insights_agent = (
        None
        if backfill
        else register_insights_agent(
            app,
            topics.insights,
            insight_store,
            metrics,
            batch_messages=ingest.batch_messages,
            batch_seconds=batch_seconds,
            on_failure=on_failure,
            on_skip=on_skip,
        )
    )
    publisher: OutboundPublisher | None = None
    outbound_agent: Any = None
    if not backfill:
        rabbit = settings.rabbitmq
        publisher = OutboundPublisher(
            PublisherConfig(
                url=rabbit.url, queues=(rabbit.alerts_queue, rabbit.recommendation_queue)
            ),
            should_stop=lambda: app.should_stop,
            on_retry=lambda queue, reason: metrics.publish_retries.labels(queue).inc(),
        )
        app.service(publisher)  # type: ignore[arg-type]  # Faust accepts an instance as well
        outbound_agent = register_outbound_agent(
            app,
            topics.insights,
            publisher,
            alerts_queue=rabbit.alerts_queue,
            recommendation_queue=rabbit.recommendation_queue,
            metrics=metrics,
            batch_messages=ingest.batch_messages,
            batch_seconds=batch_seconds,
            ledger=OutboundLedger(database, settings.sql_dir),
        )
    logs_topic = topics.logs.get_topic_name()
    lag = PartitionLag(FaustOffsets(app, handled), logs_topic)
    committed = FaustPartitionOffsets(app)

    async def ask_committed(tps: set[TP]) -> dict[TP, int]:
        found = await committed.first({(tp.topic, tp.partition) for tp in tps})
        return {TP(*partition): offset for partition, offset in found.items()}

    starts = CommittedStarts(lag, handled, ask_committed)

    async def forget_moved_state(sender: Any, revoked: set[TP], **kwargs: Any) -> None:
        ingestor.forget_state()
        detectors.forget(tp.partition for tp in revoked if tp.topic == logs_topic)
        handled.forget(revoked)

    app.on_partitions_revoked.connect(forget_moved_state)  # type: ignore[arg-type]

    bridge: InboundBridge | None = None
    held_back = HeldBack()

    def observe_gate(paused: bool, lag_records: int | None) -> None:
        metrics.observe_gate(paused, lag_records)
        held_back.observe(paused, time.monotonic())

    if not backfill:
        bridge = InboundBridge(
            BridgeConfig(
                url=settings.rabbitmq.url,
                queue=settings.rabbitmq.log_queue,
                prefetch=ingest.prefetch,
                linger_seconds=ingest.linger_ms / 1000,
                max_batch_bytes=ingest.kafka_message_max_bytes,
                limits=IntakeLimits(
                    max_message_bytes=ingest.max_message_bytes,
                    max_future_seconds=float(settings.analysis.max_future_seconds),
                    dead_letter_payload_bytes=ingest.dead_letter_payload_bytes,
                    records=RecordLimits(),
                ),
                max_kafka_lag=ingest.max_kafka_lag,
            ),
            send_logs=lambda partition, value: topics.logs.send(value=value, partition=partition),
            send_dead_letter=lambda key, value: topics.dead_letter.send(key=key, value=value),
            partitions=lambda: _partition_count(app, logs_topic),
            metrics=metrics,
            service_labels=labels,
            # The whole group's lag: this bridge feeds every partition, not only this worker's.
            kafka_lag=GroupLag(settings.kafka.bootstrap_servers, app.conf.id, logs_topic)
            if ingest.max_kafka_lag
            else None,
            on_gate=observe_gate,
        )
        app.service(bridge)  # type: ignore[arg-type]  # Faust accepts an instance as well

    async def report_lag() -> None:
        await _report_lag(lag, metrics)

    app.timer(LAG_INTERVAL_SECONDS)(report_lag)
    register_partition_watchdog(app, metrics)
    register_ingest_watchdog(
        app,
        metrics,
        logs_topic,
        lag_progress(lag),
        faust_describe(app, lag, ingest_sequence),
        stall_seconds=ingest.stall_report_seconds,
        every_seconds=min(INGEST_CHECK_SECONDS, ingest.stall_report_seconds / 2),
        coroutines=agent_coroutines(app),
    )

    async def close_idle_windows() -> None:
        # The lag from the consumer's last fetches, not from the broker: asking the broker
        # takes longer than this timer's interval (``pipeline.consumer_lag``).
        try:
            await track_changelogs()
        except Exception as exc:  # the producer not started, Kafka away: the next tick retries
            log.debug("tick skipped: %r", exc)
            return
        if _tables_ready(app):
            # A partition assigned is restored at once, whether or not records or ticks come.
            await detectors.restore(lag.partitions(), time.time(), quietly=True)
            try:
                await starts.fill()
            except Exception as exc:  # revoked meanwhile, the consumer stopping: next tick
                log.debug("committed offsets unavailable: %r", exc)
        # Caught up counts only what the ingest agent finished, never what was fetched: records
        # still in Faust's buffers would come after their windows closed. For a backfill, whose
        # topic was filled before its worker started, caught up is the end.
        idle = _idle(lag, held_back, bridge.holding() if bridge is not None else ())
        await detectors.tick(time.time(), idle, at_end=bool(backfill))

    app.timer(TICK_INTERVAL_SECONDS)(close_idle_windows)

    async def drop_expired_days() -> None:
        try:
            await partitions.drop_expired()
        except Exception as exc:  # the database away: the next round tries again
            log.warning("retention: dropping expired log partitions failed: %r", exc)

    if not backfill:  # the live workers keep the retention
        app.task(drop_expired_days)
        app.timer(RETENTION_INTERVAL_SECONDS)(drop_expired_days)

    return StreamParts(
        bridge,
        ingestor,
        detectors,
        sink,
        miner_state,
        detector_state,
        ingest_agent,
        dead_letter_agent,
        insights_agent,
        publisher,
        outbound_agent,
        fit_pool,
        lag,
        partitions,
    )


class WindowsOnly:
    """A backfill without ``--detect``: of its insights, only window summaries are stored."""

    def __init__(self, sink: InsightSink) -> None:
        self._sink = sink

    async def store(self, messages: Sequence[dict[str, Any]]) -> int:
        return await self._sink.store([m for m in messages if m.get("type") == "window_summary"])


class StateRecovering(LogAnalysisError):
    """The worker is still reading its tables' state back from their changelogs."""


class TableStates(ChunkedStates):
    """The detectors' state store: the table's values, listed by the partition of their
    service."""

    def __init__(self, table: Any, partitioner: ServicePartitioner) -> None:
        super().__init__(table)
        self._partitioner = partitioner

    def services(self, partition: int) -> list[str]:
        return [name for name in self.names() if self._partitioner(name) == partition]


class _SinkMetrics:
    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    def on_retry(self, kind: ErrorKind, code: str) -> None:
        # The kind, not the SQLSTATE: a handful of values keeps the label bounded.
        self._metrics.storage_retries.labels(kind.value).inc()

    def on_rejected(self, code: str) -> None:
        pass  # counted by the agent, which knows the stage


async def _partition_count(app: faust.App, topic: str) -> int:
    """Partitions of ``topic`` as the producer's metadata has them (fetched if need be)."""
    # Faust's producer exposes no metadata call of its own; aiokafka's producer does.
    producer = app.producer._ensure_producer()  # type: ignore[attr-defined]
    return len(await producer.partitions_for(topic))


def _tables_recovered(app: faust.App) -> bool:
    """The tables hold their partitions' state (not recovering it)."""
    recovery = app.tables.recovery  # type: ignore[attr-defined]  # TableManager has it
    return not app.in_recovery and bool(recovery.completed.is_set())


def _tables_ready(app: faust.App) -> bool:
    """Not rebalancing, and the tables hold their partitions' state."""
    return not app.rebalancing and _tables_recovered(app)


def _idle(lag: PartitionLag, held_back: HeldBack, in_hand: Container[int] = ()) -> list[int]:
    """Partitions whose clocks may close windows: every record fetched finished by the agent,
    no records held back in RabbitMQ by the bridge's backpressure
    (``bridges.backpressure.HeldBack``), and none ``in_hand`` (taken by this worker's bridge,
    not yet in Kafka)."""
    if held_back.holding(time.monotonic()):
        return []
    return [partition for partition in _caught_up(lag) if partition not in in_hand]


def _caught_up(lag: PartitionLag) -> list[int]:
    try:
        return lag.caught_up()
    except Exception as exc:  # no tick this time (the consumer not started yet); the next retries
        log.debug("lag unavailable: %r", exc)
        return []


async def _report_lag(lag: PartitionLag, metrics: Metrics) -> None:
    """``kafka_consumer_lag{partition}``: the logs topic's end offset minus what this worker has
    committed, for the partitions it owns."""
    try:
        lags = await lag.measure()
    except Exception as exc:  # a metric must never stop the worker
        log.debug("lag unavailable: %r", exc)
        return
    for partition, value in lags.items():
        metrics.kafka_consumer_lag.labels(str(partition)).set(value)
