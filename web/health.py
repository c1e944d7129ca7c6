"""Liveness and readiness endpoints (public, no authentication)."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from faust import web

from storage.errors import StorageError
from storage.queries import load_queries

if TYPE_CHECKING:
    from pipeline.app import LogAnalysisApp


def register_health_views(app: LogAnalysisApp) -> None:
    started = time.monotonic()
    ping = load_queries(app.settings.sql_dir, "health")["ping"]

    @app.page("/health/")
    async def health(self: web.View, request: web.Request) -> web.Response:
        """Liveness: the worker's event loop answers."""
        return self.json(
            {
                "status": "ok",
                "service": app.settings.app_id,
                "uptime_seconds": round(time.monotonic() - started, 3),
            }
        )

    @app.page("/health/ready")
    async def ready(self: web.View, request: web.Request) -> web.Response:
        """Readiness: PostgreSQL answers a query within the time budget."""
        checks: dict[str, str] = {}
        try:
            await asyncio.wait_for(app.database.fetchval(ping), timeout=5.0)
            checks["database"] = "ok"
        except (StorageError, TimeoutError) as exc:
            checks["database"] = f"unavailable: {exc}"
        ok = all(value == "ok" for value in checks.values())
        return self.json(
            {"status": "ok" if ok else "unavailable", "checks": checks}, status=200 if ok else 503
        )
