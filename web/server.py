"""The HTTP server under the views: Faust's aiohttp driver, with a time limit on idle clients.

Faust builds its ``AppRunner`` without options, so aiohttp's protocol default applies: a
connection that sends nothing, or stops halfway through its request line or headers, is held
for 3,630 s. A few thousand such clients (slowloris) would hold as many file descriptors for an
hour. Here the runner closes a connection once it has gone ``idle_timeout_seconds`` without a
complete request head, whether it never sent one or is idle between keep-alive requests.
A request body is bounded where one is read (``web.clients``: 408 after
``WEB_BODY_TIMEOUT_SECONDS``).
"""

from __future__ import annotations

from typing import Any

from aiohttp.web import AppRunner
from faust.types import AppT
from faust.web.drivers.aiohttp import Web as FaustWeb


class IdleLimitedWeb(FaustWeb):
    def __init__(self, app: AppT, *, idle_timeout_seconds: float, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        # Replaces the runner Faust made (nothing is set up on it yet: that happens at start).
        self._runner = AppRunner(
            self.web_app, access_log=None, keepalive_timeout=idle_timeout_seconds
        )
