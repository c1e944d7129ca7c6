"""The outbound bridge against the real RabbitMQ, and its agent in a Faust app over real Kafka.

The worker does not run the outbound agent until it is wired into ``pipeline.stream``, so the
agent tests build a small Faust app of their own and register the agent on it the same way.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aio_pika
import faust
import orjson
import pytest
from aio_pika.abc import AbstractIncomingMessage
from aio_pika.exceptions import ChannelNotFoundEntity, ChannelPreconditionFailed
from aiokafka import AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from prometheus_client import CollectorRegistry

from bridges.outbound import (
    OutboundPublisher,
    PublishAborted,
    PublisherConfig,
    PublishFailed,
    register_outbound_agent,
)
from bridges.queues import declare_queue
from pipeline.metrics import Metrics

from ..conftest import BASE

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]
BOOTSTRAP = BASE.kafka.bootstrap_servers


class Rabbit:
    """Looks at queues over a plain (not robust) connection: a robust channel answers a passive
    declaration of a queue it knows from its cache, with a stale message count."""

    def __init__(self, connection: aio_pika.abc.AbstractConnection) -> None:
        self._connection = connection

    async def count(self, name: str) -> int | None:
        """Messages ready in ``name``; None when the queue does not exist."""
        channel = await self._connection.channel()
        try:
            queue = await channel.declare_queue(name, passive=True)
        except ChannelNotFoundEntity:
            return None
        count = queue.declaration_result.message_count or 0
        await channel.close()
        return count

    async def take(self, name: str) -> list[AbstractIncomingMessage]:
        """Every message ready in ``name``, removed from it."""
        channel = await self._connection.channel()
        try:
            queue = await channel.declare_queue(name, passive=True)
            taken = []
            while (message := await queue.get(no_ack=True, fail=False)) is not None:
                taken.append(message)
            return taken
        finally:
            await channel.close()

    async def wait_for(self, name: str, count: int, within: float = 30) -> None:
        found = None
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            found = await self.count(name)
            if found == count:
                return
            await asyncio.sleep(0.1)
        raise AssertionError(f"{name} holds {found} messages, expected {count}")

    async def is_durable(self, name: str) -> bool:
        """A durable queue takes our declaration and refuses a transient one."""
        channel = await self._connection.channel()
        await declare_queue(channel, name)
        try:
            await channel.declare_queue(name, durable=False)
        except ChannelPreconditionFailed:
            return True
        await channel.close()
        return False

    async def delete(self, name: str) -> None:
        channel = await self._connection.channel()
        await channel.queue_delete(name)
        await channel.close()


@pytest.fixture
def names(unique: str) -> tuple[str, str]:
    return f"la-test-{unique}.alerts_queue", f"la-test-{unique}.recommendation_queue"


@pytest.fixture
async def rabbit(names: tuple[str, str]) -> AsyncIterator[Rabbit]:
    connection = await aio_pika.connect(BASE.rabbitmq.url)
    helper = Rabbit(connection)
    try:
        yield helper
    finally:
        for name in names:
            await helper.delete(name)
        await connection.close()


class Stopper:
    def __init__(self) -> None:
        self.stop = False
        self.retries: list[tuple[str, str]] = []

    def __call__(self) -> bool:
        return self.stop


@pytest.fixture
async def publisher(names: tuple[str, str]) -> AsyncIterator[tuple[OutboundPublisher, Stopper]]:
    stopper = Stopper()
    service = OutboundPublisher(
        PublisherConfig(BASE.rabbitmq.url, names),
        should_stop=stopper,
        on_retry=lambda queue, reason: stopper.retries.append((queue, reason)),
    )
    await service.start()
    try:
        yield service, stopper
    finally:
        await service.stop()


async def test_publish_returns_once_the_broker_holds_the_persistent_message(
    publisher, rabbit, names
):
    service, _ = publisher
    alerts_queue, _ = names
    await service.check()
    await service.publish(alerts_queue, b'{"alert_id":"inc-1","revision":3}', "incident:inc-1:3")
    # No waiting: a confirmed message is in the queue when publish returns.
    assert await rabbit.count(alerts_queue) == 1
    (message,) = await rabbit.take(alerts_queue)
    assert message.body == b'{"alert_id":"inc-1","revision":3}'
    assert message.message_id == "incident:inc-1:3"
    assert message.delivery_mode == aio_pika.DeliveryMode.PERSISTENT
    assert message.content_type == "application/json"
    for name in names:
        assert await rabbit.is_durable(name)


async def test_an_alert_to_a_deleted_queue_is_not_lost(publisher, rabbit, names):
    service, stopper = publisher
    alerts_queue, _ = names
    await rabbit.delete(alerts_queue)
    await service.publish(alerts_queue, b'{"alert_id":"inc-1"}', "incident:inc-1:4:opened")
    # The first attempt came back unroutable (without mandatory RabbitMQ would have confirmed
    # and dropped it); the retry re-declared the queue and published again.
    assert stopper.retries == [(alerts_queue, "returned")]
    assert await rabbit.is_durable(alerts_queue)
    (message,) = await rabbit.take(alerts_queue)
    assert message.message_id == "incident:inc-1:4:opened"
    assert message.body == b'{"alert_id":"inc-1"}'


async def test_a_returned_alert_is_not_confirmed_and_its_redelivery_arrives_once(
    publisher, rabbit, names
):
    service, stopper = publisher
    alerts_queue, _ = names
    await rabbit.delete(alerts_queue)
    stopper.stop = True  # the worker stops: the first failure is final
    with pytest.raises(PublishAborted) as caught:
        await service.publish(alerts_queue, b'{"alert_id":"inc-2"}', "incident:inc-2:1:opened")
    assert isinstance(caught.value.__cause__, PublishFailed)
    assert caught.value.__cause__.reason == "returned"
    assert await rabbit.count(alerts_queue) is None  # not re-created, nothing went anywhere
    # Kafka redelivers the unacked event to the next worker: the same id, published once.
    stopper.stop = False
    await service.publish(alerts_queue, b'{"alert_id":"inc-2"}', "incident:inc-2:1:opened")
    messages = await rabbit.take(alerts_queue)
    assert [m.message_id for m in messages] == ["incident:inc-2:1:opened"]


# --- the agent in a Faust app of our own ----------------------------------------------------


def insight(insight_id: str, queue: str | None) -> bytes:
    outbound = None
    if queue is not None:
        outbound = {"queue": queue, "message": {"id": insight_id, "queue": queue}}
    return orjson.dumps({"schema_version": 1, "id": insight_id, "outbound": outbound})


async def produce(topic: str, values: list[bytes]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=BOOTSTRAP, acks="all")
    await producer.start()
    try:
        for value in values:
            await producer.send_and_wait(topic, value, key=b"api")
    finally:
        await producer.stop()


async def committed(group: str, topic: str) -> int | None:
    admin = AIOKafkaAdminClient(bootstrap_servers=BOOTSTRAP)
    await admin.start()
    try:
        offsets = await admin.list_consumer_group_offsets(group)
    finally:
        await admin.close()
    found = offsets.get(TopicPartition(topic, 0))
    return None if found is None or found.offset < 0 else found.offset


async def wait_for_commit(group: str, topic: str, offset: int, within: float = 30) -> None:
    found = None
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        found = await committed(group, topic)
        if found == offset:
            return
        await asyncio.sleep(0.3)
    raise AssertionError(f"committed offset {found}, expected {offset}")


class OwnApp:
    def __init__(self, unique: str, names: tuple[str, str], data_dir: Path) -> None:
        self.id = f"la-test-{unique}"
        self.topic = f"la-test-{unique}.insights"
        self.names = names
        self.data_dir = data_dir
        self.registry = CollectorRegistry()  # the latest running app's

    async def create_topic(self) -> None:
        admin = AIOKafkaAdminClient(bootstrap_servers=BOOTSTRAP)
        await admin.start()
        try:
            await admin.create_topics([NewTopic(self.topic, 1, 1)])
        finally:
            await admin.close()

    @asynccontextmanager
    async def running(
        self, wrap: Callable[[OutboundPublisher], Any] = lambda publisher: publisher
    ) -> AsyncIterator[faust.App]:
        self.registry = CollectorRegistry()
        app = faust.App(
            self.id,
            broker=f"kafka://{BOOTSTRAP}",
            store="memory://",
            datadir=str(self.data_dir),
            web_enabled=False,
            autodiscover=False,
            topic_allow_declare=True,
            consumer_auto_offset_reset="earliest",
        )
        topic = app.topic(
            self.topic,
            partitions=1,
            key_type=bytes,
            value_type=bytes,
            key_serializer="raw",
            value_serializer="raw",
        )
        publisher = OutboundPublisher(
            PublisherConfig(BASE.rabbitmq.url, self.names),
            should_stop=lambda: app.should_stop,
            beacon=app.beacon,
        )
        app.service(publisher)  # type: ignore[arg-type]  # Faust accepts an instance as well
        alerts_queue, recommendation_queue = self.names
        register_outbound_agent(
            app,
            topic,
            wrap(publisher),
            alerts_queue=alerts_queue,
            recommendation_queue=recommendation_queue,
            metrics=Metrics.create(self.registry),
            batch_messages=10,
            batch_seconds=0.05,
        )
        await app.start()
        try:
            yield app
        finally:
            await app.stop()

    def published(self, queue: str) -> float | None:
        return self.registry.get_sample_value("messages_published_total", {"queue": queue})


@pytest.fixture
async def own_app(unique, names, tmp_path, rabbit) -> OwnApp:
    made = OwnApp(unique, names, tmp_path / "faust")
    await made.create_topic()
    return made


async def test_the_agent_forwards_in_order_and_commits_after_the_confirms(own_app, rabbit):
    alerts_queue, recommendation_queue = own_app.names
    async with own_app.running():
        await rabbit.wait_for(alerts_queue, 0)
        await rabbit.delete(alerts_queue)  # deleted while the worker runs: re-created on use
        values = [
            insight("a-1", "alerts"),
            insight("summary-1", None),
            b"not an insight",
            insight("r-1", "recommendations"),
            insight("a-2", "alerts"),
        ]
        await produce(own_app.topic, values)
        await rabbit.wait_for(alerts_queue, 2)
        await rabbit.wait_for(recommendation_queue, 1)
        await wait_for_commit(own_app.id, own_app.topic, len(values))
        assert own_app.published(alerts_queue) == 2
        assert own_app.published(recommendation_queue) == 1
        unreadable = own_app.registry.get_sample_value(
            "logs_failed_total", {"reason": "unreadable_insight"}
        )
        assert unreadable == 1
    alerts = await rabbit.take(alerts_queue)
    assert [(m.message_id, orjson.loads(m.body)["id"]) for m in alerts] == [
        ("a-1", "a-1"),
        ("a-2", "a-2"),
    ]
    assert [m.message_id for m in await rabbit.take(recommendation_queue)] == ["r-1"]


class Holding:
    """The real publisher, except that ``held`` is never confirmed: it is retried, as the real
    one does, until the worker stops."""

    def __init__(self, inner: OutboundPublisher, held: str) -> None:
        self._inner = inner
        self._held = held
        self.reached = asyncio.Event()

    async def publish(self, queue: str, body: bytes, message_id: str) -> None:
        if message_id == self._held:
            self.reached.set()
            while True:
                if self._inner.stopping():
                    raise PublishAborted(f"{queue}: stopped")
                await asyncio.sleep(0.05)
        await self._inner.publish(queue, body, message_id)


async def test_an_unconfirmed_event_is_not_committed_and_is_published_after_a_restart(
    own_app, rabbit
):
    alerts_queue, _ = own_app.names
    holding: list[Holding] = []

    def hold_a2(publisher: OutboundPublisher) -> Holding:
        holding.append(Holding(publisher, "a-2"))
        return holding[-1]

    await produce(own_app.topic, [insight("a-1", "alerts"), insight("a-2", "alerts")])
    async with own_app.running(hold_a2):
        await asyncio.wait_for(holding[0].reached.wait(), 30)
        await rabbit.wait_for(alerts_queue, 1)
        await wait_for_commit(own_app.id, own_app.topic, 1)
        await asyncio.sleep(4)  # more than Faust's commit interval: still not past a-2
        assert await committed(own_app.id, own_app.topic) == 1
    assert await committed(own_app.id, own_app.topic) == 1
    # The next worker of the group gets a-2 again, and only a-2.
    async with own_app.running():
        await rabbit.wait_for(alerts_queue, 2)
        await wait_for_commit(own_app.id, own_app.topic, 2)
    alerts = await rabbit.take(alerts_queue)
    assert [m.message_id for m in alerts] == ["a-1", "a-2"]
