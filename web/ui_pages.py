"""The live view (public page, data from the API): GET /ui/ and its assets under /static/ui/.

A page without a build step or a CDN: ``web/static/ui`` holds ``index.html``, ``app.js`` and
``app.css``, written by hand. The page asks for a bearer token itself and reads ``/api/v1`` with
it, so serving the page and its files needs none. Its Content-Security-Policy allows no inline
script or style and no other origin: the data it shows (log lines among them) is hostile input,
rendered with DOM text nodes only (``tests/unit/web/test_ui_pages.py`` checks ``app.js``).

Assets are served as ``web.docs_pages`` serves the documentation's: an allow-list fixed at
import, each file read once, explicit content types, ``nosniff``, and a year-long cache behind a
``?v=<sha256 prefix>`` that the page's references carry.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import faust
from aiohttp import web as aiohttp_web
from faust import web

from web.static_assets import (
    PAGE_CACHE_CONTROL,
    Asset,
    file_names,
    load_assets,
    register_assets,
)

STATIC_DIR = Path(__file__).parent / "static" / "ui"
STATIC_PREFIX = "/static/ui/"
PAGE_PATH = "/ui/"
# The page's source: served at /ui/ with its references versioned, never as an asset.
PAGE_FILE = "index.html"

# Every other file of web/static/ui, fixed at import (the page is served at /ui/ only).
ASSET_NAMES = file_names(STATIC_DIR, exclude=[PAGE_FILE])

# Nothing inline, nothing from elsewhere. img-src allows data: for the page's empty favicon
# (a browser would otherwise ask for /favicon.ico on every visit).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)

PAGE_HEADERS = {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": PAGE_CACHE_CONTROL,
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    # The URL's fragment names incidents and services; no other site needs to see it.
    "Referrer-Policy": "no-referrer",
}

# A reference to an asset in index.html: an attribute value that is exactly a /static/ui/ path.
_REFERENCE = re.compile(
    r'(?P<quote>["\'])' + re.escape(STATIC_PREFIX) + r"(?P<name>[^\"'?#]+)(?P=quote)"
)


def load_ui_assets(directory: Path = STATIC_DIR) -> dict[str, Asset]:
    """Every allowed file of ``directory``, read once, with its headers and version."""
    return load_assets(directory, ASSET_NAMES)


def versioned_page(source: str, assets: Mapping[str, Asset]) -> str:
    """``source`` with each /static/ui/ reference given its asset's ``?v=``; a reference to a
    file that is not packaged is an error now rather than a broken page later."""

    def version(match: re.Match[str]) -> str:
        name, quote = match["name"], match["quote"]
        if name not in assets:
            raise ValueError(f"{PAGE_FILE} refers to {name!r}, which is not in {STATIC_DIR}")
        return f"{quote}{STATIC_PREFIX}{name}?v={assets[name].version}{quote}"

    return _REFERENCE.sub(version, source)


def register_ui_views(app: faust.App) -> None:
    """Serve /ui (a redirect), /ui/ and /static/ui/{name}; reads the files now, once."""
    assets = load_ui_assets()
    page = versioned_page((STATIC_DIR / PAGE_FILE).read_text(encoding="utf-8"), assets).encode()

    @app.page("/ui", name="ui_redirect")
    async def ui_redirect(self: web.View, request: web.Request) -> web.Response:
        """The live view lives at /ui/ (its relative links and the routes' fragments)."""
        raise aiohttp_web.HTTPFound(PAGE_PATH)

    @app.page(PAGE_PATH, name="ui_page")
    async def ui_page(self: web.View, request: web.Request) -> web.Response:
        """The live view: services, incidents and patterns, refreshed from /api/v1."""
        return self.bytes(page, headers=dict(PAGE_HEADERS))

    register_assets(app, STATIC_PREFIX, assets, "ui_static")
