"""The outbound bridge's pure part, its retry loop over a fake channel, and the forwarder."""

from __future__ import annotations

import asyncio
from typing import Any

import aio_pika
import faust
import orjson
import pytest
from aio_pika.exceptions import ChannelInvalidStateError, DeliveryError, PublishError
from aiormq.abc import DeliveredMessage
from hypothesis import given
from hypothesis import strategies as st
from pamqp.commands import Basic
from pamqp.header import ContentHeader
from prometheus_client import CollectorRegistry

from bridges.outbound import (
    MAX_MESSAGE_ID_BYTES,
    Forwarder,
    Outbound,
    OutboundPublisher,
    OutboundUnavailable,
    PublishAborted,
    PublisherConfig,
    PublishFailed,
    Unreadable,
    message_id,
    outbound_of,
    register_outbound_agent,
)
from pipeline.metrics import Metrics
from storage.outbound_ledger import LedgerUnavailable
from storage.retry import Backoff

ALERTS_Q = "test.alerts_queue"
RECS_Q = "test.recommendation_queue"


def insight(insight_id: Any = "incident:inc-1:7:opened", outbound: Any = None) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "id": insight_id,
        "type": "incident",
        "service_name": "api",
        "window_start": "2024-01-01T00:00:00Z",
        "window_end": "2024-01-01T00:01:00Z",
        "data": {},
        "outbound": outbound,
    }


def alert_value(insight_id: str = "incident:inc-1:7:opened", revision: int = 7) -> bytes:
    message = {"alert_id": "inc-1", "revision": revision, "status": "open", "id": insight_id}
    return orjson.dumps(insight(insight_id, {"queue": "alerts", "message": message}))


# --- outbound_of ----------------------------------------------------------------------------


def test_an_alert_becomes_its_message_with_the_insight_id():
    key = "incident:inc-1:7:opened"
    message = {"alert_id": "inc-1", "revision": 7, "status": "open", "id": key}
    value = orjson.dumps(insight(key, {"queue": "alerts", "message": message}))
    assert outbound_of(value) == Outbound("alerts", orjson.dumps(message), key)


def test_a_recommendation_goes_to_the_recommendations_queue():
    value = orjson.dumps(
        insight("summary:api:60", {"queue": "recommendations", "message": {"type": "x"}})
    )
    assert outbound_of(value) == Outbound("recommendations", b'{"type":"x"}', "summary:api:60")


def test_an_insight_without_outbound_asks_for_nothing():
    assert outbound_of(orjson.dumps(insight())) is None
    assert outbound_of(bytearray(orjson.dumps(insight()))) is None


@pytest.mark.parametrize(
    "value",
    [
        None,
        "a str",
        b"",
        b"garbage",
        b"\xff\xfe",
        b"[1, 2]",
        b"null",
        b"[" * 5000 + b"]" * 5000,
        orjson.dumps({"outbound": None}),
        orjson.dumps(insight(insight_id="")),
        orjson.dumps(insight(insight_id=5)),
        orjson.dumps({k: v for k, v in insight().items() if k != "outbound"}),
        orjson.dumps(insight(outbound=[])),
        orjson.dumps(insight(outbound={"queue": "alerts"})),
        orjson.dumps(insight(outbound={"queue": "alerts", "message": "text"})),
        orjson.dumps(insight(outbound={"queue": "pagers", "message": {}})),
        orjson.dumps(insight(outbound={"queue": ["alerts"], "message": {}})),
        orjson.dumps(insight(outbound={"queue": None, "message": {}})),
    ],
)
def test_what_is_not_an_insight_is_unreadable(value):
    assert isinstance(outbound_of(value), Unreadable)


@given(st.binary())
def test_outbound_of_never_raises_on_bytes(value):
    outbound_of(value)


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=10,
)


@given(
    st.fixed_dictionaries(
        {},
        optional={
            "id": _json,
            "outbound": _json
            | st.fixed_dictionaries(
                {},
                optional={"queue": st.sampled_from(["alerts", "recommendations"]) | _json},
            ).map(lambda d: d | {"message": {}}),
        },
    )
)
def test_outbound_of_never_raises_on_json_objects(value):
    result = outbound_of(orjson.dumps(value))
    if isinstance(result, Outbound):
        assert result.queue in ("alerts", "recommendations")
        assert result.message_id == message_id(value["id"])


def test_a_long_id_becomes_a_stable_digest_that_fits_amqp():
    long_id = "insight:" + "é" * 300 + ":60:burst"
    first = outbound_of(alert_value(long_id))
    again = outbound_of(alert_value(long_id))
    assert isinstance(first, Outbound) and isinstance(again, Outbound)
    assert first.message_id == again.message_id
    assert first.message_id.startswith("sha256:")
    assert len(first.message_id.encode()) <= MAX_MESSAGE_ID_BYTES


# --- the publisher over a fake channel ------------------------------------------------------


def returned(queue: str) -> PublishError:
    frame = Basic.Return(reply_code=312, reply_text="NO_ROUTE", exchange="", routing_key=queue)
    return PublishError(DeliveredMessage(frame, ContentHeader(), b"", None), frame)  # type: ignore[arg-type]


class FakeQueue:
    def __init__(self, channel: FakeChannel, name: str) -> None:
        self.channel = channel
        self.name = name

    async def declare(self) -> None:
        self.channel.redeclared.append(self.name)
        if self.channel.declare_failures:
            raise self.channel.declare_failures.pop(0)
        self.channel.existing.add(self.name)


class FakeExchange:
    def __init__(self, channel: FakeChannel) -> None:
        self.channel = channel

    async def publish(
        self, message: aio_pika.Message, routing_key: str, *, mandatory: bool = True
    ) -> None:
        channel = self.channel
        channel.attempts.append(routing_key)
        if channel.publish_failures:
            raise channel.publish_failures.pop(0)
        if routing_key not in channel.existing:
            if mandatory:
                raise returned(routing_key)
            return  # what RabbitMQ does without mandatory: confirmed, and dropped
        channel.delivered.append((routing_key, message))


class FakeChannel:
    def __init__(self) -> None:
        self.existing: set[str] = set()
        self.declared: list[tuple[str, bool]] = []
        self.redeclared: list[str] = []
        self.declare_failures: list[Exception] = []
        self.publish_failures: list[Exception] = []
        self.attempts: list[str] = []
        self.delivered: list[tuple[str, aio_pika.Message]] = []
        self.default_exchange = FakeExchange(self)

    async def declare_queue(self, name: str, *, durable: bool = False) -> FakeQueue:
        self.declared.append((name, durable))
        self.existing.add(name)
        return FakeQueue(self, name)


class FakeConnection:
    def __init__(self, channel: FakeChannel) -> None:
        self._channel = channel
        self.is_closed = False
        self.connected = asyncio.Event()
        self.connected.set()
        self.channel_options: dict[str, Any] = {}

    async def channel(self, **options: Any) -> FakeChannel:
        self.channel_options = options
        return self._channel

    async def close(self) -> None:
        self.is_closed = True


class Harness:
    def __init__(self, **config: Any) -> None:
        self.channel = FakeChannel()
        self.connection = FakeConnection(self.channel)
        self.slept: list[float] = []
        self.retries: list[tuple[str, str]] = []
        self.stop = False
        self.stop_after_sleeps: int | None = None
        self.publisher = OutboundPublisher(
            PublisherConfig("amqp://fake/", (ALERTS_Q, RECS_Q), **config),
            should_stop=lambda: self.stop,
            on_retry=lambda queue, reason: self.retries.append((queue, reason)),
            connect=self.connect,
            sleep=self.sleep,
            rng=lambda: 0.0,  # no jitter: the waits are the backoff itself
        )

    async def connect(self, url: str) -> Any:
        return self.connection

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        if self.stop_after_sleeps is not None and len(self.slept) >= self.stop_after_sleeps:
            self.stop = True


@pytest.fixture
async def harness():
    h = Harness()
    await h.publisher.start()
    yield h
    await h.publisher.stop()


async def test_start_declares_both_queues_durable_on_a_confirming_channel(harness):
    assert harness.channel.declared == [(ALERTS_Q, True), (RECS_Q, True)]
    assert harness.connection.channel_options == {
        "publisher_confirms": True,
        "on_return_raises": True,
    }
    await harness.publisher.check()


async def test_a_message_is_persistent_mandatory_and_carries_its_id(harness):
    await harness.publisher.publish(ALERTS_Q, b'{"a":1}', "incident:inc-1:7:opened")
    ((queue, message),) = harness.channel.delivered
    assert queue == ALERTS_Q
    assert message.body == b'{"a":1}'
    assert message.delivery_mode == aio_pika.DeliveryMode.PERSISTENT
    assert message.message_id == "incident:inc-1:7:opened"
    assert message.content_type == "application/json"
    assert harness.channel.redeclared == []  # the first attempt does not re-declare
    assert harness.slept == []


async def test_a_deleted_queue_fails_twice_then_the_retry_recreates_it(harness):
    channel = harness.channel
    channel.existing.discard(ALERTS_Q)  # deleted by an operator
    channel.declare_failures.append(ChannelInvalidStateError("channel closed"))
    await harness.publisher.publish(ALERTS_Q, b"{}", "a-1")
    # returned (no queue) -> re-declare refused -> re-declared and published
    assert channel.attempts == [ALERTS_Q, ALERTS_Q]
    assert channel.redeclared == [ALERTS_Q, ALERTS_Q]
    assert harness.retries == [(ALERTS_Q, "returned"), (ALERTS_Q, "ChannelInvalidStateError")]
    assert harness.slept == pytest.approx([0.1, 0.2])
    assert [(q, m.message_id) for q, m in channel.delivered] == [(ALERTS_Q, "a-1")]


async def test_a_nack_is_retried(harness):
    harness.channel.publish_failures.append(DeliveryError(None, Basic.Nack(delivery_tag=1)))
    await harness.publisher.publish(RECS_Q, b"{}", "r-1")
    assert harness.retries == [(RECS_Q, "nacked")]
    assert len(harness.channel.delivered) == 1


async def test_the_backoff_doubles_to_its_cap_and_should_stop_ends_it():
    h = Harness(stop_poll_seconds=10.0, backoff=Backoff(initial=0.1, factor=2.0, cap=5.0))
    await h.publisher.start()
    try:
        h.channel.existing.clear()
        h.channel.declare_failures.extend(ChannelInvalidStateError("closed") for _ in range(99))
        h.stop_after_sleeps = 9
        with pytest.raises(PublishAborted) as caught:
            await h.publisher.publish(ALERTS_Q, b"{}", "a-1")
        assert isinstance(caught.value.__cause__, PublishFailed)
        assert h.slept == pytest.approx([0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 5.0, 5.0, 5.0])
        assert h.channel.delivered == []
    finally:
        await h.publisher.stop()


async def test_a_wait_is_cut_short_when_the_worker_stops(harness):
    harness.channel.existing.clear()
    harness.channel.declare_failures.extend(ChannelInvalidStateError("x") for _ in range(99))
    harness.stop_after_sleeps = 20  # 0.1 + 0.2 + 0.4 + 0.8 + 1.6 + 3.2 s in 0.25 s slices
    with pytest.raises(PublishAborted):
        await harness.publisher.publish(ALERTS_Q, b"{}", "a-1")
    assert len(harness.slept) == 20
    assert max(harness.slept) <= 0.25


async def test_a_failure_while_stopping_is_not_retried(harness):
    harness.channel.existing.clear()
    harness.stop = True
    with pytest.raises(PublishAborted):
        await harness.publisher.publish(ALERTS_Q, b"{}", "a-1")
    assert harness.slept == []
    assert harness.channel.attempts == [ALERTS_Q]


async def test_a_stopped_publisher_aborts_and_is_not_ready():
    h = Harness()
    with pytest.raises(OutboundUnavailable):
        await h.publisher.check()
    await h.publisher.start()
    await h.publisher.stop()
    assert h.connection.is_closed
    with pytest.raises(OutboundUnavailable):
        await h.publisher.check()
    with pytest.raises(PublishAborted):
        await h.publisher.publish(ALERTS_Q, b"{}", "a-1")
    assert h.channel.attempts == []


async def test_a_connection_reconnecting_is_not_ready_until_it_is_back():
    h = Harness()
    await h.publisher.start()
    await h.publisher.check()
    # A robust connection whose broker went away: not closed, but not connected either.
    h.connection.connected.clear()
    with pytest.raises(OutboundUnavailable):
        await h.publisher.check()
    h.connection.connected.set()
    await h.publisher.check()
    await h.publisher.stop()


async def test_a_publish_before_start_waits_for_it():
    h = Harness()
    publishing = asyncio.ensure_future(h.publisher.publish(ALERTS_Q, b"{}", "a-1"))
    await asyncio.sleep(0.01)
    assert not publishing.done()
    await h.publisher.start()
    try:
        await asyncio.wait_for(publishing, 1)
        assert len(h.channel.delivered) == 1
        assert h.retries == []
    finally:
        await h.publisher.stop()


# --- the forwarder --------------------------------------------------------------------------


class FakePublisher:
    def __init__(self, abort: bool = False) -> None:
        self.published: list[tuple[str, bytes, str]] = []
        self.abort = abort

    async def publish(self, queue: str, body: bytes, message_id: str) -> None:
        if self.abort:
            raise PublishAborted("stopping")
        self.published.append((queue, body, message_id))


class FakeLedger:
    """Remembers confirmed ids; ``failing`` names the operations that raise."""

    def __init__(self, failing: frozenset[str] = frozenset()) -> None:
        self.confirmed: dict[str, str] = {}
        self.failing = failing

    async def sent(self, message_id: str) -> bool:
        if "read" in self.failing:
            raise LedgerUnavailable("was_sent: no answer within 2.0 s")
        return message_id in self.confirmed

    async def record(self, message_id: str, queue: str) -> None:
        if "record" in self.failing:
            raise LedgerUnavailable("record_sent: connection refused")
        self.confirmed[message_id] = queue


def forwarder(
    publisher: FakePublisher, ledger: FakeLedger | None = None
) -> tuple[Forwarder, CollectorRegistry]:
    registry = CollectorRegistry()
    metrics = Metrics.create(registry)
    return (
        Forwarder(
            publisher,
            alerts_queue=ALERTS_Q,
            recommendation_queue=RECS_Q,
            metrics=metrics,
            ledger=ledger,
        ),
        registry,
    )


def published(registry: CollectorRegistry, queue: str) -> float | None:
    return registry.get_sample_value("messages_published_total", {"queue": queue})


async def test_messages_go_to_the_real_queues_in_order_and_are_counted():
    publisher = FakePublisher()
    handler, registry = forwarder(publisher)
    rec = orjson.dumps(insight("summary:api:60", {"queue": "recommendations", "message": {}}))
    for value in (alert_value("a-1"), rec, alert_value("a-2"), orjson.dumps(insight())):
        await handler.handle(value)
    assert [(q, i) for q, _, i in publisher.published] == [
        (ALERTS_Q, "a-1"),
        (RECS_Q, "summary:api:60"),
        (ALERTS_Q, "a-2"),
    ]
    assert published(registry, ALERTS_Q) == 2
    assert published(registry, RECS_Q) == 1


async def test_an_unreadable_insight_is_counted_and_skipped():
    publisher = FakePublisher()
    handler, registry = forwarder(publisher)
    await handler.handle(b"garbage", "insights[0]@12")
    assert publisher.published == []
    value = registry.get_sample_value("logs_failed_total", {"reason": "unreadable_insight"})
    assert value == 1


async def test_a_stopping_publisher_propagates_and_counts_nothing():
    handler, registry = forwarder(FakePublisher(abort=True))
    with pytest.raises(PublishAborted):
        await handler.handle(alert_value())
    assert published(registry, ALERTS_Q) is None


async def test_a_redelivered_insight_that_was_confirmed_is_not_published_again():
    publisher, ledger = FakePublisher(), FakeLedger()
    handler, registry = forwarder(publisher, ledger)
    for value in (alert_value("a-1"), alert_value("a-2"), alert_value("a-1")):
        await handler.handle(value)
    assert [i for _, _, i in publisher.published] == ["a-1", "a-2"]
    assert ledger.confirmed == {"a-1": ALERTS_Q, "a-2": ALERTS_Q}
    assert published(registry, ALERTS_Q) == 2
    skipped = registry.get_sample_value("publish_repeats_skipped_total", {"queue": ALERTS_Q})
    assert skipped == 1


async def test_an_unconfirmed_publish_is_not_recorded():
    ledger = FakeLedger()
    handler, _ = forwarder(FakePublisher(abort=True), ledger)
    with pytest.raises(PublishAborted):
        await handler.handle(alert_value("a-1"))
    assert ledger.confirmed == {}


@pytest.mark.parametrize("failing", ["read", "record"])
async def test_a_ledger_that_fails_never_holds_an_alert_back(failing):
    publisher, ledger = FakePublisher(), FakeLedger(frozenset({failing}))
    handler, registry = forwarder(publisher, ledger)
    await handler.handle(alert_value("a-1"))
    await handler.handle(alert_value("a-1"))
    # Without the ledger's answer (or record) a repeat goes out: at least once, not at most.
    assert [i for _, _, i in publisher.published] == ["a-1", "a-1"]
    errors = registry.get_sample_value("publish_ledger_errors_total", {"operation": failing})
    assert errors == 2


# --- the agent ------------------------------------------------------------------------------


class FromZero:
    """Partitions whose first event has offset 0, as in ``test_context``."""

    async def first(self, partitions: set[tuple[str, int]]) -> dict[tuple[str, int], int]:
        return dict.fromkeys(partitions, 0)

    async def seek(self, partition: tuple[str, int], offset: int) -> None:
        raise AssertionError(f"no events were skipped, yet a seek to {offset}")


def outbound_agent(name: str, publisher: FakePublisher) -> tuple[Any, CollectorRegistry]:
    app = faust.App(name, store="memory://", web_enabled=False, autodiscover=False)
    topic = app.topic("insights", key_type=bytes, value_type=bytes, value_serializer="raw")
    registry = CollectorRegistry()
    agent = register_outbound_agent(
        app,
        topic,
        publisher,
        alerts_queue=ALERTS_Q,
        recommendation_queue=RECS_Q,
        metrics=Metrics.create(registry),
        batch_messages=10,
        batch_seconds=0.05,
        offsets=FromZero(),
    )
    return agent, registry


async def test_the_agent_acks_each_event_after_its_publish_and_leaves_the_rest_when_stopping():
    class StoppingAt(FakePublisher):
        async def publish(self, queue: str, body: bytes, message_id: str) -> None:
            if message_id == "a-3":
                raise PublishAborted("stopping")
            await super().publish(queue, body, message_id)

    publisher = StoppingAt()
    agent, registry = outbound_agent("outbound-unit", publisher)
    values = [alert_value("a-1"), b"garbage", orjson.dumps(insight()), alert_value("a-3")]
    values.append(alert_value("a-4"))
    async with agent.test_context() as running:
        events = [await running.put(value, wait=False) for value in values]
        for _ in range(100):
            if events[2].message.acked:
                break
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.1)
    assert [e.message.acked for e in events] == [True, True, True, False, False]
    assert [i for _, _, i in publisher.published] == ["a-1"]
    assert registry.get_sample_value("logs_failed_total", {"reason": "unreadable_insight"}) == 1


async def test_the_agent_retries_an_event_it_failed_on_and_skips_nothing(monkeypatch):
    monkeypatch.setattr("pipeline.agents.stopping.RETRY_FIRST_SECONDS", 0.01)

    class FailingOnce(FakePublisher):
        async def publish(self, queue: str, body: bytes, message_id: str) -> None:
            if message_id == "a-2" and not self.abort:
                self.abort = True  # once
                raise RuntimeError("an unexpected failure")
            self.published.append((queue, body, message_id))

    publisher = FailingOnce()
    agent, registry = outbound_agent("outbound-retry", publisher)
    async with agent.test_context() as running:
        events = [await running.put(alert_value(f"a-{i}"), wait=False) for i in (1, 2, 3)]
        for _ in range(200):
            if events[2].message.acked:
                break
            await asyncio.sleep(0.02)
    assert [e.message.acked for e in events] == [True, True, True]
    assert [i for _, _, i in publisher.published] == ["a-1", "a-2", "a-3"]
    assert registry.get_sample_value("agent_failures_total", {"agent": "outbound"}) == 1
