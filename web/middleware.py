"""aiohttp middlewares for Faust's web server: request ids, security headers, authentication,
request metrics, JSON errors.

They wrap every route, including Faust's own blueprints, so a debugging view added by a Faust
upgrade is behind authentication by default rather than public by accident.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping, MutableMapping

from aiohttp import web

from pipeline.errors import AuthError
from pipeline.logging_setup import REQUEST_ID
from pipeline.metrics import Metrics

from .auth import Principal, TokenVerifier
from .envelope import fail

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# Exact paths (and prefixes ending in "/") anyone may read: liveness for orchestrators, metrics for
# Prometheus, and the API documentation.
PUBLIC_PATHS = frozenset(
    {
        "/",
        "/health/",
        "/health",
        "/health/ready",
        "/metrics",
        "/docs",
        "/redoc",
        "/openapi.json",
        # The live view's page asks for a token itself; its data comes from the API.
        "/ui",
        "/ui/",
        # OAuth 2.0 client credentials: a client without a token asks for one here.
        "/api/v1/auth/token",
        # Browsers ask for it on every page; answered empty (web/static_assets.py).
        "/favicon.ico",
    }
)
PUBLIC_PREFIXES = ("/static/docs/", "/static/ui/")

PRINCIPAL_KEY = web.RequestKey("principal", Principal)


def _is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


def _endpoint_label(request: web.Request) -> str:
    # The route's pattern, not the raw path, so hostile URLs cannot explode label cardinality.
    info = request.match_info.route.resource
    return info.canonical if info is not None else "unmatched"


REQUEST_ID_HEADER = "X-Request-ID"
# What a caller's id may look like: it is echoed in a header and written into every log line of
# the request, so nothing that could split a header or a log line, and nothing long.
_CALLER_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


def request_id_for(header: str | None) -> str:
    """The caller's id when it is acceptable (a proxy's or a client's, to follow one request
    across services), else a fresh one."""
    if header is not None and _CALLER_REQUEST_ID.fullmatch(header):
        return header
    return uuid.uuid4().hex


def _add(target: MutableMapping[str, str], headers: Mapping[str, str], replace: bool) -> None:
    for name, value in headers.items():
        if replace:
            target[name] = value
        else:
            target.setdefault(name, value)


async def _answer_with(
    request: web.Request, handler: Handler, headers: Mapping[str, str], *, replace: bool
) -> web.StreamResponse:
    """The handler's answer with ``headers`` added (replacing a view's own when ``replace``,
    else only where it set none), whether it returned a response or raised one."""
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        # Redirects and anything else raised past json_errors are responses too.
        _add(exc.headers, headers, replace)
        raise
    if not response.prepared:  # a streamed response has sent its headers already
        _add(response.headers, headers, replace)
    return response


@web.middleware
async def request_id(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Outermost: every response, 401s and errors included, says which request it answers,
    and every line logged while handling it carries the same id."""
    current = request_id_for(request.headers.get(REQUEST_ID_HEADER))
    token = REQUEST_ID.set(current)
    try:
        return await _answer_with(request, handler, {REQUEST_ID_HEADER: current}, replace=True)
    finally:
        # Keep-alive requests on one connection run in one task: the next must not inherit it.
        REQUEST_ID.reset(token)


# What every response carries unless its view chose otherwise. API answers hold hostile text
# (log lines): no browser may sniff one into HTML or script, frame one, or let one load anything.
# The pages (/ui/, /docs, /redoc) set policies of their own, which are kept.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
}


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Next to outermost: :data:`SECURITY_HEADERS` on every answer, 401s and errors included,
    where the view set none of its own."""
    return await _answer_with(request, handler, SECURITY_HEADERS, replace=False)


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
            return fail(
                401, exc.detail, headers={"WWW-Authenticate": 'Bearer realm="log-analysis"'}
            )
        return await handler(request)

    @web.middleware
    async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            return await handler(request)
        except web.HTTPException as exc:
            if exc.status < 400:
                raise
            return fail(exc.status, exc.reason)
        except Exception:
            log.exception("unhandled error serving %s %s", request.method, request.path)
            return fail(500, "internal server error")

    return [request_id, security_headers, observe, authenticate, json_errors]
