"""Backpressure on the real stack: with storage stuck, the bridge leaves messages in RabbitMQ once
the Kafka lag passes BRIDGE_MAX_KAFKA_LAG, and everything is stored once when storage is back."""

from __future__ import annotations

import asyncio
import time

import asyncpg
import orjson
import pytest

from pipeline.group_lag import GroupLag

from ..backfill.helpers import queue_counts
from ..conftest import BASE
from ..processes import get_json
from .conftest import Stream, messages, records, topic_records

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

MARK = 2000
RECORDS, PER_MESSAGE = 20_000, 50


async def records_in_kafka(stream: Stream) -> int:
    found = await topic_records(stream.env["KAFKA_LOGS_TOPIC"], 2)
    return sum(len(orjson.loads(r.value or b"{}")["records"]) for r in found)


async def queued(stream: Stream) -> int:
    return (await queue_counts(stream.env, [stream.queue]))[stream.queue] or 0


async def wait_until_still(stream: Stream, within: float = 60) -> tuple[int, int]:
    """(messages in RabbitMQ, records in Kafka) once neither moved for three seconds."""
    deadline = time.monotonic() + within
    last = (-1, -1)
    while time.monotonic() < deadline:
        now = (await queued(stream), await records_in_kafka(stream))
        if now == last:
            return now
        last = now
        await asyncio.sleep(3)
    raise AssertionError(f"still moving after {within}s: {last}")


async def test_with_storage_stuck_rabbitmq_holds_what_passes_the_lag_mark(stream: Stream):
    stream.env.update({"BRIDGE_MAX_KAFKA_LAG": str(MARK), "RABBITMQ_PREFETCH": "20"})
    worker = stream.start()
    topic = stream.env["KAFKA_LOGS_TOPIC"]
    lag = GroupLag(BASE.kafka.bootstrap_servers, stream.env["LOG_ANALYSIS_APP_ID"], topic)
    items = records("bp", RECORDS, services=3)
    # PostgreSQL that never answers an insert into logs: the agent's batch waits on the lock.
    locker = await asyncpg.connect(stream.database_url)
    try:
        stuck = locker.transaction()
        await stuck.start()
        await locker.execute("LOCK TABLE logs IN ACCESS EXCLUSIVE MODE")
        await stream.publish(messages(items, PER_MESSAGE))
        waiting, in_kafka = await wait_until_still(stream)

        # About the mark in Kafka (not past it by more than a few messages' lingering, not
        # under half of it, where the bridge would take messages again); the rest in RabbitMQ.
        assert MARK // 2 < in_kafka <= 2 * MARK, in_kafka
        assert waiting * PER_MESSAGE >= RECORDS - in_kafka - PER_MESSAGE
        # Nothing stored, nothing committed: the group's lag is every Kafka message there.
        assert sum((await lag.read(2)).values()) == len(await topic_records(topic, 2))
        # Paused is still ready: the worker is well, it only takes in less.
        assert get_json(f"http://127.0.0.1:{stream.env['WEB_PORT']}/health/ready")[0] == 200
        assert "bridge: paused taking messages" in worker.log_text()
        await stuck.rollback()

        await stream.wait_for_rows("bp", RECORDS, within=120)
        assert await stream.count("bp") == (RECORDS, RECORDS)
        assert await queued(stream) == 0
        assert "again: about" in worker.log_text()
        deadline = time.monotonic() + 30  # Faust commits every few seconds
        while any((await lag.read(2)).values()):
            assert time.monotonic() < deadline, await lag.read(2)
            await asyncio.sleep(1)
    finally:
        await locker.close()
        await lag.close()
