"""Packaged front-end files served by the worker (the API docs' and the live view's): an
allow-list fixed at import, each file read once, explicit content types, ``nosniff``, and a
year-long cache behind a ``?v=<sha256 prefix>`` the pages put in their references."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import faust
from aiohttp import web as aiohttp_web
from faust import web

# Explicit rather than the mimetypes module, whose answers depend on the host's /etc/mime.types:
# with nosniff a browser refuses a script served under another type.
CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".png": "image/png",
    ".txt": "text/plain; charset=utf-8",
}
DEFAULT_CONTENT_TYPE = "text/plain; charset=utf-8"  # SHA256SUMS; never executed under nosniff

# The pages put a hash of each asset in its URL, so an asset can be cached for a year and an
# upgrade still reaches every browser; the pages themselves are revalidated on each visit.
ASSET_CACHE_CONTROL = "public, max-age=31536000, immutable"
PAGE_CACHE_CONTROL = "no-cache"


@dataclass(frozen=True)
class Asset:
    body: bytes
    headers: Mapping[str, str]
    version: str  # a prefix of the content's sha256, for cache-busting URLs


def file_names(directory: Path, exclude: Iterable[str] = ()) -> frozenset[str]:
    """The files of ``directory`` (not hidden ones, not ``exclude``). Requests' names are
    looked up in this set and never joined to a path, so no spelling of "..", "/" or an
    absolute path reaches another file."""
    skipped = set(exclude)
    return frozenset(
        path.name
        for path in directory.iterdir()
        if path.is_file() and not path.name.startswith(".") and path.name not in skipped
    )


def load_assets(directory: Path, names: Iterable[str]) -> dict[str, Asset]:
    """The files ``names`` of ``directory``, read once, with their headers and versions."""
    assets = {}
    for name in sorted(names):
        body = (directory / name).read_bytes()
        headers = {
            "Content-Type": CONTENT_TYPES.get(Path(name).suffix, DEFAULT_CONTENT_TYPE),
            "Cache-Control": ASSET_CACHE_CONTROL,
            "X-Content-Type-Options": "nosniff",
        }
        assets[name] = Asset(body, headers, hashlib.sha256(body).hexdigest()[:12])
    return assets


def register_assets(
    app: faust.App, prefix: str, assets: Mapping[str, Asset], view_name: str
) -> None:
    """Serve ``prefix + name`` for each of ``assets``; 404 for any other name."""

    @app.page(prefix + "{name}", name=view_name)
    async def static(self: web.View, request: web.Request, name: str) -> web.Response:
        asset = assets.get(name)
        if asset is None:
            # aiohttp's own 404, the answer for a path no route matches: nothing to tell apart.
            raise aiohttp_web.HTTPNotFound()
        return self.bytes(asset.body, headers=dict(asset.headers))


FAVICON_PATH = "/favicon.ico"


def register_favicon(app: faust.App) -> None:
    """Answer a browser's own request for /favicon.ico with 204 (public), so opening /docs,
    /redoc, /metrics or /health/ in a browser neither logs a 401 nor counts an auth failure."""

    @app.page(FAVICON_PATH, name="favicon")
    async def favicon(self: web.View, request: web.Request) -> web.Response:
        return self.bytes(b"", status=204, headers={"Cache-Control": ASSET_CACHE_CONTROL})
