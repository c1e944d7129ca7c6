"""The inbound bridge's consumer callback over fakes: what it takes, what it puts back, and the
counts it hands to the metrics (the whole bridge runs against RabbitMQ in
tests/integration/bridges)."""

from __future__ import annotations

import asyncio
from typing import Any, cast

import orjson
from aio_pika.abc import AbstractIncomingMessage, AbstractQueue
from prometheus_client import CollectorRegistry

from bridges.inbound import BridgeConfig, InboundBridge
from bridges.partitioning import ServicePartitioner
from pipeline.metrics import LabelFolder, Metrics

QUEUE = "test.log_analysis_queue"


class FakeMessage:
    channel = object()

    def __init__(self, tag: int, body: bytes) -> None:
        self.delivery_tag = tag
        self.body = body
        self.nacked: list[bool] = []
        self.acked: list[bool] = []

    async def nack(self, requeue: bool = True) -> None:
        self.nacked.append(requeue)

    async def ack(self, multiple: bool = False) -> None:
        self.acked.append(multiple)


class FakeQueue:
    def __init__(self) -> None:
        self.consuming: list[str] = []
        self.cancelled: list[str] = []

    async def consume(self, callback: Any) -> str:
        tag = f"ctag-{len(self.consuming)}"
        self.consuming.append(tag)
        return tag

    async def cancel(self, tag: str) -> None:
        self.cancelled.append(tag)


async def never(partition: int, value: bytes) -> Any:
    return asyncio.get_running_loop().create_future()  # Kafka never acknowledges


async def two() -> int:
    return 2


def bridge(registry: CollectorRegistry) -> InboundBridge:
    return InboundBridge(
        BridgeConfig(url="amqp://unused", queue=QUEUE),
        send_logs=never,
        send_dead_letter=lambda key, value: never(0, value),
        partitions=two,
        metrics=Metrics.create(registry),
        service_labels=LabelFolder(1),
    )


def message(tag: int, service: str = "api") -> AbstractIncomingMessage:
    body = orjson.dumps({"service_name": service, "level": "INFO", "message": f"m {tag}"})
    return cast(AbstractIncomingMessage, FakeMessage(tag, body))


def fake(delivery: AbstractIncomingMessage) -> FakeMessage:
    return cast(FakeMessage, delivery)


async def test_a_delivery_after_the_consumer_stopped_goes_back_to_the_queue_untaken():
    registry = CollectorRegistry()
    b, queue = bridge(registry), FakeQueue()
    b._queue = cast(AbstractQueue, queue)
    await b._start_consuming(b._queue)
    await b._on_message(first := message(1))
    b._stop_consuming()  # pausing, or stopping
    await b._on_message(late := message(2))
    await asyncio.sleep(0)
    assert queue.cancelled == ["ctag-0"]
    assert fake(late).nacked == [True]
    assert fake(first).nacked == []
    assert b._acks.outstanding == 1  # only the first was taken
    b._count()
    assert registry.get_sample_value("messages_consumed_total", {"queue": QUEUE}) == 1


async def test_counts_reach_the_metrics_in_one_go_with_services_folded():
    registry = CollectorRegistry()
    b, queue = bridge(registry), FakeQueue()
    await b._start_consuming(cast(AbstractQueue, queue))
    for tag in range(1, 6):
        await b._on_message(message(tag, "api" if tag % 2 else f"svc-{tag}"))
    # Nothing counted per message ...
    assert registry.get_sample_value("messages_consumed_total", {"queue": QUEUE}) is None
    b._count()
    # ... all of it once counted; counting again adds nothing.
    b._count()
    assert registry.get_sample_value("messages_consumed_total", {"queue": QUEUE}) == 5
    ingested = "logs_ingested_total"
    assert registry.get_sample_value(ingested, {"service": "api", "level": "INFO"}) == 3
    assert registry.get_sample_value(ingested, {"service": "other", "level": "INFO"}) == 2


async def test_the_partitions_it_holds_records_for_are_those_kafka_has_not_acknowledged():
    acks: dict[int, list[asyncio.Future[Any]]] = {0: [], 1: []}

    async def send(partition: int, value: bytes) -> Any:
        acked = asyncio.get_running_loop().create_future()
        acks[partition].append(acked)
        return acked

    b = InboundBridge(
        BridgeConfig(url="amqp://unused", queue=QUEUE, linger_seconds=0.0),
        send_logs=send,
        send_dead_letter=lambda key, value: never(0, value),
        partitions=two,
        metrics=Metrics.create(CollectorRegistry()),
        service_labels=LabelFolder(1),
    )
    b._partitioner = ServicePartitioner(2)
    services = {b._partitioner(name): name for name in ("api", "db", "web", "auth", "cache")}
    await b._start_consuming(cast(AbstractQueue, FakeQueue()))
    assert b.holding() == set()
    for tag, partition in enumerate((0, 1, 0), start=1):
        await b._on_message(message(tag, services[partition]))
    assert b.holding() == {0, 1}  # lingering in their batches
    for batch in b._batcher.due(float("inf")):
        b._produce(batch)
    for _ in range(3):
        await asyncio.sleep(0)
    assert b.holding() == {0, 1}  # sent, not acknowledged
    acks[1][0].set_result(None)
    for _ in range(3):
        await asyncio.sleep(0)
    assert b.holding() == {0}
    acks[0][0].set_exception(RuntimeError("broker away"))  # requeued: back in RabbitMQ
    for _ in range(3):
        await asyncio.sleep(0)
    assert b.holding() == set()
