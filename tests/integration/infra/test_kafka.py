"""The Kafka broker behaves as the service assumes: explicit topics, consumer groups, commits."""

import asyncio

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaTimeoutError, UnknownTopicOrPartitionError

from ..conftest import BASE

pytestmark = pytest.mark.timeout(90)
BOOTSTRAP = BASE.kafka.bootstrap_servers


async def _create_topic(name: str, partitions: int) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=BOOTSTRAP)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name, partitions, 1)])
    finally:
        await admin.close()


async def test_round_trip_with_a_consumer_group(unique):
    topic, group = f"la-test-{unique}.roundtrip", f"la-test-{unique}.group"
    await _create_topic(topic, 3)
    producer = AIOKafkaProducer(bootstrap_servers=BOOTSTRAP, acks="all")
    await producer.start()
    try:
        for index in range(30):
            await producer.send_and_wait(topic, f"m{index}".encode(), key=f"k{index % 7}".encode())
    finally:
        await producer.stop()

    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=BOOTSTRAP,
        group_id=group,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    received: list[bytes] = []
    try:
        async with asyncio.timeout(60):
            while len(received) < 30:
                batch = await consumer.getmany(timeout_ms=1000)
                for messages in batch.values():
                    received.extend(m.value for m in messages if m.value is not None)
        await consumer.commit()
        partitions = consumer.assignment()
        committed = {tp: await consumer.committed(tp) for tp in partitions}
    finally:
        await consumer.stop()
    assert sorted(received) == sorted(f"m{i}".encode() for i in range(30))
    assert len(partitions) == 3
    assert sum(offset or 0 for offset in committed.values()) == 30

    # A new member of the same group resumes after the committed offsets: nothing is re-read.
    again = AIOKafkaConsumer(topic, bootstrap_servers=BOOTSTRAP, group_id=group)
    await again.start()
    try:
        batch = await again.getmany(timeout_ms=3000)
        assert sum(len(messages) for messages in batch.values()) == 0
        assert {await again.committed(TopicPartition(topic, p)) for p in range(3)} != {None}
    finally:
        await again.stop()


async def test_topics_are_not_auto_created(unique):
    producer = AIOKafkaProducer(bootstrap_servers=BOOTSTRAP, request_timeout_ms=3000)
    await producer.start()
    try:
        with pytest.raises((KafkaTimeoutError, UnknownTopicOrPartitionError)):
            await producer.send_and_wait(f"la-test-{unique}.never-created", b"x")
    finally:
        await producer.stop()
    admin = AIOKafkaAdminClient(bootstrap_servers=BOOTSTRAP)
    await admin.start()
    try:
        assert f"la-test-{unique}.never-created" not in await admin.list_topics()
    finally:
        await admin.close()
