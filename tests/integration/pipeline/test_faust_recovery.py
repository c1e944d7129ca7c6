"""Faust on this stack: a SIGKILLed worker's windowed table recovers from its changelog."""

import asyncio
import os
import time

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from ..conftest import BASE
from ..processes import Worker, get_json, wait_until

pytestmark = [pytest.mark.timeout(240), pytest.mark.slow]


async def _produce(topic: str, key: str, count: int) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=BASE.kafka.bootstrap_servers, acks="all")
    await producer.start()
    try:
        for _ in range(count):
            await producer.send(topic, key.encode())
        await producer.flush()
    finally:
        await producer.stop()


async def _create_topic(topic: str) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=BASE.kafka.bootstrap_servers)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, 1, 1)])
    finally:
        await admin.close()


def test_windowed_table_survives_sigkill(unique, free_port, tmp_path):
    topic = f"la-test-{unique}.recovery"
    asyncio.run(_create_topic(topic))
    env = {
        **os.environ,
        "RECOVERY_APP_ID": f"la-test-{unique}-recovery",
        "RECOVERY_TOPIC": topic,
        "RECOVERY_WEB_PORT": str(free_port),
        "RECOVERY_DATADIR": str(tmp_path / "data"),
        "PYTHONUNBUFFERED": "1",
    }
    args = ["-m", "tests.integration.pipeline.recovery_app", "worker", "--loglevel=info"]
    url = f"http://127.0.0.1:{free_port}/counts/service-a"

    def count_is(expected: int) -> bool:
        status, body = get_json(url)
        return status == 200 and body["count"] == expected

    first = Worker(args, env, tmp_path / "worker-1.log")
    try:
        asyncio.run(_produce(topic, "service-a", 50))
        wait_until(lambda: count_is(50), 120, "the first worker to count 50", first)
        # Let the consumer commit its offsets so the restart does not count messages twice.
        time.sleep(3)
    finally:
        first.kill()  # SIGKILL: no clean shutdown, no final commit or flush

    second = Worker(args, env, tmp_path / "worker-2.log")
    try:
        wait_until(lambda: count_is(50), 120, "the restarted worker to recover 50", second)
        assert "Recovery" in second.log_text() or "recovery" in second.log_text()
        asyncio.run(_produce(topic, "service-a", 10))
        wait_until(lambda: count_is(60), 60, "the restarted worker to count on to 60", second)
    finally:
        second.kill()
