"""Two workers share the partitions: a request about a service, sent to either, is answered by
the worker that owns the service, with its open windows (Faust's router, WEB_CANONICAL_URL)."""

from __future__ import annotations

import asyncio
import socket
import time
from typing import Any

import pytest

from bridges.partitioning import ServicePartitioner
from pipeline.settings import load_settings
from tests.integration.processes import get_json
from tests.integration.stream.conftest import Stream, messages
from web.auth import issue_token

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _services() -> tuple[str, str]:
    """Two service names in different partitions of two."""
    partition = ServicePartitioner(2)
    first = "routing-a"
    second = next(
        f"routing-b{i}" for i in range(100) if partition(f"routing-b{i}") != partition(first)
    )
    return first, second


def _records(services: tuple[str, ...], start: float, minutes: int) -> list[dict[str, Any]]:
    return [
        {
            "service": service,
            "level": "INFO",
            "message": f"job {minute}-{i} finished",
            "timestamp": start + minute * 60 + i * 6,
            "metadata": {"run": "routing", "seq": n * 100_000 + minute * 100 + i},
        }
        for n, service in enumerate(services)
        for minute in range(minutes)
        for i in range(10)
    ]


async def test_either_worker_answers_with_the_owners_open_windows(stream: Stream) -> None:
    services = _services()
    ports = [_port(), _port()]
    # A window stays open for two minutes past its end, so the last one is still open when
    # the test asks about it.
    common = {"ALLOWED_LATENESS_SECONDS": "120"}

    def worker(port: int) -> None:
        url = f"http://127.0.0.1:{port}"
        stream.start(env=common | {"WEB_PORT": str(port), "WEB_CANONICAL_URL": url})

    # The first worker takes every record; the second joins afterwards and takes over one
    # partition, its services' state from the changelog and their open windows refilled from
    # PostgreSQL. (Records sent right after a rebalance are the fault tests' subject: Faust
    # has been seen not to fetch a partition it kept, faust-streaming#629.)
    worker(ports[0])
    now = time.time()
    start = (now // 60) * 60 - 10 * 60
    items = _records(services, start, 11)
    # One RabbitMQ message per service: a backlog spread over many messages could reach Kafka
    # out of order when several bridges share the queue.
    await stream.publish(messages(items, 110))
    await stream.wait_for_rows("routing", len(items), within=120)
    worker(ports[1])
    token = issue_token(load_settings(stream.env).jwt, "routing-test")
    headers = {"Authorization": f"Bearer {token}"}
    deadline = time.monotonic() + 60
    hosts: Any = {}
    while time.monotonic() < deadline:
        status, hosts = get_json(f"http://127.0.0.1:{ports[0]}/router/", headers)
        if status == 200 and len(hosts) == 2:
            break
        await asyncio.sleep(0.5)
    assert len(hosts) == 2, hosts

    def windows(port: int, service: str) -> list[dict[str, Any]]:
        status, body = get_json(
            f"http://127.0.0.1:{port}/api/v1/services/{service}/windows?range=1h", headers
        )
        assert status == 200, body
        return list(body["data"]["items"])

    # Until the windows up to two minutes ago are closed and their summaries stored.
    deadline = time.monotonic() + 60
    while True:
        answers = {(p, s): windows(p, s) for p in ports for s in services}
        settled = all(
            any(w["status"] == "open" for w in ws) and sum(w["volume"] for w in ws) == 110
            for ws in answers.values()
        )
        if settled or time.monotonic() > deadline:
            break
        await asyncio.sleep(1)
    for service in services:
        first, second = (answers[(p, service)] for p in ports)
        # Only the owner has the open windows: both answers hold them, so one was routed.
        assert any(w["status"] == "open" and w["source"] == "live" for w in first), first
        assert first == second
        assert sum(w["volume"] for w in first) == 110, first
