"""The inbound bridge against the real RabbitMQ, with Kafka replaced by sends the test settles:
messages are consumed by a callback, acked only once Kafka acknowledged them, counted in the
metrics, and left in the queue while the bridge is paused or once it stopped."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aio_pika
import orjson
import pytest
from prometheus_client import CollectorRegistry

from bridges.inbound import BridgeConfig, InboundBridge
from pipeline.analysis.records import LogRecord
from pipeline.client.publisher import open_publisher
from pipeline.ingest.wire import decode_batch
from pipeline.metrics import LabelFolder, Metrics

from ..conftest import BASE

pytestmark = pytest.mark.timeout(60)

URL = BASE.rabbitmq.url


class FakeKafka:
    """Records what the bridge sends; acknowledges at once, or holds every ack when told to."""

    def __init__(self, hold: bool = False) -> None:
        self.records: list[LogRecord] = []
        self.held: list[asyncio.Future[None]] = []
        self.hold = hold

    async def send_logs(self, partition: int, value: bytes) -> Awaitable[Any]:
        decoded, bad = decode_batch(value)
        assert bad == []
        self.records.extend(wire.record for wire in decoded)
        acked: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if self.hold:
            self.held.append(acked)
        else:
            acked.set_result(None)
        return acked

    async def send_dead_letter(self, key: bytes, value: bytes) -> Awaitable[Any]:
        acked: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        acked.set_result(None)
        return acked


class FixedLag:
    """A Kafka lag the test sets."""

    def __init__(self, records: int) -> None:
        self.records = records

    async def read(self, partitions: int) -> dict[int, int]:
        return {0: self.records}

    async def close(self) -> None:
        pass


def body(service: str, n: int) -> bytes:
    return orjson.dumps({"service_name": service, "level": "INFO", "message": f"line {n}"})


async def publish(queue: str, bodies: list[bytes]) -> None:
    async with open_publisher(URL, queue, max_in_flight=50) as publisher:
        for each in bodies:
            await publisher.publish(each, 1)
        await publisher.drain()


async def ready_in(queue: str) -> int:
    """Messages ready in ``queue`` (not those delivered and not yet acked)."""
    connection = await aio_pika.connect(URL)
    async with connection:
        channel = await connection.channel()
        declared = await channel.declare_queue(queue, passive=True)
        return declared.declaration_result.message_count or 0


async def until(condition: Callable[[], Awaitable[bool]], within: float = 20) -> None:
    deadline = time.monotonic() + within
    while not await condition():
        assert time.monotonic() < deadline, f"not within {within} s"
        await asyncio.sleep(0.05)


def make_bridge(
    queue: str,
    kafka: FakeKafka,
    registry: CollectorRegistry,
    *,
    lag: FixedLag | None = None,
    max_kafka_lag: int = 0,
) -> InboundBridge:
    async def partitions() -> int:
        return 2

    return InboundBridge(
        BridgeConfig(
            url=URL,
            queue=queue,
            prefetch=100,
            linger_seconds=0.02,
            stop_timeout_seconds=0.5,
            max_kafka_lag=max_kafka_lag,
            lag_interval_seconds=0.1,
        ),
        send_logs=kafka.send_logs,
        send_dead_letter=kafka.send_dead_letter,
        partitions=partitions,
        metrics=Metrics.create(registry),
        service_labels=LabelFolder(2),
        kafka_lag=lag,
    )


async def test_every_message_goes_to_kafka_is_acked_and_counted(queue: str):
    kafka, registry = FakeKafka(), CollectorRegistry()
    services = ["api", "db", "web", "auth"]
    await publish(queue, [body(services[n % 4], n) for n in range(400)])
    bridge = make_bridge(queue, kafka, registry)
    await bridge.start()
    try:

        async def all_sent() -> bool:
            return len(kafka.records) == 400

        await until(all_sent)

        # Counted once a linger tick, not per message: the counts arrive all the same.
        async def counted() -> bool:
            consumed = registry.get_sample_value("messages_consumed_total", {"queue": queue})
            return consumed == 400

        await until(counted)
        ingested = {
            (s.labels["service"], s.labels["level"]): s.value
            for metric in registry.collect()
            if metric.name == "logs_ingested"
            for s in metric.samples
            if s.name == "logs_ingested_total"
        }
        # Two services have labels of their own (LabelFolder(2)), the others are "other".
        assert sum(ingested.values()) == 400
        assert len({service for service, _ in ingested}) == 3
        assert ("other", "INFO") in ingested
    finally:
        await bridge.stop()
    # Each message was acked: none went back to the queue when the connection closed.
    assert await ready_in(queue) == 0
    assert sorted(r.message for r in kafka.records) == sorted(f"line {n}" for n in range(400))


async def test_a_message_is_not_acked_before_kafka_acknowledged_it(queue: str):
    kafka, registry = FakeKafka(hold=True), CollectorRegistry()
    await publish(queue, [body("api", n) for n in range(50)])
    bridge = make_bridge(queue, kafka, registry)
    await bridge.start()
    try:

        async def all_sent() -> bool:
            return len(kafka.records) == 50

        await until(all_sent)
        await asyncio.sleep(0.3)  # a few linger ticks and ack flushes
    finally:
        await bridge.stop()
    # Kafka never acknowledged: every message is back in the queue.
    assert await ready_in(queue) == 50


async def test_paused_the_bridge_consumes_nothing_and_resumed_it_takes_the_rest(queue: str):
    kafka, registry = FakeKafka(), CollectorRegistry()
    lag = FixedLag(10_000)
    bridge = make_bridge(queue, kafka, registry, lag=lag, max_kafka_lag=100)
    await bridge.start()
    try:

        async def paused() -> bool:
            return registry.get_sample_value("active_consumers") == 0

        await until(paused)
        await publish(queue, [body("api", n) for n in range(30)])
        await asyncio.sleep(0.5)  # several lag readings, all past the mark
        assert kafka.records == []
        assert await ready_in(queue) == 30

        lag.records = 0

        async def all_sent() -> bool:
            return len(kafka.records) == 30

        await until(all_sent)
        assert registry.get_sample_value("active_consumers") == 1
    finally:
        await bridge.stop()
    assert await ready_in(queue) == 0
