"""Fixtures for tests against the real Kafka, PostgreSQL and RabbitMQ that `make up` starts.

Every name a test touches (topics, queues, databases, Faust app ids) carries a per-run suffix, so
the suite never drains or pollutes a `make run` on the same machine.
"""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

import aio_pika
import asyncpg
import pytest

from pipeline.settings import load_settings

if TYPE_CHECKING:
    from .brokers import OwnedBroker

BASE = load_settings(os.environ)
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session", autouse=True)
def _stack_is_up() -> None:
    kafka_host, _, kafka_port = BASE.kafka.bootstrap_servers.split(",")[0].rpartition(":")
    pg = urlsplit(BASE.database.url)
    mq = urlsplit(BASE.rabbitmq.url)
    missing = [
        name
        for name, host, port in [
            ("Kafka", kafka_host, int(kafka_port)),
            ("PostgreSQL", pg.hostname or "localhost", pg.port or 5432),
            ("RabbitMQ", mq.hostname or "localhost", mq.port or 5672),
        ]
        if not _reachable(host, port)
    ]
    if missing:
        pytest.fail(
            f"{', '.join(missing)} not reachable: run `make up` (or `make test`, which starts "
            "the stack) before the integration tests",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def run_id() -> str:
    return uuid.uuid4().hex[:10]


@pytest.fixture
def unique(run_id: str) -> str:
    """A name fragment unique to this test."""
    return f"{run_id}-{uuid.uuid4().hex[:6]}"


@pytest.fixture
async def queue(unique: str) -> AsyncIterator[str]:
    """A queue name of this test's own, deleted afterwards."""
    name = f"la-test-{unique}.log_analysis_queue"
    yield name
    connection = await aio_pika.connect(BASE.rabbitmq.url)
    async with connection:
        channel = await connection.channel()
        await channel.queue_delete(name)


def database_url_for(name: str) -> str:
    parts = urlsplit(BASE.database.url)
    return urlunsplit(parts._replace(path=f"/{name}"))


async def create_database() -> str:
    """A new, empty database; its name."""
    name = f"la_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(BASE.database.url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return name


@pytest.fixture
async def fresh_database() -> AsyncIterator[str]:
    """A new, empty database for one test; dropped afterwards. Yields its URL."""
    name = await create_database()
    try:
        yield database_url_for(name)
    finally:
        await drop_database(name)


# A backend our role may not terminate (an autovacuum worker that started on the test's fresh
# rows) makes DROP ... WITH (FORCE) fail for a moment; it is gone within seconds.
_DROP_RETRIES = 40


async def drop_database(name: str) -> None:
    admin = await asyncpg.connect(BASE.database.url)
    try:
        for attempt in range(_DROP_RETRIES):
            try:
                await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except (asyncpg.InsufficientPrivilegeError, asyncpg.ObjectInUseError):
                if attempt == _DROP_RETRIES - 1:
                    raise
                await asyncio.sleep(0.25)
    finally:
        await admin.close()


# Servers a test owns, for tests that restart or stop one (tests/integration/brokers.py).
@pytest.fixture
def own_kafka() -> Iterator[OwnedBroker]:
    from .brokers import owned_kafka

    yield from owned_kafka()


@pytest.fixture
def own_rabbitmq() -> Iterator[OwnedBroker]:
    from .brokers import owned_rabbitmq

    yield from owned_rabbitmq()


@pytest.fixture
def own_postgres() -> Iterator[OwnedBroker]:
    from .brokers import owned_postgres

    yield from owned_postgres()


@pytest.fixture
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def service_environment(unique: str, port: int, tmp_path: Path) -> dict[str, str]:
    """Environment for running our service in a subprocess with test-only names."""
    env = dict(os.environ)
    env.update(
        {
            "LOG_ANALYSIS_APP_ID": f"la-test-{unique}",
            "KAFKA_LOGS_TOPIC": f"la-test-{unique}.logs",
            "KAFKA_INSIGHTS_TOPIC": f"la-test-{unique}.insights",
            "KAFKA_DEAD_LETTER_TOPIC": f"la-test-{unique}.dead-letter",
            "KAFKA_TOPIC_PARTITIONS": "2",
            "LOG_QUEUE": f"la-test-{unique}.log_analysis_queue",
            "ALERTS_QUEUE": f"la-test-{unique}.alerts_queue",
            "RECOMMENDATION_QUEUE": f"la-test-{unique}.recommendation_queue",
            "WEB_HOST": "127.0.0.1",
            "WEB_PORT": str(port),
            # Parents that do not exist yet, as on a fresh machine: the worker creates them.
            "LOG_ANALYSIS_DATA_DIR": str(tmp_path / "state" / "log-analysis" / "faust-data"),
            "PYTHONUNBUFFERED": "1",
            # The simulated scenarios start on 2026-01-01: keep their days (retention has tests
            # of its own, tests/integration/storage/test_day_partitions.py).
            "LOGS_RETENTION_DAYS": "3650",
        }
    )
    return env


@pytest.fixture
def service_env(unique: str, free_port: int, tmp_path) -> Iterator[dict[str, str]]:
    """Environment for running our service in a subprocess with test-only names."""
    yield service_environment(unique, free_port, tmp_path)
    asyncio.run(remove_test_names(f"la-test-{unique}"))


async def remove_test_names(prefix: str) -> None:
    """Delete the queues and topics a test made (names starting with ``prefix``), so that runs
    after runs do not pile up thousands of them in the local stack (RabbitMQ recovering a
    thousand queues took over a minute to start). Best effort: a test's failure is its own."""
    import aio_pika
    from aiokafka.admin import AIOKafkaAdminClient

    try:
        connection = await aio_pika.connect(BASE.rabbitmq.url, timeout=5)
        async with connection:
            channel = await connection.channel()
            for name in ("log_analysis_queue", "alerts_queue", "recommendation_queue"):
                await channel.queue_delete(f"{prefix}.{name}")
    except (TimeoutError, OSError, aio_pika.exceptions.AMQPError):
        pass
    admin = AIOKafkaAdminClient(bootstrap_servers=BASE.kafka.bootstrap_servers)
    try:
        await admin.start()
        topics = [t for t in await admin.list_topics() if t.startswith(prefix)]
        if topics:
            await admin.delete_topics(topics)
    except Exception:  # best effort: aiokafka raises many kinds, none of them the test's
        pass
    finally:
        await admin.close()
