"""Security headers on every kind of response the worker gives: no MIME sniffing, no framing, and a
Content-Security-Policy, the pages' own where they set one (web/middleware.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from pipeline.app import create_app
from tests.factories import dev_settings
from tests.unit.web.server import aiohttp_app, middleware_client
from web import docs_pages, ui_pages
from web.auth import issue_token
from web.middleware import SECURITY_HEADERS

DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture
async def service() -> AsyncIterator[tuple[TestClient, str]]:
    """The service's own app (every view and middleware), and a token it accepts."""
    app = create_app(dev_settings())
    async with TestClient(TestServer(aiohttp_app(app))) as client:
        yield client, issue_token(app.settings.jwt, "headers")


# (method, path, whether to send the token, the status expected, the page's own policy or None)
RESPONSES = [
    ("GET", "/", False, 200, None),
    ("GET", "/health/", False, 200, None),
    ("GET", "/health/ready", False, 503, None),  # nothing started here
    ("GET", "/metrics", False, 200, None),
    ("GET", "/openapi.json", False, 200, None),
    ("GET", "/docs", False, 200, docs_pages.CONTENT_SECURITY_POLICY),
    ("GET", "/redoc", False, 200, docs_pages.CONTENT_SECURITY_POLICY),
    ("GET", "/ui/", False, 200, ui_pages.CONTENT_SECURITY_POLICY),
    ("GET", "/ui", False, 302, None),
    ("GET", "/static/ui/app.js", False, 200, None),
    ("GET", "/static/ui/app.css", False, 200, None),
    ("GET", "/static/docs/swagger-init.js", False, 200, None),
    ("GET", "/static/docs/favicon-32x32.png", False, 200, None),
    ("GET", "/static/ui/not-packaged.js", False, 404, None),
    ("GET", "/favicon.ico", False, 204, None),
    ("POST", "/api/v1/auth/token", False, 400, None),  # no credentials: invalid_request
    ("GET", "/api/v1/services", False, 401, None),
    ("GET", "/api/v1/logs?page_size=501", True, 422, None),
    ("GET", "/api/v1/nothing-here", True, 404, None),
    ("DELETE", "/health/", False, 405, None),
    ("GET", "/router/", True, 200, None),  # Faust's own view, behind our middlewares
]


@pytest.mark.parametrize(
    ("method", "path", "authorised", "status", "policy"),
    RESPONSES,
    ids=[f"{method} {path} {status}" for method, path, _, status, _ in RESPONSES],
)
async def test_every_response_kind_carries_the_headers(
    service: tuple[TestClient, str],
    method: str,
    path: str,
    authorised: bool,
    status: int,
    policy: str | None,
) -> None:
    client, token = service
    headers = {"Authorization": f"Bearer {token}"} if authorised else {}
    if method == "POST":
        headers |= FORM
    response = await client.request(method, path, headers=headers, allow_redirects=False)
    assert response.status == status
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    # A page keeps the policy it needs; everything else may load nothing and be framed nowhere.
    assert response.headers["Content-Security-Policy"] == (policy or DEFAULT_CSP)
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    # Set once each: the middleware adds, it never doubles what a view set.
    for name in SECURITY_HEADERS:
        assert len(response.headers.getall(name)) == 1, name


# --- the middleware alone, on handlers of our own ------------------------------------------------


async def _own_headers(request: web.Request) -> web.Response:
    return web.Response(
        text="framed by its own site",
        headers={"X-Frame-Options": "SAMEORIGIN", "Content-Security-Policy": "default-src 'self'"},
    )


async def _boom(request: web.Request) -> web.Response:
    raise RuntimeError("a bug")


async def _streamed(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "text/plain"})
    await response.prepare(request)
    await response.write(b"sent before any middleware saw it")
    return response


@pytest.fixture
async def client() -> AsyncIterator[TestClient]:
    routes = {"/own": _own_headers, "/boom": _boom, "/streamed": _streamed}
    async with middleware_client(routes) as test_client:
        yield test_client


async def test_a_views_own_headers_are_kept(client: TestClient) -> None:
    response = await client.get("/own")
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert response.headers["Content-Security-Policy"] == "default-src 'self'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


async def test_an_unhandled_error_carries_them(client: TestClient) -> None:
    response = await client.get("/boom")
    assert response.status == 500
    assert {name: response.headers[name] for name in SECURITY_HEADERS} == SECURITY_HEADERS


async def test_a_streamed_response_is_left_as_it_was_sent(client: TestClient) -> None:
    # Its headers went out before the handler returned: nothing can be added, nothing breaks.
    response = await client.get("/streamed")
    assert response.status == 200
    assert await response.text() == "sent before any middleware saw it"
