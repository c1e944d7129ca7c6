"""Liveness and readiness endpoints (public, no authentication).

Readiness runs one probe per dependency. An anonymous caller learns which dependency is down and
nothing more: host names, ports and database names from the error stay in the log.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import faust
from faust import web

from pipeline.errors import LogAnalysisError
from web.envelope import respond

log = logging.getLogger(__name__)

# A probe raises (or times out) when its dependency is unusable; its return value is ignored.
Probe = Callable[[], Awaitable[object]]
PROBE_TIMEOUT_SECONDS = 5.0


async def run_probes(probes: Mapping[str, Probe]) -> dict[str, str]:
    """Each probe's outcome, "ok" or "unavailable"; the failure's detail is logged."""

    async def outcome(name: str, probe: Probe) -> str:
        try:
            await asyncio.wait_for(probe(), timeout=PROBE_TIMEOUT_SECONDS)
        except TimeoutError:
            log.warning("readiness: %s did not answer within %.0fs", name, PROBE_TIMEOUT_SECONDS)
            return "unavailable"
        except (LogAnalysisError, OSError) as exc:
            log.warning("readiness: %s unavailable: %s", name, exc)
            return "unavailable"
        return "ok"

    names = list(probes)
    results = await asyncio.gather(*(outcome(name, probes[name]) for name in names))
    return dict(zip(names, results, strict=True))


def register_health_views(
    app: faust.App, service_name: str, version: str, probes: Mapping[str, Probe]
) -> None:
    started = time.monotonic()

    @app.page("/")
    async def root(self: web.View, request: web.Request) -> Any:
        """Name, version and where to go next."""
        return respond(
            {
                "name": service_name,
                "version": version,
                "links": {
                    "docs": "/docs",
                    "redoc": "/redoc",
                    "openapi": "/openapi.json",
                    "health": "/health/",
                    "ready": "/health/ready",
                    "metrics": "/metrics",
                    "api": "/api/v1/",
                },
            },
            "Log analysis service",
        )

    @app.page("/health/")
    async def health(self: web.View, request: web.Request) -> Any:
        """Liveness: the worker's event loop answers."""
        return respond(
            {
                "status": "ok",
                "service": service_name,
                "uptime_seconds": round(time.monotonic() - started, 3),
            },
            "alive",
        )

    @app.page("/health/ready")
    async def ready(self: web.View, request: web.Request) -> Any:
        """Readiness: every dependency answers within the time budget."""
        checks = await run_probes(probes)
        ok = all(value == "ok" for value in checks.values())
        down = [name for name, value in checks.items() if value != "ok"]
        return respond(
            {"status": "ok" if ok else "unavailable", "checks": checks},
            "ready" if ok else f"not ready: {', '.join(down)} unavailable",
            status=200 if ok else 503,
        )
