"""X-Request-ID on every response, and the same id on every log line of the request."""

from __future__ import annotations

import asyncio
import copy
import io
import logging
import re
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import mode.utils.logging
import orjson
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer, make_mocked_request

from pipeline.app import create_app
from pipeline.logging_setup import REQUEST_ID, logging_config
from pipeline.settings import variables as s
from tests.factories import dev_settings
from tests.unit.web.server import middleware_client
from web.middleware import REQUEST_ID_HEADER, request_id, request_id_for

FRESH_ID = re.compile(r"[0-9a-f]{32}")
handler_log = logging.getLogger("tests.web.request_id")


async def _logs(request: web.Request) -> web.Response:
    handler_log.info("before the pause")
    # Another request's handler runs here; each must keep its own id.
    await asyncio.sleep(0.01)
    handler_log.info("serving %s", request.query.get("n", ""))
    return web.Response(text="ok")


async def _boom(request: web.Request) -> web.Response:
    raise RuntimeError("a bug")


async def _moved(request: web.Request) -> web.Response:
    raise web.HTTPFound("/logs")


@contextmanager
def _worker_logging(config: Mapping[str, Any]) -> Iterator[io.StringIO]:
    """The root logger configured from ``config`` as mode configures a worker's, with the
    handler's stdout swapped for a buffer; put back as it was afterwards."""
    config = dict(copy.deepcopy(dict(config)))
    stream = io.StringIO()
    config["handlers"]["stdout"]["stream"] = stream
    root = logging.getLogger()
    handlers, level, isatty = root.handlers[:], root.level, mode.utils.logging.LOG_ISATTY
    try:
        mode.utils.logging.setup_logging(loglevel="INFO", logging_config=config)
        yield stream
    finally:
        for handler in root.handlers:
            if handler not in handlers:
                handler.close()
        root.handlers[:] = handlers
        root.setLevel(level)
        mode.utils.logging.LOG_ISATTY = isatty


@pytest.fixture
def json_lines() -> Iterator[io.StringIO]:
    """What the worker's JSON logging writes."""
    with _worker_logging(logging_config("json", "INFO")) as stream:
        yield stream


@pytest.fixture
async def client() -> AsyncIterator[TestClient]:
    """Our middlewares around a few handlers of our own (the app's views log little)."""
    async with middleware_client({"/logs": _logs, "/boom": _boom, "/moved": _moved}) as test_client:
        yield test_client


def _records(stream: io.StringIO) -> list[dict[str, object]]:
    """The lines of the handlers' logger and the middleware's (aiohttp logs too)."""
    records = [orjson.loads(line) for line in stream.getvalue().splitlines()]
    return [r for r in records if r["logger"] in (handler_log.name, "web.middleware")]


# --- choosing the id ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "given", ["abc", "A-Za-z0-9._-", "0" * 128, "7f9c2ba4e88f827d616045507605853e"]
)
def test_an_acceptable_id_is_kept(given: str):
    assert request_id_for(given) == given


@pytest.mark.parametrize(
    "given",
    [
        None,
        "",
        "0" * 129,
        "has space",
        "semi;colon",
        "ünïcode",
        "abc\r\nSet-Cookie: session=stolen",
        "abc\n",
        "abc%0d%0aSet-Cookie",
        "{jndi:ldap://x}",
    ],
)
def test_anything_else_gets_a_fresh_id(given: str | None):
    fresh = request_id_for(given)
    assert FRESH_ID.fullmatch(fresh)
    assert fresh != request_id_for(given)


async def test_a_crlf_header_never_reaches_the_response_and_the_id_is_reset():
    async def handler(request: web.Request) -> web.Response:
        assert REQUEST_ID.get() is not None
        return web.Response(text="ok")

    injected = "abc\r\nSet-Cookie: session=stolen"
    request = make_mocked_request("GET", "/", headers={REQUEST_ID_HEADER: injected})
    response = await request_id(request, handler)
    assert FRESH_ID.fullmatch(response.headers[REQUEST_ID_HEADER])
    assert "Set-Cookie" not in response.headers
    # The next request on a keep-alive connection runs in the same task: nothing carries over.
    assert REQUEST_ID.get() is None


# --- over HTTP ----------------------------------------------------------------------------------


async def test_a_valid_header_is_echoed(client: TestClient):
    response = await client.get("/logs", headers={REQUEST_ID_HEADER: "edge-1234.abc_DEF"})
    assert response.status == 200
    assert response.headers[REQUEST_ID_HEADER] == "edge-1234.abc_DEF"


@pytest.mark.parametrize("given", ["x" * 129, "a b", "id;drop", "ünïcode", "abc%0d%0aSet-Cookie"])
async def test_an_invalid_header_is_replaced(client: TestClient, given: str):
    response = await client.get("/logs", headers={REQUEST_ID_HEADER: given})
    assert response.status == 200
    assert FRESH_ID.fullmatch(response.headers[REQUEST_ID_HEADER])


async def test_without_a_header_each_response_gets_its_own_id(client: TestClient):
    first = (await client.get("/logs")).headers[REQUEST_ID_HEADER]
    second = (await client.get("/logs")).headers[REQUEST_ID_HEADER]
    assert FRESH_ID.fullmatch(first) and FRESH_ID.fullmatch(second) and first != second


async def test_raw_crlf_in_the_header_is_refused_before_any_handler(client: TestClient):
    server = client.server
    reader, writer = await asyncio.open_connection(server.host, server.port)
    writer.write(
        b"GET /logs HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        b"X-Request-ID: abc\rSet-Cookie: session=stolen\r\n\r\n"
    )
    await writer.drain()
    answer = await reader.read()
    writer.close()
    await writer.wait_closed()
    assert answer.startswith(b"HTTP/1.0 400") or answer.startswith(b"HTTP/1.1 400")
    assert b"\r\nSet-Cookie" not in answer


async def test_errors_and_redirects_carry_the_id(client: TestClient, json_lines: io.StringIO):
    failed = await client.get("/boom", headers={REQUEST_ID_HEADER: "req-500"})
    assert failed.status == 500
    assert failed.headers[REQUEST_ID_HEADER] == "req-500"
    moved = await client.get("/moved", allow_redirects=False, headers={REQUEST_ID_HEADER: "r-302"})
    assert moved.status == 302
    assert moved.headers[REQUEST_ID_HEADER] == "r-302"
    # The traceback json_errors logs says which request failed.
    (error,) = [r for r in _records(json_lines) if r["logger"] == "web.middleware"]
    assert error["request_id"] == "req-500"
    assert "a bug" in str(error["exc_info"])


async def test_every_log_line_of_a_request_carries_its_id(
    client: TestClient, json_lines: io.StringIO
):
    ids = [f"req-{n}" for n in range(5)]
    responses = await asyncio.gather(
        *(client.get("/logs", params={"n": rid}, headers={REQUEST_ID_HEADER: rid}) for rid in ids)
    )
    assert [r.headers[REQUEST_ID_HEADER] for r in responses] == ids
    handler_log.info("outside any request")
    records = _records(json_lines)
    served = [r for r in records if str(r["message"]).startswith("serving")]
    assert sorted(str(r["message"]) for r in served) == [f"serving {rid}" for rid in ids]
    for record in served:
        assert record["message"] == f"serving {record['request_id']}"
    assert sum(r["message"] == "before the pause" for r in records) == len(ids)
    assert all(r["request_id"] in ids for r in records if r["message"] != "outside any request")
    (outside,) = [r for r in records if r["message"] == "outside any request"]
    assert "request_id" not in outside


# --- the service's own app ----------------------------------------------------------------------


@pytest.fixture
async def service_client() -> AsyncIterator[TestClient]:
    app = create_app(dev_settings())
    app.web.init_server()
    async with TestClient(TestServer(app.web.web_app)) as test_client:  # type: ignore[attr-defined]
        yield test_client


async def test_a_401_carries_the_id(service_client: TestClient):
    response = await service_client.get("/router/", headers={REQUEST_ID_HEADER: "gw-401"})
    assert response.status == 401
    assert response.headers[REQUEST_ID_HEADER] == "gw-401"
    refused = await service_client.get("/router/", headers={"Authorization": "Bearer forged"})
    assert refused.status == 401
    assert FRESH_ID.fullmatch(refused.headers[REQUEST_ID_HEADER])


async def test_public_and_missing_paths_carry_the_id(service_client: TestClient):
    assert FRESH_ID.fullmatch((await service_client.get("/health/")).headers[REQUEST_ID_HEADER])
    missing = await service_client.get("/nope", headers={"Authorization": "Bearer x"})
    assert REQUEST_ID_HEADER in missing.headers


@pytest.mark.parametrize(
    ("log_format", "inside", "outside"),
    [
        ("json", '"message": "inside", "request_id": "gw-7"}', '"message": "outside"}'),
        ("text", ": inside [request_id=gw-7]", ": outside"),
    ],
)
def test_the_workers_logging_copies_the_id(log_format: str, inside: str, outside: str):
    app = create_app(dev_settings({s.LOG_FORMAT: log_format}))
    with _worker_logging(app.conf.logging_config) as stream:
        token = REQUEST_ID.set("gw-7")
        try:
            handler_log.info("inside")
        finally:
            REQUEST_ID.reset(token)
        handler_log.info("outside")
    first, second = stream.getvalue().splitlines()
    assert first.endswith(inside) and second.endswith(outside)
