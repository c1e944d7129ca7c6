"""aiohttp middlewares for Faust's web server: authentication, request metrics, JSON errors.

They wrap every route, including Faust's own blueprints, so a debugging view added by a Faust
upgrade is behind authentication by default rather than public by accident.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable

from aiohttp import web

from pipeline.errors import AuthError
from pipeline.metrics import Metrics

from .auth import Principal, TokenVerifier

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# Exact paths (and prefixes ending in "/") anyone may read: liveness for orchestrators, metrics for
# Prometheus, and the API documentation.
PUBLIC_PATHS = frozenset(
    {"/", "/health/", "/health", "/health/ready", "/metrics", "/docs", "/redoc", "/openapi.json"}
)
PUBLIC_PREFIXES = ("/static/docs/",)

PRINCIPAL_KEY = web.RequestKey("principal", Principal)


def _is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


def _endpoint_label(request: web.Request) -> str:
    # The route's pattern, not the raw path, so hostile URLs cannot explode label cardinality.
    info = request.match_info.route.resource
    return info.canonical if info is not None else "unmatched"


def error_body(status: int, message: str) -> dict[str, object]:
    return {"data": None, "status_code": status, "message": message}


def build_middlewares(verifier: TokenVerifier, metrics: Metrics) -> list[object]:
    @web.middleware
    async def observe(request: web.Request, handler: Handler) -> web.StreamResponse:
        started = time.perf_counter()
        status = 500
        try:
            response = await handler(request)
            status = response.status
            return response
        except web.HTTPException as exc:
            status = exc.status
            raise
        finally:
            endpoint = _endpoint_label(request)
            metrics.api_requests.labels(request.method, endpoint, str(status)).inc()
            metrics.api_request_duration.labels(request.method, endpoint).observe(
                time.perf_counter() - started
            )

    @web.middleware
    async def authenticate(request: web.Request, handler: Handler) -> web.StreamResponse:
        if _is_public(request.path):
            return await handler(request)
        try:
            request[PRINCIPAL_KEY] = verifier.verify_header(request.headers.get("Authorization"))
        except AuthError as exc:
            metrics.auth_failures.labels(exc.reason).inc()
            return web.json_response(
                error_body(401, exc.detail),
                status=401,
                headers={"WWW-Authenticate": 'Bearer realm="log-analysis"'},
            )
        return await handler(request)

    @web.middleware
    async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            return await handler(request)
        except web.HTTPException as exc:
            if exc.status < 400:
                raise
            return web.json_response(error_body(exc.status, exc.reason), status=exc.status)
        except Exception:
            log.exception("unhandled error serving %s %s", request.method, request.path)
            return web.json_response(error_body(500, "internal server error"), status=500)

    return [observe, authenticate, json_errors]
