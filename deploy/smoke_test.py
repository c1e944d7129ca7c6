"""End-to-end smoke test of the local stack (deploy/stack.sh up must have run).

    .venv/bin/python deploy/smoke_test.py

Checks, against the same URLs the application uses:
  * Kafka: auto topic creation is OFF, explicit CreateTopics works, produce + consume with a
    consumer group (FindCoordinator/JoinGroup/SyncGroup/OffsetCommit), committed offsets.
  * PostgreSQL: login with DATABASE_URL, CREATE DATABASE / DROP DATABASE as that role.
  * RabbitMQ: publish + consume on a temporary queue with RABBITMQ_URL.
Exits non-zero on the first failure.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time
import uuid

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql://log_analysis:log_analysis@localhost:5432/log_analysis"
)
RABBITMQ_URL = os.environ.get("RABBITMQ_URL", "amqp://guest:guest@localhost:5672/")


def ok(msg: str) -> None:
    print(f"  ok  {msg}", flush=True)


async def check_kafka() -> None:
    from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic
    from aiokafka.errors import KafkaTimeoutError, UnknownTopicOrPartitionError

    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)

    suffix = uuid.uuid4().hex[:8]
    admin = AIOKafkaAdminClient(bootstrap_servers=BOOTSTRAP)
    await admin.start()
    try:
        # 1. auto.create.topics.enable=false: metadata for an unknown topic must not create it.
        ghost = f"smoke-ghost-{suffix}"
        producer = AIOKafkaProducer(bootstrap_servers=BOOTSTRAP, request_timeout_ms=3000)
        await producer.start()
        try:
            try:
                await producer.send_and_wait(ghost, b"x")
            except (KafkaTimeoutError, UnknownTopicOrPartitionError):
                pass
            else:
                raise AssertionError(
                    f"producing to unknown topic {ghost} succeeded: auto-create is ON"
                )
        finally:
            await producer.stop()
        topics = await admin.list_topics()
        assert ghost not in topics, f"{ghost} was auto-created"
        ok("auto.create.topics.enable=false (unknown topic not created)")

        # 2. explicit topic creation with 3 partitions.
        topic = f"smoke-{suffix}"
        await admin.create_topics([NewTopic(topic, num_partitions=3, replication_factor=1)])
        for _ in range(50):
            if topic in await admin.list_topics():
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError(f"{topic} not listed after create_topics")
        ok(f"create_topics {topic} (3 partitions)")

        # 3. produce 30 messages, consume them with a consumer group, commit.
        producer = AIOKafkaProducer(bootstrap_servers=BOOTSTRAP, acks="all")
        await producer.start()
        try:
            for i in range(30):
                await producer.send(topic, key=str(i).encode(), value=f"m{i}".encode())
            await producer.flush()
        finally:
            await producer.stop()
        group = f"smoke-group-{suffix}"
        consumer = AIOKafkaConsumer(
            topic,
            bootstrap_servers=BOOTSTRAP,
            group_id=group,
            auto_offset_reset="earliest",
            enable_auto_commit=False,
        )
        t0 = time.monotonic()
        await consumer.start()
        got: set[bytes] = set()
        try:
            while len(got) < 30 and time.monotonic() - t0 < 30:
                batch = await consumer.getmany(timeout_ms=1000)
                for msgs in batch.values():
                    got.update(m.value for m in msgs)
            assert len(got) == 30, f"consumed {len(got)}/30 messages"
            await consumer.commit()
            committed = [await consumer.committed(TopicPartition(topic, p)) or 0 for p in range(3)]
            assert sum(committed) == 30, f"committed offsets {committed}"
        finally:
            await consumer.stop()
        ok(
            f"produce/consume 30 msgs with group {group} in {time.monotonic() - t0:.1f}s, "
            "offsets committed"
        )

        groups = [g[0] if isinstance(g, tuple) else g for g in await admin.list_consumer_groups()]
        assert group in groups, f"{group} not in {groups}"
        ok("consumer group listed by the broker")

        await admin.delete_topics([topic])
        ok(f"delete_topics {topic}")
    finally:
        await admin.close()


async def check_postgres() -> None:
    import asyncpg

    conn = await asyncpg.connect(DATABASE_URL, timeout=10)
    try:
        user, db = await conn.fetchrow("select current_user, current_database()")
        version = await conn.fetchval("show server_version")
        ok(f"postgres login as {user} to {db} (server {version})")
        name = f"smoke_{uuid.uuid4().hex[:8]}"
        await conn.execute(f'CREATE DATABASE "{name}"')
        await conn.execute(f'DROP DATABASE "{name}"')
        ok("role can CREATE DATABASE / DROP DATABASE")
    finally:
        await conn.close()


async def check_rabbitmq() -> None:
    import aio_pika

    conn = await aio_pika.connect_robust(RABBITMQ_URL, timeout=10)
    try:
        ch = await conn.channel()
        q = await ch.declare_queue(exclusive=True, auto_delete=True)
        body = uuid.uuid4().bytes
        await ch.default_exchange.publish(aio_pika.Message(body=body), routing_key=q.name)
        msg = await q.get(timeout=5, fail=True)
        await msg.ack()
        assert msg.body == body
        ok(f"rabbitmq publish/get on {q.name}")
    finally:
        await conn.close()


async def main() -> int:
    for name, fn in (
        ("kafka", check_kafka),
        ("postgres", check_postgres),
        ("rabbitmq", check_rabbitmq),
    ):
        print(f"{name}:", flush=True)
        try:
            await fn()
        except Exception as exc:
            print(f"  FAIL {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
