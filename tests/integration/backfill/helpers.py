"""Running `python -m pipeline import|replay` as a user would, and reading what they left."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Mapping
from typing import Any

import asyncpg
from aiokafka.admin import AIOKafkaAdminClient

from ..conftest import BASE, REPO_ROOT


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


async def fetch(url: str, query: str, *args: object) -> list[asyncpg.Record]:
    connection = await asyncpg.connect(url)
    try:
        return list(await connection.fetch(query, *args))
    finally:
        await connection.close()


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


async def wait_for_count(url: str, query: str, at_least: int, within: float) -> int:
    deadline = asyncio.get_running_loop().time() + within
    while True:
        value = int((await fetch(url, query))[0][0])
        if value >= at_least or asyncio.get_running_loop().time() > deadline:
            return value
        await asyncio.sleep(0.2)
