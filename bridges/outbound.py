"""The outbound bridge: the insights topic -> RabbitMQ alerts_queue and recommendation_queue.

An insights-topic message carries what to publish (``outbound``: a logical queue and the exact
message, or null; ``pipeline.insights.messages``); the bridge only forwards it. The agent takes
events in topic order and publishes one at a time on a channel with publisher confirms: a
persistent message to the default exchange, ``mandatory``, whose ``message_id`` is the insight's
id. An event's Kafka offset is acked only once RabbitMQ confirmed its message.

``mandatory`` matters: without it RabbitMQ confirms a message that no queue took and drops it.
With it the message comes back (``basic.return``) and the publish fails like a nack or a closed
channel does. Failures are retried with backoff until the publish succeeds or the worker stops;
a stopping worker leaves the event unacked and Kafka redelivers it later. Delivery is therefore
at least once: a confirm lost in a reconnect, or a redelivered event, publishes the same
message again with the same ``message_id`` (and, for alerts, the same ``alert_id`` and
``revision``), so consumers drop what they have seen.

A deleted queue comes back by itself: before every retry the bridge re-declares the target
queue (durable, as ``bridges.queues`` declares it), so an alert waits only as long as RabbitMQ is
unreachable or refuses the declaration, never for an operator. Waiting for someone else to
re-create the queue would leave every alert in Kafka until then; the queues belong to this
service and it declares them at start anyway. A re-created queue is empty: messages it held
when it was deleted are gone, as RabbitMQ confirmed them before; the bridge cannot see that.

Repeats are mostly avoided: with a ledger (``storage.outbound_ledger``, table ``outbound_sent``)
the forwarder skips a message RabbitMQ confirmed before (``publish_repeats_skipped_total``) and
records each confirm. A ledger that does not answer is counted (``publish_ledger_errors_total``)
and passed over, so an alert never waits for PostgreSQL; then a repeat can still go out.

Unreadable events (not JSON, no id, an unknown queue) can never succeed: they are logged,
counted in ``logs_failed{reason="unreadable_insight"}`` and acked.

Wiring: an :class:`OutboundPublisher` with ``should_stop=lambda: app.should_stop``, started with
the app (``app.service(publisher)``; its ``check`` is a readiness check), and
:func:`register_outbound_agent` on the insights topic. Faust waits for in-flight events before it
gives partitions up, and the publisher gives up only when the worker stops: a rebalance while
RabbitMQ is down waits for RabbitMQ (as ingest waits for PostgreSQL).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import aio_pika
import orjson
from aio_pika.abc import AbstractChannel, AbstractQueue, AbstractRobustConnection
from aio_pika.exceptions import DeliveryError, PublishError
from mode import Service

from bridges.queues import connected, declare_queue, persistent_message
from pipeline.agents.sequence import PartitionOffsets, sequencer
from pipeline.agents.stopping import give_up_unacked, until_done
from pipeline.errors import LogAnalysisError
from pipeline.insights.messages import ALERTS, RECOMMENDATIONS
from pipeline.metrics import Metrics
from storage.outbound_ledger import LedgerUnavailable
from storage.retry import Backoff

log = logging.getLogger(__name__)

UNREADABLE = "unreadable_insight"
# AMQP's message-id is a short string: at most 255 bytes.
MAX_MESSAGE_ID_BYTES = 255
_QUEUES = frozenset((ALERTS, RECOMMENDATIONS))


class OutboundError(LogAnalysisError):
    """Root of the outbound bridge's errors."""


class OutboundUnavailable(OutboundError):
    """The publisher has no open RabbitMQ connection (not started, stopped, or RabbitMQ down)."""


class PublishFailed(OutboundError):
    """One attempt failed: ``reason`` is ``returned`` (no queue took it), ``nacked``,
    ``timeout`` or the class name of the error (a closed channel or connection)."""

    def __init__(self, queue: str, reason: str) -> None:
        super().__init__(f"{queue}: {reason}")
        self.queue = queue
        self.reason = reason


class PublishAborted(OutboundError):
    """The worker is stopping and the message was not confirmed: leave its event unacked."""


@dataclass(frozen=True, slots=True)
class Outbound:
    """What to publish: ``queue`` is logical (``alerts`` or ``recommendations``)."""

    queue: str
    body: bytes
    message_id: str


@dataclass(frozen=True, slots=True)
class Unreadable:
    reason: str


def outbound_of(value: Any) -> Outbound | Unreadable | None:
    """The message an insights-topic value asks to publish; None when it asks for nothing
    (``outbound`` is null), :class:`Unreadable` when it is not an insight this version reads.
    Never raises."""
    if not isinstance(value, bytes | bytearray | memoryview):
        return Unreadable(f"value is {type(value).__name__}, not bytes")
    try:
        insight = orjson.loads(value)
    except orjson.JSONDecodeError:
        return Unreadable("not JSON")
    if not isinstance(insight, dict):
        return Unreadable("not a JSON object")
    insight_id = insight.get("id")
    if not isinstance(insight_id, str) or not insight_id:
        return Unreadable("no id")
    if "outbound" not in insight:
        return Unreadable("no outbound")
    outbound = insight["outbound"]
    if outbound is None:
        return None
    if not isinstance(outbound, dict) or not isinstance(outbound.get("message"), dict):
        return Unreadable("outbound is not {queue, message}")
    queue = outbound.get("queue")
    if not isinstance(queue, str) or queue not in _QUEUES:
        return Unreadable(f"unknown queue {str(queue)[:40]!r}")
    try:
        body = orjson.dumps(outbound["message"])
    except orjson.JSONEncodeError:  # pragma: no cover - what orjson read it can write
        return Unreadable("message cannot be encoded")
    return Outbound(queue, body, message_id(insight_id))


def message_id(insight_id: str) -> str:
    """The insight's id, or its digest when it is too long for AMQP (a long service name): the
    same either way on every redelivery. RabbitMQ matches a returned message to its publish by
    this id, so it is never empty."""
    encoded = insight_id.encode("utf-8", "surrogatepass")
    if len(encoded) <= MAX_MESSAGE_ID_BYTES:
        return insight_id
    return "sha256:" + hashlib.sha256(encoded).hexdigest()


@dataclass(frozen=True)
class PublisherConfig:
    url: str
    # Declared durable at start; the agent publishes only to these.
    queues: tuple[str, ...]
    backoff: Backoff = field(default_factory=Backoff)
    # One attempt: waiting for the connection, re-declaring the queue, publishing, the confirm.
    # A stopping worker waits for the attempt in flight (its confirm saves a redelivery), so
    # this also bounds how long a stop can take while RabbitMQ does not answer.
    attempt_timeout_seconds: float = 10.0
    # How often a wait between attempts looks at should_stop.
    stop_poll_seconds: float = 0.25


def _never() -> bool:
    return False


def _ignore(queue: str, reason: str) -> None:
    pass


class OutboundPublisher(Service):
    """Publishes with confirms and ``mandatory`` on one channel of a robust connection.

    Connects, opens the channel and declares the queues at start; closes at stop. ``publish``
    waits for the start, so an agent that gets an event first does not fail. ``should_stop``
    (the worker's) and the service's own stop end the retries.
    """

    def __init__(
        self,
        config: PublisherConfig,
        *,
        should_stop: Callable[[], bool] = _never,
        on_retry: Callable[[str, str], None] = _ignore,
        connect: Callable[[str], Awaitable[AbstractRobustConnection]] = aio_pika.connect_robust,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: Callable[[], float] = random.random,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._config = config
        self._stop_requested = should_stop
        self._on_retry = on_retry
        self._connect = connect
        self._sleep = sleep
        self._rng = rng
        self._connection: AbstractRobustConnection | None = None
        self._channel: AbstractChannel | None = None
        self._queues: dict[str, AbstractQueue] = {}
        # Set once started (or stopping): attempts wait for it rather than fail.
        self._ready = asyncio.Event()

    async def on_start(self) -> None:
        self._connection = await self._connect(self._config.url)
        channel = await self._connection.channel(publisher_confirms=True, on_return_raises=True)
        for name in self._config.queues:
            self._queues[name] = await declare_queue(channel, name)
        self._channel = channel
        self._ready.set()
        log.info("outbound: publishing to %s", ", ".join(self._config.queues))

    async def check(self) -> None:
        """Readiness: raises while the publisher has no open RabbitMQ connection."""
        if not connected(self._connection):
            raise OutboundUnavailable("not connected to RabbitMQ")

    async def on_stop(self) -> None:
        self._ready.set()
        if self._connection is not None:
            await self._connection.close()

    def stopping(self) -> bool:
        """The worker or this service is stopping: no more retries."""
        return self.should_stop or self._stop_requested()

    async def publish(self, queue: str, body: bytes, message_id: str) -> None:
        """Returns once RabbitMQ confirmed the message into ``queue``; retries every failure
        (re-declaring ``queue`` first) and raises :class:`PublishAborted` when stopping."""
        delays = self._config.backoff.delays(self._rng)
        failures = 0
        started = time.monotonic()
        while True:
            try:
                await self._attempt(queue, body, message_id, redeclare=failures > 0)
            except PublishFailed as exc:
                failures += 1
                # The first failure of an outage at WARNING, its repeats at DEBUG.
                level = logging.WARNING if failures == 1 else logging.DEBUG
                log.log(level, "outbound: %s not confirmed (%s), retrying", message_id, exc)
                if self.stopping() or await self._wait(next(delays)):
                    raise PublishAborted(
                        f"{queue}: stopped after {failures} failed attempt(s)"
                    ) from exc
                self._on_retry(queue, exc.reason)
                continue
            if failures:
                log.info(
                    "outbound: %s confirmed after %d failed attempt(s) in %.1f s",
                    message_id,
                    failures,
                    time.monotonic() - started,
                )
            return

    async def _attempt(self, queue: str, body: bytes, message_id: str, *, redeclare: bool) -> None:
        try:
            async with asyncio.timeout(self._config.attempt_timeout_seconds):
                channel = await self._ready_channel()
                if redeclare or queue not in self._queues:
                    await self._declare(channel, queue)
                await channel.default_exchange.publish(
                    persistent_message(body, message_id=message_id),
                    routing_key=queue,
                    mandatory=True,
                )
        except PublishError as exc:  # before DeliveryError: it is one
            raise PublishFailed(queue, "returned") from exc
        except DeliveryError as exc:
            raise PublishFailed(queue, "nacked") from exc
        except TimeoutError as exc:
            raise PublishFailed(queue, "timeout") from exc
        except Exception as exc:  # a closed channel or connection, a refused declaration
            raise PublishFailed(queue, type(exc).__name__) from exc

    async def _ready_channel(self) -> AbstractChannel:
        await self._ready.wait()
        if self._channel is None or self.should_stop:
            raise OutboundUnavailable("publisher stopped")
        return self._channel

    async def _declare(self, channel: AbstractChannel, name: str) -> None:
        # Re-declaring through the queue object repeats the arguments bridges.queues used, and
        # does not add a queue to the robust channel's restore list on every retry.
        queue = self._queues.get(name)
        if queue is None:
            self._queues[name] = await declare_queue(channel, name)
        else:
            await queue.declare()

    async def _wait(self, delay: float) -> bool:
        """Sleep ``delay`` seconds in slices; True as soon as the publisher is stopping."""
        remaining = delay
        while remaining > 0:
            step = min(self._config.stop_poll_seconds, remaining)
            await self._sleep(step)
            remaining -= step
            if self.stopping():
                return True
        return False


class Publisher(Protocol):
    async def publish(self, queue: str, body: bytes, message_id: str) -> None: ...


class Ledger(Protocol):
    """What RabbitMQ confirmed before (``storage.outbound_ledger.OutboundLedger``); both
    methods raise :class:`~storage.outbound_ledger.LedgerUnavailable` when it cannot answer."""

    async def sent(self, message_id: str) -> bool: ...

    async def record(self, message_id: str, queue: str) -> None: ...


class Forwarder:
    """One insights-topic value -> its message on the real queue; returns once it is safe to
    ack the value. Raises :class:`PublishAborted` when the worker stops first."""

    def __init__(
        self,
        publisher: Publisher,
        *,
        alerts_queue: str,
        recommendation_queue: str,
        metrics: Metrics,
        ledger: Ledger | None = None,
    ) -> None:
        self._publisher = publisher
        self._queues = {ALERTS: alerts_queue, RECOMMENDATIONS: recommendation_queue}
        self._metrics = metrics
        self._ledger = ledger

    async def handle(self, value: Any, where: str = "") -> None:
        outbound = outbound_of(value)
        if outbound is None:
            return
        if isinstance(outbound, Unreadable):
            log.warning("outbound: unreadable insight %s skipped: %s", where, outbound.reason)
            self._metrics.logs_failed.labels(UNREADABLE).inc()
            return
        queue = self._queues[outbound.queue]
        if await self._sent_before(outbound.message_id, queue):
            return
        await self._publisher.publish(queue, outbound.body, outbound.message_id)
        self._metrics.messages_published.labels(queue).inc()
        if self._ledger is not None:
            try:
                await self._ledger.record(outbound.message_id, queue)
            except LedgerUnavailable as exc:
                self._ledger_error("record", outbound.message_id, exc)

    async def _sent_before(self, message_id: str, queue: str) -> bool:
        if self._ledger is None:
            return False
        try:
            sent = await self._ledger.sent(message_id)
        except LedgerUnavailable as exc:
            self._ledger_error("read", message_id, exc)
            return False
        if sent:
            log.info("outbound: %s was confirmed before; not published again", message_id)
            self._metrics.publish_repeats_skipped.labels(queue).inc()
        return sent

    def _ledger_error(self, operation: str, message_id: str, exc: LedgerUnavailable) -> None:
        log.warning("outbound: ledger %s for %s failed (%s); going on", operation, message_id, exc)
        self._metrics.publish_ledger_errors.labels(operation).inc()


def _where(event: Any) -> str:
    message = getattr(event, "message", None)
    if message is None:
        return ""
    return f"{message.topic}[{message.partition}]@{message.offset}"


def register_outbound_agent(
    app: Any,
    topic: Any,
    publisher: Publisher,
    *,
    alerts_queue: str,
    recommendation_queue: str,
    metrics: Metrics,
    batch_messages: int,
    batch_seconds: float,
    offsets: PartitionOffsets | None = None,
    ledger: Ledger | None = None,
) -> Any:
    """The agent, with ``concurrency=1`` (above one, Faust can commit past in-flight events and
    messages leave out of order). ``publisher`` must be started with the app:
    ``app.service(publisher)``; until it is, publishing waits."""
    forwarder = Forwarder(
        publisher,
        alerts_queue=alerts_queue,
        recommendation_queue=recommendation_queue,
        metrics=metrics,
        ledger=ledger,
    )
    topics = frozenset(topic.topics)

    def on_failure(agent: str) -> None:
        metrics.agent_failures.labels(agent).inc()

    in_sequence = sequencer(
        app, "outbound", lambda agent: metrics.skipped_events.labels(agent).inc(), offsets
    )

    async def outbound(stream: Any) -> None:
        async for taken in stream.noack_take(batch_messages, within=batch_seconds):
            for event in await in_sequence(taken):

                async def work(event: Any = event) -> None:
                    await forwarder.handle(event.value, _where(event))

                done = await until_done(
                    work,
                    name=f"outbound {_where(event)}",
                    sleep=app.sleep,
                    stopping=lambda: bool(app.should_stop),
                    on_failure=lambda _: on_failure("outbound"),
                    gives_up=(PublishAborted,),
                )
                if not done:
                    give_up_unacked(app, topics)
                    return
                await stream.ack(event)

    return app.agent(topic, name="outbound", concurrency=1)(outbound)
