"""Attacks on the HTTP API of a running worker with data (the package's ``served``): SQL injection
in every filter, hostile values in cursors and path parameters, half-open and slow clients, and a
flood of wrong secrets on the token endpoint. None may get a 5xx, change the database or hold up
other callers."""

from __future__ import annotations

import asyncio
import base64
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

import aiohttp
import pytest

from pipeline.settings import load_settings
from web.params import encode_cursor

from .conftest import Served

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]

SERVICES = {"checkout", "inventory"}
CANARY = "attack_canary"
INJECTIONS = [
    "' OR '1'='1",
    "' OR 1=1 --",
    "checkout' --",
    "checkout'; DELETE FROM logs; --",
    f"'; DROP TABLE {CANARY}; --",
    f"1; DROP TABLE {CANARY}",
    f"\\'; DROP TABLE {CANARY}; --",
    f"$$; DROP TABLE {CANARY}; $$",
    f"'); TRUNCATE {CANARY}; --",
    '" OR ""="',
    "%' OR '%'='",
    "_%",
    "' UNION SELECT NULL, version(), current_user --",
    "1' AND (SELECT 1 FROM pg_sleep(10)) = 1 --",
    "'; COPY (SELECT '') TO PROGRAM 'touch /tmp/pwned'; --",
]


def _filters(value: str) -> list[tuple[str, dict[str, Any], bool]]:
    """(path, parameters, whether a 200 may list rows) putting ``value`` in every filter of every
    endpoint. Only a cursor may: it says where a page starts, and rows sort after any string."""
    name = quote(value, safe="")
    return [
        ("/api/v1/logs", {"service_name": value}, False),
        ("/api/v1/logs", {"log_level": value}, False),
        ("/api/v1/logs", {"template_id": value}, False),
        ("/api/v1/logs", {"q": value}, False),
        ("/api/v1/logs", {"q": value, "service_name": "checkout", "range": "24h"}, False),
        ("/api/v1/logs", {"cursor": value}, True),
        ("/api/v1/logs", {"cursor": encode_cursor(value, value)}, True),
        ("/api/v1/logs/summary", {"service_name": value}, False),
        ("/api/v1/patterns", {"service_name": value}, False),
        ("/api/v1/patterns", {"cursor": value}, True),
        ("/api/v1/anomalies", {"service_name": value}, False),
        ("/api/v1/anomalies", {"severity": value}, False),
        ("/api/v1/anomalies", {"status": value}, False),
        ("/api/v1/anomalies", {"cursor": encode_cursor(value, value)}, True),
        ("/api/v1/services", {"cursor": value}, True),
        ("/api/v1/services", {"cursor": encode_cursor(value)}, True),
        ("/api/v1/services/checkout/windows", {"cursor": encode_cursor(value)}, True),
        (f"/api/v1/services/{name}/windows", {}, False),
        (f"/api/v1/services/{name}/series", {}, False),
        (f"/api/v1/logs/{name}", {}, False),
        (f"/api/v1/anomalies/{name}", {}, False),
    ]


def _counts(served: Served) -> dict[str, int]:
    tables = ("logs", "templates", "dead_letters", "api_clients", CANARY)
    return {t: served.rows(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in tables}


@pytest.fixture
def canary(served: Served) -> Iterator[None]:
    """A table an injection would like to drop, with one row it would like to delete."""
    served.execute(f"CREATE TABLE {CANARY} (id int PRIMARY KEY)")
    served.execute(f"INSERT INTO {CANARY} VALUES (1)")
    try:
        yield
    finally:
        served.execute(f"DROP TABLE IF EXISTS {CANARY}")


def _answer_is_harmless(status: int, body: Any, may_list: bool) -> bool:
    if 400 <= status < 500:
        return True
    if status != 200:
        return False
    items = body["data"].get("items", [])
    if may_list:
        return all(item.get("service_name") in SERVICES for item in items)
    return items == []


def test_sql_injection_in_every_filter_is_refused_or_finds_nothing_and_changes_nothing(
    served: Served, canary: None
) -> None:
    before = _counts(served)
    harmful = []
    for value in INJECTIONS:
        for path, params, may_list in _filters(value):
            status, body = served.get(path, **params)
            if not _answer_is_harmless(status, body, may_list):
                harmful.append((path, params, status, body))
    assert harmful == []
    assert _counts(served) == before
    assert served.ok("/health/ready", token=None)["status"] == "ok"


# Hostile values that are not SQL: PostgreSQL refuses NUL in text, and a date at the end of the
# calendar with an offset cannot be turned into UTC. Each must be a 4xx, never a 5xx.
NUL = "check\x00out"
HOSTILE = [
    pytest.param("/api/v1/logs", {"service_name": NUL}, id="service_name NUL"),
    pytest.param(f"/api/v1/logs/{quote(NUL)}", {}, id="log id NUL"),
    pytest.param(f"/api/v1/anomalies/{quote(NUL)}", {}, id="incident id NUL"),
    # orjson refuses to write a lone surrogate: the cursor's JSON is written by hand.
    pytest.param(
        "/api/v1/logs",
        {"cursor": base64.urlsafe_b64encode(b'["2026-01-01", "\\ud800"]').decode()},
        id="cursor surrogate",
    ),
    pytest.param("/api/v1/patterns", {"cursor": encode_cursor(2**62)}, id="cursor huge offset"),
    pytest.param("/api/v1/patterns", {"cursor": encode_cursor(-1)}, id="cursor negative"),
    pytest.param(
        "/api/v1/logs",
        {"start_time": "0001-01-01T00:00:00Z", "end_time": "0001-01-02"},
        id="year 1",
    ),
    pytest.param(
        "/api/v1/services",
        {"cursor": encode_cursor(NUL)},
        id="services cursor NUL",
    ),
    pytest.param(
        "/api/v1/logs",
        {"cursor": encode_cursor("2026-01-01T00:00:00+00:00", NUL)},
        id="logs cursor NUL",
    ),
    pytest.param(
        "/api/v1/anomalies",
        {"cursor": encode_cursor("2026-01-01T00:00:00+00:00", NUL)},
        id="anomalies cursor NUL",
    ),
    pytest.param(f"/api/v1/services/{quote(NUL)}/windows", {}, id="windows name NUL"),
    pytest.param(f"/api/v1/services/{quote(NUL)}/series", {}, id="series name NUL"),
    pytest.param(
        "/api/v1/logs",
        {"start_time": "0001-01-01T00:00:00+23:59", "end_time": "0001-01-02T00:00:00Z"},
        id="start_time before year 1 in UTC",
    ),
    pytest.param(
        "/api/v1/logs",
        {"start_time": "9999-12-31T00:00:00Z", "end_time": "9999-12-31T23:59:59-23:59"},
        id="end_time after year 9999 in UTC",
    ),
    pytest.param(
        "/api/v1/logs",
        {"cursor": encode_cursor("0001-01-01T00:00:00+23:59", "x")},
        id="cursor time before year 1 in UTC",
    ),
]


@pytest.mark.parametrize(("path", "params"), HOSTILE)
def test_hostile_values_are_refused_never_a_server_error(
    served: Served, path: str, params: dict[str, Any]
) -> None:
    status, body = served.get(path, **params)
    assert status < 500, body
    if status == 200:
        assert body["data"].get("items", []) == [] or "cursor" in params


# -- slow and half-open clients --------------------------------------------------------------

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
# What a stalled client has sent when it stops: nothing, half a request line, headers without
# their end, and a token request with half its announced body.
PARTIAL_REQUESTS = [
    b"",
    b"GET /api/v1/servi",
    b"GET /health/ HTTP/1.1\r\nHost: attacker\r\nX-Slow: ",
    b"POST /api/v1/auth/token HTTP/1.1\r\nHost: attacker\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\n"
    b"grant_type=client_cred",
]
STALLED_PER_KIND = 10


def _timed(served: Served, path: str) -> tuple[int, float]:
    started = time.monotonic()
    status, _ = served.get(path)
    return status, time.monotonic() - started


def test_half_open_and_stalled_clients_do_not_hold_up_other_requests(served: Served) -> None:
    address = urlsplit(served.base_url)
    stalled: list[socket.socket] = []
    try:
        for partial in PARTIAL_REQUESTS * STALLED_PER_KIND:
            connection = socket.create_connection((address.hostname, address.port), timeout=5)
            connection.sendall(partial)
            stalled.append(connection)
        time.sleep(0.5)  # the server has read what they sent and waits for the rest
        for path in ("/health/", "/api/v1/services", "/metrics"):
            status, seconds = _timed(served, path)
            assert status == 200, path
            assert seconds < 1.0, (path, seconds)
    finally:
        for connection in stalled:
            connection.close()
    status, seconds = _timed(served, "/health/")
    assert status == 200 and seconds < 1.0


# A thousand clients stalled in their request head, and ten with half a body: the server must
# go on answering, then close each after WEB_IDLE_TIMEOUT_SECONDS (408 for the bodies).
MANY_STALLED = 1000
HALF_BODIES = 10


# aiohttp reads what is left of a refused body for up to this long before it closes.
LINGERING_SECONDS = 10.0


def _read_until_closed(
    connection: socket.socket, within: float, enough: bytes | None = None
) -> tuple[bytes, bool]:
    """What the server sent on ``connection`` within ``within`` seconds (or until it holds
    ``enough``), and whether it closed the connection by then."""
    deadline = time.monotonic() + within
    received = b""
    try:
        while (left := deadline - time.monotonic()) > 0 and not (enough and enough in received):
            connection.settimeout(left)
            chunk = connection.recv(65536)
            if not chunk:
                return received, True
            received += chunk
    except TimeoutError:
        pass
    except ConnectionResetError:
        return received, True
    return received, False


def test_stalled_clients_are_closed_after_the_idle_timeout(served: Served) -> None:
    web = load_settings(served.env).web
    address = urlsplit(served.base_url)
    heads = PARTIAL_REQUESTS[:3]
    stalled: list[socket.socket] = []
    halves: list[socket.socket] = []
    last_stalled = time.monotonic()

    def left(after: float) -> float:
        return max(after - (time.monotonic() - opened), 0.1)

    try:
        for n in range(MANY_STALLED + HALF_BODIES):
            connection = socket.create_connection((address.hostname, address.port), timeout=5)
            if n < MANY_STALLED:
                connection.sendall(heads[n % len(heads)])
                stalled.append(connection)
            else:
                connection.sendall(PARTIAL_REQUESTS[3])
                halves.append(connection)
            last_stalled = time.monotonic() if n < MANY_STALLED else last_stalled
        opened = time.monotonic()
        for path in ("/health/", "/api/v1/services"):
            status, seconds = _timed(served, path)
            assert status == 200 and seconds < 1.0, (path, status, seconds)
        # Half a body: 408 once the body timeout passed.
        for connection in halves:
            answer, _ = _read_until_closed(
                connection, left(web.body_timeout_seconds + 1.5), enough=b"\r\n\r\n"
            )
            assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
        # Stalled heads: still open a little before the idle timeout, closed soon after it.
        time.sleep(max(last_stalled + web.idle_timeout_seconds - 1.0 - time.monotonic(), 0))
        assert _read_until_closed(stalled[-1], 0.1) == (b"", False)
        still_open = [
            c for c in stalled if not _read_until_closed(c, left(web.idle_timeout_seconds + 3))[1]
        ]
        assert still_open == [], f"{len(still_open)} of {MANY_STALLED} stalled clients still open"
        # The refused bodies' connections, once aiohttp stopped waiting for the rest.
        limit = web.body_timeout_seconds + LINGERING_SECONDS + 3
        assert all(_read_until_closed(c, left(limit))[1] for c in halves)
    finally:
        for connection in stalled + halves:
            connection.close()
    status, seconds = _timed(served, "/health/")
    assert status == 200 and seconds < 1.0


# -- a flood on the token endpoint ------------------------------------------------------------

FLOOD = 200


@dataclass(frozen=True)
class Flood:
    statuses: list[int]  # of the flood's requests
    health_during: tuple[int, float]  # status, seconds
    health_after: tuple[int, float]
    next_attempt: tuple[int, str | None]  # one more wrong secret afterwards: status, Retry-After


async def _flood(served: Served) -> Flood:
    url = f"{served.base_url}/api/v1/auth/token"

    async def attempt(session: aiohttp.ClientSession, n: int) -> tuple[int, str | None]:
        form = f"grant_type=client_credentials&client_id=flood&client_secret=guess-{n}"
        async with session.post(url, data=form, headers=FORM) as response:
            await response.read()
            return response.status, response.headers.get("Retry-After")

    async def health(session: aiohttp.ClientSession) -> tuple[int, float]:
        started = time.monotonic()
        async with session.get(f"{served.base_url}/health/") as response:
            return response.status, time.monotonic() - started

    async with aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=0), timeout=aiohttp.ClientTimeout(total=60)
    ) as session:
        flood = asyncio.gather(*(attempt(session, n) for n in range(FLOOD)))
        await asyncio.sleep(0.2)
        during = await health(session)
        statuses = [status for status, _ in await flood]
        after = await health(session)
        return Flood(statuses, during, after, await attempt(session, FLOOD))


@pytest.fixture(scope="module")
def flood(served: Served) -> Flood:
    """200 token requests at once, each with a wrong secret for one client name, from one
    address. Last in this file: the worker refuses this address's token requests for a minute
    after it."""
    found = asyncio.run(_flood(served))
    print(
        f"{FLOOD} concurrent wrong secrets: {found.statuses.count(401)} verified (401), "
        f"{found.statuses.count(429)} limited (429); /health/ during the flood in "
        f"{found.health_during[1]:.2f} s"
    )
    return found


def test_a_flood_of_wrong_secrets_gets_401_or_429_and_the_worker_keeps_answering(
    flood: Flood,
) -> None:
    assert set(flood.statuses) <= {401, 429}, sorted(set(flood.statuses))
    assert flood.health_during[0] == 200 and flood.health_after[0] == 200
    assert flood.health_after[1] < 1.0
    # Once the failures are counted, the address and the name are limited.
    status, retry_after = flood.next_attempt
    assert status == 429 and retry_after is not None and 1 <= int(retry_after) <= 60


def test_a_concurrent_flood_is_limited_like_a_sequential_one(served: Served, flood: Flood) -> None:
    limit = load_settings(served.env).web.client_failures_per_minute
    assert flood.statuses.count(401) <= limit
