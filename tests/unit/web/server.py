"""The aiohttp application behind a Faust app's web server, and our middlewares around handlers of
a test's own, for in-process test clients."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager

import faust
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from prometheus_client import CollectorRegistry

from pipeline.metrics import Metrics
from tests.factories import dev_settings
from web.auth import TokenVerifier, issue_token
from web.middleware import build_middlewares

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def aiohttp_app(app: faust.App) -> web.Application:
    """Faust's web server with its blueprints and our views applied, not listening."""
    app.web.init_server()
    found: web.Application = app.web.web_app  # type: ignore[attr-defined]
    return found


@asynccontextmanager
async def middleware_client(routes: Mapping[str, Handler]) -> AsyncIterator[TestClient]:
    """The service's middlewares around ``routes`` (GET path -> handler), served in-process; the
    client sends a token they accept with every request."""
    settings = dev_settings()
    middlewares = build_middlewares(
        TokenVerifier(settings.jwt), Metrics.create(CollectorRegistry())
    )
    app = web.Application(middlewares=middlewares)  # type: ignore[arg-type]
    for path, handler in routes.items():
        app.router.add_get(path, handler)
    token = issue_token(settings.jwt, "tests")
    async with TestClient(TestServer(app), headers={"Authorization": f"Bearer {token}"}) as client:
        yield client
