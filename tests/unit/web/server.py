"""The aiohttp application behind a Faust app's web server, for in-process test clients."""

from __future__ import annotations

import faust
from aiohttp import web


def aiohttp_app(app: faust.App) -> web.Application:
    """Faust's web server with its blueprints and our views applied, not listening."""
    app.web.init_server()
    found: web.Application = app.web.web_app  # type: ignore[attr-defined]
    return found
