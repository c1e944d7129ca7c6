"""Running `python -m pipeline import|replay` as a user would, and reading what they left."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Mapping
from typing import Any

import aio_pika
from aio_pika.exceptions import ChannelNotFoundEntity
from aiokafka.admin import AIOKafkaAdminClient

from ..conftest import BASE, REPO_ROOT
from ..storage.conftest import fetch

__all__ = [
    "fetch",
    "queue_counts",
    "run_command",
    "snapshot",
    "start_command",
    "topics_of",
    "wait_for_count",
]


def run_command(
    env: Mapping[str, str], *args: str, timeout: float
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        cwd=REPO_ROOT,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def start_command(env: Mapping[str, str], *args: str) -> subprocess.Popen[str]:
    """The command in a process group of its own (with its worker), to be killed whole."""
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", *args],
        cwd=REPO_ROOT,
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


async def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """What a backfill must leave as it was: logs, templates and window statistics, whole."""
    queries = {
        "logs": "SELECT * FROM logs ORDER BY event_id, ts",
        "templates": "SELECT * FROM templates ORDER BY service_name, template_id",
        "window_stats": "SELECT * FROM window_stats ORDER BY service_name, window_start",
    }
    return {
        name: [tuple(row.values()) for row in await fetch(url, query)]
        for name, query in queries.items()
    }


async def topics_of(job_id: str, bootstrap: str = BASE.kafka.bootstrap_servers) -> list[str]:
    """The Kafka topics whose names hold ``job_id`` (a run's own, and its app's changelogs)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        return sorted(topic for topic in await admin.list_topics() if job_id in topic)
    finally:
        await admin.close()


async def queue_counts(env: Mapping[str, str], queues: list[str]) -> dict[str, int | None]:
    """Messages ready in each queue; None for a queue that does not exist. A plain connection:
    a robust one answers a passive declaration from its cache."""
    connection = await aio_pika.connect(env.get("RABBITMQ_URL", BASE.rabbitmq.url))
    counts: dict[str, int | None] = {}
    try:
        for name in queues:
            channel = await connection.channel()
            try:
                queue = await channel.declare_queue(name, passive=True)
            except ChannelNotFoundEntity:
                counts[name] = None
                continue
            counts[name] = queue.declaration_result.message_count or 0
            await channel.close()
    finally:
        await connection.close()
    return counts


async def wait_for_count(url: str, query: str, at_least: int, within: float) -> int:
    deadline = asyncio.get_running_loop().time() + within
    while True:
        value = int((await fetch(url, query))[0][0])
        if value >= at_least or asyncio.get_running_loop().time() > deadline:
            return value
        await asyncio.sleep(0.2)
