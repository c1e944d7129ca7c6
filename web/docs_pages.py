"""API documentation pages (public): Swagger UI at /docs and ReDoc at /redoc.

Both render the OpenAPI document served at /openapi.json, with front-end assets that ship in the
package (web/static/docs, fetched by deploy/docs-assets.sh): no CDN and no network at run time.
The pages carry a Content-Security-Policy without inline or remote scripts, so neither a bundle
nor a description in the document can pull code from elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from pathlib import Path

import faust
from faust import web

from web import static_assets
from web.static_assets import PAGE_CACHE_CONTROL, Asset, file_names, register_assets

STATIC_DIR = Path(__file__).parent / "static" / "docs"
STATIC_PREFIX = "/static/docs/"
SPEC_URL = "/openapi.json"
TITLE = "log-analysis API"

# Every file of web/static/docs, fixed at import.
ASSET_NAMES = file_names(STATIC_DIR)

# ReDoc 2.x runs its search index in a Worker made from a blob: URL and styled-components injects
# <style> elements; Swagger UI and ReDoc draw icons from data: URLs. Nothing needs eval or an
# inline script (Swagger UI starts from swagger-init.js). ReDoc's "powered by" logo comes from
# its CDN: img-src refuses it and ReDoc hides the image.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'"
)


def load_assets(directory: Path = STATIC_DIR) -> dict[str, Asset]:
    """Every allowed file of ``directory``, read once."""
    return static_assets.load_assets(directory, ASSET_NAMES)


def _url(assets: Mapping[str, Asset], name: str) -> str:
    return escape(f"{STATIC_PREFIX}{name}?v={assets[name].version}")


def swagger_ui_page(assets: Mapping[str, Asset]) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(TITLE)}: Swagger UI</title>
<link rel="stylesheet" href="{_url(assets, "swagger-ui.css")}">
<link rel="icon" type="image/png" sizes="32x32" href="{_url(assets, "favicon-32x32.png")}">
<link rel="icon" type="image/png" sizes="16x16" href="{_url(assets, "favicon-16x16.png")}">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{_url(assets, "swagger-ui-bundle.js")}"></script>
<script src="{_url(assets, "swagger-init.js")}"></script>
</body>
</html>
"""


def redoc_page(assets: Mapping[str, Asset]) -> str:
    # The bundle renders into the <redoc> element it finds when it runs: it comes after it.
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(TITLE)}: ReDoc</title>
</head>
<body style="margin: 0">
<redoc spec-url="{escape(SPEC_URL)}"></redoc>
<script src="{_url(assets, "redoc.standalone.js")}"></script>
</body>
</html>
"""


PAGE_HEADERS = {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": PAGE_CACHE_CONTROL,
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
}


def register_docs_views(app: faust.App) -> None:
    """Serve /docs, /redoc and /static/docs/{name}; reads the assets now, once."""
    assets = load_assets()
    swagger_ui = swagger_ui_page(assets).encode()
    redoc = redoc_page(assets).encode()

    @app.page("/docs", name="docs_swagger_ui")
    async def docs_swagger_ui(self: web.View, request: web.Request) -> web.Response:
        """Swagger UI for /openapi.json."""
        return self.bytes(swagger_ui, headers=dict(PAGE_HEADERS))

    @app.page("/redoc", name="docs_redoc")
    async def docs_redoc(self: web.View, request: web.Request) -> web.Response:
        """ReDoc for /openapi.json."""
        return self.bytes(redoc, headers=dict(PAGE_HEADERS))

    register_assets(app, STATIC_PREFIX, assets, "docs_static")
