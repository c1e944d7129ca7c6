"""The HTTP API's test service: one worker over the real stack, fed through RabbitMQ with two
services' traffic (an error burst among it), shared by the package's tests."""

from __future__ import annotations

import asyncio
import socket
import time
import uuid
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import asyncpg
import pytest

from pipeline.settings import load_settings
from storage.migrations import migrate
from tests.integration.conftest import (
    BASE,
    create_database,
    database_url_for,
    drop_database,
    remove_test_names,
    service_environment,
)
from tests.integration.processes import get_json
from tests.integration.stream.conftest import Stream, messages, stream, stream_database  # noqa: F401 - fixtures
from web.auth import issue_token

MINUTES = 80
BURST = range(60, 64)


def checkout(start: float) -> list[dict[str, Any]]:
    """A steady service, 30 lines a minute, with an error burst in the BURST minutes."""
    items: list[dict[str, Any]] = []
    for minute in range(MINUTES):
        for i in range(30):
            items.append(
                {
                    "service": "checkout",
                    "level": "INFO" if i % 10 else "WARNING",
                    "message": (f"order {minute * 100 + i} placed", f"cart {i} updated")[i % 2],
                    "timestamp": start + minute * 60 + 2 * i,
                    "metadata": {"run": "api", "seq": minute * 1000 + i},
                }
            )
        if minute % 10 == 5 or minute in BURST:
            items.extend(
                {
                    "service": "checkout",
                    "level": "ERROR",
                    "message": f"payment provider timed out after {5000 + j} ms",
                    "timestamp": start + minute * 60 + j + 0.5,
                    "metadata": {"run": "api", "seq": minute * 1000 + 100 + j},
                }
                for j in range(15 if minute in BURST else 1)
            )
    return items


def inventory(start: float) -> list[dict[str, Any]]:
    items = []
    for minute in range(MINUTES - 30, MINUTES):
        for i in range(10):
            items.append(
                {
                    "service": "inventory",
                    "level": ("INFO", "DEBUG", "WARNING", "ERROR", "INFO")[i % 5],
                    "message": (
                        f"Widget-Unique-Token {minute}-{i} restocked"
                        if i == 7
                        else f"sku {minute * 10 + i} counted"
                    ),
                    "timestamp": start + minute * 60 + 5 * i,
                    "metadata": {"run": "api", "seq": 500_000 + minute * 100 + i},
                }
            )
    return items


# The browser tests keep a screenshot of a failed test's page.
@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.when == "call":
        item.rep_call = report  # type: ignore[attr-defined]
    return report


@dataclass
class Served:
    base_url: str
    token: str
    database_url: str
    start: float
    items: list[dict[str, Any]]
    env: dict[str, str]

    def get(self, path: str, token: str | None = "default", **params: Any) -> tuple[int, Any]:
        query = urlencode(params, doseq=True)
        url = f"{self.base_url}{path}" + (f"?{query}" if query else "")
        headers = {}
        if token is not None:
            headers["Authorization"] = f"Bearer {self.token if token == 'default' else token}"
        return get_json(url, headers)

    def ok(self, path: str, **params: Any) -> Any:
        status, body = self.get(path, **params)
        assert status == 200, (path, params, body)
        assert body["status_code"] == 200 and isinstance(body["message"], str)
        return body["data"]

    def rows(self, query: str, *args: Any) -> list[asyncpg.Record]:
        async def fetch() -> list[asyncpg.Record]:
            connection = await asyncpg.connect(self.database_url)
            try:
                return list(await connection.fetch(query, *args))
            finally:
                await connection.close()

        return asyncio.run(fetch())

    def execute(self, query: str, *args: Any) -> None:
        async def run() -> None:
            connection = await asyncpg.connect(self.database_url)
            try:
                await connection.execute(query, *args)
            finally:
                await connection.close()

        asyncio.run(run())

    def span(self) -> dict[str, str]:
        """A time range holding every record (and the windows still open)."""
        return {
            "start_time": datetime.fromtimestamp(self.start - 60, UTC).isoformat(),
            "end_time": datetime.fromtimestamp(time.time() + 120, UTC).isoformat(),
        }


@pytest.fixture(scope="package")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    tmp = tmp_path_factory.mktemp("api")
    name = asyncio.run(create_database())
    url = database_url_for(name)
    asyncio.run(migrate(url, BASE.sql_dir))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    unique = f"api-{uuid.uuid4().hex[:8]}"
    env = service_environment(unique, port, tmp) | {
        "DATABASE_URL": url,
        "BRIDGE_LINGER_MS": "20",
        "INGEST_BATCH_WAIT_MS": "100",
        "JWT_AUDIENCE": "log-analysis-api",
        "JWT_ISSUER": "https://auth.example.test",
        # Short, so test_api_attacks sees stalled clients closed; clients here reconnect.
        "WEB_IDLE_TIMEOUT_SECONDS": "4",
        "WEB_BODY_TIMEOUT_SECONDS": "2",
    }
    harness = Stream(env, url, Path(tmp))
    start = (time.time() // 60) * 60 - MINUTES * 60
    items = sorted(checkout(start) + inventory(start), key=lambda i: float(i["timestamp"]))
    try:
        harness.start()
        asyncio.run(harness.publish(messages(items, 100)))
        asyncio.run(harness.wait_for_rows("api", len(items), within=120))
        # The burst's incident is stored, and the windows up to a minute ago are closed.
        asyncio.run(
            harness.wait_for(
                "SELECT count(*) > 0 FROM incidents WHERE service_name = 'checkout'",
                True,
                within=60,
            )
        )
        asyncio.run(
            harness.wait_for(
                "SELECT count(*) > 0 FROM insights WHERE type = 'recommendation'", True, 60
            )
        )
        token = issue_token(load_settings(env).jwt, "api-test")
        yield Served(f"http://127.0.0.1:{port}", token, url, start, items, env)
    finally:
        harness.stop_all()
        asyncio.run(drop_database(name))
        asyncio.run(remove_test_names(f"la-test-{unique}"))
