"""The inbound bridge: RabbitMQ ``log_analysis_queue`` -> the Kafka logs and dead-letter topics.

A mode service that runs in the worker. Messages are taken one at a time as RabbitMQ delivers
them, up to a prefetch window; their records go to Kafka grouped by partition, each service's to
the partition Kafka's default partitioner gives its name (``bridges.partitioning``,
``bridges.batching``), so a partition's records keep the order they arrived in; a message is
acked only
when Kafka acknowledged every record and dead letter that came from it, with one ``multiple``
ack for each run of settled messages (``bridges.acks``). A failed send requeues
the message: Kafka may then hold some records twice, which storage absorbs (records are keyed
by event id).

Past ``max_kafka_lag`` records not yet committed in the logs topic (PostgreSQL slow or down) the
bridge stops consuming, so RabbitMQ holds the rest, and consumes again at half the mark
(``bridges.backpressure`` decides, from a reading of the lag every second). Its RabbitMQ
connection stays open meanwhile: paused, it is still ready.

On stop the bridge stops consuming first (a delivery that comes after that is requeued, and
RabbitMQ requeues what it had sent but the bridge never acked when the connection closes),
sends what it holds, waits for Kafka's acknowledgements and acks; it is registered after the
Faust producer, so it stops before the producer does.

Per message the bridge does as little as it can, since at one record a message the per-message
costs are most of the worker's: aio-pika calls the bridge for each delivery (``Queue.consume``;
a queue iterator added a task, a queue and a wake-up per message), and the
counters of consumed messages and ingested records are added up in plain dicts and handed to
Prometheus once a linger tick (a labelled child's lookup and increment per message cost more
than the rest of taking a one-record message).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import aio_pika
from aio_pika.abc import AbstractIncomingMessage, AbstractQueue, AbstractRobustConnection
from mode import Service

from bridges.acks import AckRuns
from bridges.backpressure import Change, IntakeGate
from bridges.batching import Batch, Batcher, Ticket
from bridges.partitioning import ServicePartitioner
from bridges.queues import connected, declare_queue
from pipeline.errors import LogAnalysisError
from pipeline.ingest import dead_letters
from pipeline.ingest.intake import IntakeLimits, intake
from pipeline.ingest.wire import join_records
from pipeline.metrics import LabelFolder, Metrics

log = logging.getLogger(__name__)


class BridgeUnavailable(LogAnalysisError):
    """The bridge cannot consume now (RabbitMQ unreachable, or not started yet)."""


# Sends key and value to a Kafka topic; the awaitable it returns resolves on Kafka's ack.
KafkaSend = Callable[[bytes, bytes], Awaitable[Awaitable[Any]]]
# Sends a value to one partition of the logs topic; resolves like KafkaSend.
PartitionSend = Callable[[int, bytes], Awaitable[Awaitable[Any]]]
# The number of partitions the logs topic has now.
PartitionCount = Callable[[], Awaitable[int]]
# Told whether the bridge is paused and the Kafka lag in records it saw (None: unknown), after
# every lag reading and on every pause and resume.
GateObserver = Callable[[bool, int | None], None]


class KafkaLag(Protocol):
    """The logs topic's lag as the workers' consumer group has committed it."""

    async def read(self, partitions: int) -> dict[int, int]:
        """Kafka messages not committed, per partition of 0 .. ``partitions`` - 1."""
        ...

    async def close(self) -> None: ...


@dataclass(frozen=True)
class BridgeConfig:
    url: str
    queue: str
    prefetch: int = 1000
    linger_seconds: float = 0.05
    # Kafka's default message.max.bytes is about 1 MB; stay clear of it with the envelope.
    max_batch_bytes: int = 900_000
    limits: IntakeLimits = field(default_factory=IntakeLimits)
    # How long stopping may wait for Kafka to acknowledge what the bridge holds.
    stop_timeout_seconds: float = 30.0
    depth_interval_seconds: float = 5.0
    # How often the logs topic's partition count is read again (partitions may be added).
    partitions_interval_seconds: float = 30.0
    # Records not yet committed in the logs topic past which the bridge pauses; 0: never.
    max_kafka_lag: int = 0
    lag_interval_seconds: float = 1.0
    # A reading that takes longer than this counts as failed.
    lag_timeout_seconds: float = 5.0


class InboundBridge(Service):
    def __init__(
        self,
        config: BridgeConfig,
        send_logs: PartitionSend,
        send_dead_letter: KafkaSend,
        partitions: PartitionCount,
        metrics: Metrics,
        service_labels: LabelFolder,
        kafka_lag: KafkaLag | None = None,
        on_gate: GateObserver | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._config = config
        self._send_logs = send_logs
        self._send_dead_letter = send_dead_letter
        self._partitions = partitions
        self._partitioner = ServicePartitioner(1)
        self._metrics = metrics
        self._labels = service_labels
        self._batcher = Batcher(config.max_batch_bytes, config.linger_seconds)
        self._inflight: set[asyncio.Future[Any]] = set()
        # Per Kafka partition, batches handed to the producer that Kafka has not acknowledged yet.
        self._sending: dict[int, int] = {}
        self._handing_over: defaultdict[int, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._connection: AbstractRobustConnection | None = None
        self._queue: AbstractQueue | None = None
        # The consumer's tag while consuming; the task cancelling it while stopping or pausing.
        self._consumer_tag: str | None = None
        self._cancelling: asyncio.Task[None] | None = None
        # Counts not yet added to the metrics (see the module docstring).
        self._consumed = 0
        self._ingested: dict[tuple[str, str], int] = {}
        self._kafka_lag = kafka_lag
        self._gate = IntakeGate(config.max_kafka_lag if kafka_lag is not None else 0)
        self._on_gate = on_gate or (lambda paused, lag: None)
        self._lag_failing = False
        # Acks of the channel the messages come on; a reconnect brings a new channel.
        self._acks: AckRuns[AbstractIncomingMessage] = AckRuns()
        self._acks_channel: object | None = None
        self._ack_flush_due = False

    async def on_start(self) -> None:
        self._partitioner = ServicePartitioner(await self._partitions())
        self._connection = await aio_pika.connect_robust(self._config.url)
        channel = await self._connection.channel()
        await channel.set_qos(prefetch_count=self._config.prefetch)
        self._queue = await declare_queue(channel, self._config.queue)
        await self._start_consuming(self._queue)
        self.add_future(self._linger_loop())
        self.add_future(self._depth_loop())
        self.add_future(self._partitions_loop())
        if self._gate.max_lag > 0:
            self.add_future(self._lag_loop())
        log.info("bridge: consuming %s (prefetch %d)", self._config.queue, self._config.prefetch)

    def holding(self) -> set[int]:
        """The partitions this bridge holds records for: taken from RabbitMQ, not yet
        acknowledged by Kafka (lingering in a batch, or sent and waiting). Records waiting here
        are on their way to those partitions, which are not idle however caught up their
        consumers are: a Kafka slow to acknowledge must not let the idle clock close windows
        whose records it holds (``pipeline.stream``)."""
        return self._batcher.partitions().union(self._sending)

    async def check(self) -> None:
        """Readiness: raises while the bridge has no open RabbitMQ connection."""
        if not connected(self._connection):
            raise BridgeUnavailable("not connected to RabbitMQ")

    async def on_stop(self) -> None:
        self._stop_consuming()
        if self._cancelling is not None:
            await asyncio.gather(self._cancelling, return_exceptions=True)
        self._metrics.active_consumers.set(0)
        self._count()
        for batch in self._batcher.drain():
            self._produce(batch)
        if self._inflight:
            _, pending = await asyncio.wait(
                self._inflight, timeout=self._config.stop_timeout_seconds
            )
            if pending:
                log.warning(
                    "bridge: %d Kafka sends unconfirmed at stop; their messages will be "
                    "redelivered",
                    len(pending),
                )
        # The last settles scheduled a flush; send it before the connection goes.
        self._flush_acks()
        if self._inflight:
            await asyncio.wait(self._inflight, timeout=self._config.stop_timeout_seconds)
        if self._connection is not None:
            await self._connection.close()
        if self._kafka_lag is not None:
            await self._kafka_lag.close()

    async def _start_consuming(self, queue: AbstractQueue) -> None:
        # A robust queue consumes again with the same callback after a reconnect.
        self._consumer_tag = await queue.consume(self._on_message)
        self._metrics.active_consumers.set(1)

    def _stop_consuming(self) -> None:
        """Cancel the consumer (in the background: a message may be what tipped the gate)."""
        tag, self._consumer_tag = self._consumer_tag, None
        if tag is not None and self._queue is not None:
            self._cancelling = asyncio.ensure_future(self._cancel(self._queue, tag))

    async def _cancel(self, queue: AbstractQueue, tag: str) -> None:
        try:
            await queue.cancel(tag)
        except Exception as exc:
            # The channel is gone: RabbitMQ requeues what it had delivered, and a robust queue
            # no longer restores a consumer it was told to cancel.
            log.warning("bridge: cancelling the consumer failed: %r", exc)

    async def _on_message(self, message: AbstractIncomingMessage) -> None:
        """One delivery. Deliveries already on their way when the bridge stopped consuming
        (paused, or stopping) go back to the queue."""
        if self._consumer_tag is None:
            self._track(message.nack(requeue=True))
            return
        self._consumed += 1
        self._handle(message)

    def _handle(self, message: AbstractIncomingMessage) -> None:
        self._take(message)
        received_at = time.time()
        result = intake(
            message.body,
            source=self._config.queue,
            received_at=received_at,
            limits=self._config.limits,
        )
        ticket = Ticket(settle=lambda ok: self._settle(message, ok))
        for letter in result.dead_letters:
            label = letter.field or "message"
            self._metrics.dead_letters.labels(letter.stage, label).inc()
            self._metrics.logs_failed.labels(label).inc()
            ticket.hold()
            self._track(self._deliver_dead_letter(letter.sha256.hex(), letter, ticket))
        now = time.monotonic()
        ingested = self._ingested
        for accepted in result.accepted:
            key = (accepted.service, accepted.level)
            ingested[key] = ingested.get(key, 0) + 1
            partition = self._partitioner(accepted.service)
            closed = self._batcher.add(partition, accepted.encoded, ticket, now)
            if closed is not None:
                self._produce(closed)
        ticket.seal()
        if self._gate.took(len(result.accepted)) is Change.PAUSE:
            self._pause()

    def _count(self) -> None:
        """Hand the counts taken since the last call to the metrics."""
        if self._consumed:
            self._metrics.messages_consumed.labels(self._config.queue).inc(self._consumed)
            self._consumed = 0
        if self._ingested:
            counts, self._ingested = self._ingested, {}
            ingested = self._metrics.logs_ingested
            for (service, level), n in counts.items():
                ingested.labels(self._labels(service), level).inc(n)

    def _produce(self, batch: Batch) -> None:
        self._sending[batch.partition] = self._sending.get(batch.partition, 0) + 1
        self._track(self._deliver(batch))

    async def _deliver(self, batch: Batch) -> None:
        try:
            # One hand-over to the producer at a time per partition: aiokafka appends a message
            # that fits the open producer batch before an earlier one waiting for room, and a
            # partition's records must reach Kafka in the order they arrived.
            async with self._handing_over[batch.partition]:
                acked = await self._send_logs(batch.partition, join_records(batch.records))
            await acked
        except Exception as exc:
            log.warning("bridge: Kafka send to partition %d failed: %r", batch.partition, exc)
            self._metrics.logs_failed.labels("kafka_send").inc(len(batch.records))
            batch.settle(False)
        else:
            self._gate.messages.sent(batch.partition, len(batch.records))
            batch.settle(True)
        finally:
            left = self._sending[batch.partition] - 1
            if left:
                self._sending[batch.partition] = left
            else:
                del self._sending[batch.partition]

    async def _deliver_dead_letter(self, key: str, letter: Any, ticket: Ticket) -> None:
        try:
            acked = await self._send_dead_letter(key.encode(), dead_letters.encode(letter))
            await acked
        except Exception as exc:
            log.warning("bridge: dead letter send failed: %r", exc)
            ticket.release(False)
        else:
            ticket.release(True)

    def _take(self, message: AbstractIncomingMessage) -> None:
        if message.channel is not self._acks_channel:
            self._acks, self._acks_channel = AckRuns(), message.channel
        assert message.delivery_tag is not None  # consumed with acknowledgements
        self._acks.took(message.delivery_tag, message)

    def _settle(self, message: AbstractIncomingMessage, ok: bool) -> None:
        if message.channel is not self._acks_channel:
            # Taken on a channel that is gone: this fails and RabbitMQ redelivers the message.
            self._track(message.ack() if ok else message.nack(requeue=True))
            return
        if not ok:
            self._track(message.nack(requeue=True))
        assert message.delivery_tag is not None
        self._acks.settled(message.delivery_tag, ok)
        # A Kafka batch settles many messages at once: one flush after them all.
        if not self._ack_flush_due:
            self._ack_flush_due = True
            asyncio.get_running_loop().call_soon(self._flush_acks)

    def _flush_acks(self) -> None:
        self._ack_flush_due = False
        last = self._acks.flush()
        if last is not None:
            self._track(last.ack(multiple=True))

    def _track(self, work: Awaitable[Any]) -> None:
        future = asyncio.ensure_future(work)
        self._inflight.add(future)
        future.add_done_callback(self._done)

    def _done(self, future: asyncio.Future[Any]) -> None:
        self._inflight.discard(future)
        if not future.cancelled() and future.exception() is not None:
            # An ack on a channel that reconnected since: RabbitMQ redelivers the message.
            log.warning("bridge: %r", future.exception())

    async def _linger_loop(self) -> None:
        interval = max(self._config.linger_seconds / 2, 0.005)
        while not self.should_stop:
            await self.sleep(interval)
            for batch in self._batcher.due(time.monotonic()):
                self._produce(batch)
            self._count()

    async def _depth_loop(self) -> None:
        """``unprocessed_logs``: messages waiting in the queue, as RabbitMQ counts them."""
        while not self.should_stop:
            try:
                if self._connection is not None and not self._connection.is_closed:
                    channel = await self._connection.channel()
                    try:
                        queue = await channel.declare_queue(self._config.queue, passive=True)
                        count = queue.declaration_result.message_count
                        self._metrics.unprocessed_logs.set(count or 0)
                    finally:
                        await channel.close()
            except Exception as exc:
                log.debug("bridge: queue depth unavailable: %r", exc)
            await self.sleep(self._config.depth_interval_seconds)

    async def _partitions_loop(self) -> None:
        """Partitions added to the logs topic: services move to where Kafka's partitioner now
        puts them (their tables' keys move the same way)."""
        while not self.should_stop:
            await self.sleep(self._config.partitions_interval_seconds)
            try:
                count = await self._partitions()
            except Exception as exc:
                log.debug("bridge: partition count unavailable: %r", exc)
                continue
            if count != self._partitioner.count:
                log.warning(
                    "bridge: the logs topic has %d partitions now (was %d)",
                    count,
                    self._partitioner.count,
                )
                self._partitioner = ServicePartitioner(count)

    async def _lag_loop(self) -> None:
        """Reads the logs topic's lag every ``lag_interval_seconds`` and pauses or resumes."""
        while not self.should_stop:
            change = await self._read_lag()
            if change is Change.PAUSE:
                self._pause()
            elif not self._gate.paused and self._consumer_tag is None:
                # Resumed now, or resumed before and consuming again failed: try (again).
                await self._resume()
            self._on_gate(self._gate.paused, self._gate.lag)
            await self.sleep(self._config.lag_interval_seconds)

    async def _read_lag(self) -> Change | None:
        assert self._kafka_lag is not None  # the loop runs only with a reader
        self._gate.reading()
        try:
            async with asyncio.timeout(self._config.lag_timeout_seconds):
                lags = await self._kafka_lag.read(self._partitioner.count)
        except Exception as exc:
            if not self._lag_failing:
                log.warning(
                    "bridge: Kafka lag unavailable: %r; kept as it was for %.0f s, then taking "
                    "messages until it can be read again",
                    exc,
                    self._gate.grace_seconds,
                )
            self._lag_failing = True
            change = self._gate.failed(time.monotonic())
            if change is Change.RESUME:
                log.warning("bridge: Kafka lag still unavailable; taking messages again")
            return change
        if self._lag_failing:
            log.info("bridge: Kafka lag readable again")
            self._lag_failing = False
        return self._gate.measured(lags, time.monotonic())

    def _pause(self) -> None:
        """Stop consuming; what was prefetched goes back to the queue, what was taken goes on
        to Kafka and is acked as always."""
        log.warning(
            "bridge: paused taking messages from %s: about %d records wait in Kafka, past the "
            "mark of %d; RabbitMQ holds the rest until they are down to %d",
            self._config.queue,
            self._gate.lag or 0,
            self._gate.max_lag,
            self._gate.resume_lag,
        )
        self._metrics.active_consumers.set(0)
        self._on_gate(True, self._gate.lag)
        self._stop_consuming()

    async def _resume(self) -> None:
        if self._cancelling is not None:
            await asyncio.gather(self._cancelling, return_exceptions=True)
        if self.should_stop or self._queue is None or self._consumer_tag is not None:
            return
        log.info(
            "bridge: taking messages from %s again: about %d records wait in Kafka",
            self._config.queue,
            self._gate.lag or 0,
        )
        try:
            await self._start_consuming(self._queue)
        except Exception as exc:
            log.warning("bridge: consuming again failed, trying again: %r", exc)
