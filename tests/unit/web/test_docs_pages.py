"""/docs, /redoc and their packaged assets, on a minimal Faust app served in-process."""

import asyncio
import hashlib
import subprocess
from collections.abc import AsyncIterator
from html.parser import HTMLParser
from pathlib import Path

import faust
import pytest
from aiohttp.test_utils import TestClient, TestServer

from pipeline.app import create_app
from tests.factories import dev_settings
from tests.unit.web.server import aiohttp_app
from web import docs_pages
from web.docs_pages import CONTENT_SECURITY_POLICY, STATIC_DIR, register_docs_views

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "deploy" / "docs-assets.sh"
# Ours, not vendored: not fetched by deploy/docs-assets.sh, so not in SHA256SUMS.
OWN_FILES = {"SHA256SUMS", "swagger-init.js"}
EXPECTED_TYPES = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".png": "image/png",
    ".txt": "text/plain",
}


@pytest.fixture
async def client() -> AsyncIterator[TestClient]:
    app = faust.App("docs-pages-test", autodiscover=False)
    register_docs_views(app)
    async with TestClient(TestServer(aiohttp_app(app))) as test_client:
        yield test_client


class _References(HTMLParser):
    """The URLs a page loads, and whether it has inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_scripts = 0
        self.spec_urls: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for attribute in ("src", "href"):
            if values.get(attribute):
                self.urls.append(values[attribute] or "")
        if tag == "script":
            self._in_script = True
            if "src" not in values:
                self.inline_scripts += 1
        if tag == "redoc":
            self.spec_urls.append(values.get("spec-url") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_scripts += 1


async def _page(client: TestClient, path: str) -> _References:
    response = await client.get(path)
    assert response.status == 200
    assert response.content_type == "text/html"
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    references = _References()
    references.feed(await response.text())
    return references


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
async def test_pages_load_only_local_assets_and_no_inline_script(client, path):
    references = await _page(client, path)
    assert references.urls
    for url in references.urls:
        assert url.startswith("/static/docs/"), url
        assert "http:" not in url and "https:" not in url and "//" not in url
    # The CSP has no 'unsafe-inline' for scripts: an inline one would not run.
    assert references.inline_scripts == 0


async def test_swagger_ui_starts_from_its_own_file_on_the_spec(client):
    references = await _page(client, "/docs")
    names = [url.split("?")[0].rsplit("/", 1)[1] for url in references.urls]
    assert {"swagger-ui-bundle.js", "swagger-ui.css", "swagger-init.js"} <= set(names)
    assert names.index("swagger-ui-bundle.js") < names.index("swagger-init.js")
    init = (STATIC_DIR / "swagger-init.js").read_text()
    assert 'url: "/openapi.json"' in init
    assert "validatorUrl: null" in init  # no badge fetched from validator.swagger.io


async def test_redoc_points_at_the_spec(client):
    references = await _page(client, "/redoc")
    assert references.spec_urls == ["/openapi.json"]
    assert [url.split("?")[0] for url in references.urls] == ["/static/docs/redoc.standalone.js"]


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
async def test_every_referenced_asset_is_served_with_its_type(client, path):
    for url in (await _page(client, path)).urls:
        response = await client.get(url)
        assert response.status == 200, url
        name = url.split("?")[0].rsplit("/", 1)[1]
        assert response.content_type == EXPECTED_TYPES[Path(name).suffix], url
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "max-age=31536000" in response.headers["Cache-Control"]
        assert await response.read() == (STATIC_DIR / name).read_bytes()


async def test_asset_urls_change_with_the_content(client):
    # The year-long cache is safe only because an upgraded file gets a new URL.
    references = await _page(client, "/docs")
    for url in references.urls:
        path, _, query = url.partition("?")
        digest = hashlib.sha256((STATIC_DIR / path.rsplit("/", 1)[1]).read_bytes()).hexdigest()
        assert query == f"v={digest[:12]}"


async def test_every_packaged_file_is_served_and_nothing_else(client):
    on_disk = {path.name for path in STATIC_DIR.iterdir() if path.is_file()}
    assert on_disk == docs_pages.ASSET_NAMES
    for name in sorted(on_disk):
        response = await client.get(f"/static/docs/{name}")
        assert response.status == 200, name
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        # Licences and SHA256SUMS are text; nothing is served as HTML.
        assert response.content_type != "text/html"


async def _raw_get(client: TestClient, target: str) -> int:
    """The status for ``target`` sent verbatim: an HTTP client would normalise "..", %2e."""
    reader, writer = await asyncio.open_connection(client.host, client.port)
    try:
        writer.write(f"GET {target} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        status_line = await reader.readline()
    finally:
        writer.close()
        await writer.wait_closed()
    return int(status_line.split()[1])


@pytest.mark.parametrize(
    "target",
    [
        "/static/docs/..%2f..%2fpyproject.toml",
        # These name real files (web/docs_pages.py, the repository's pyproject.toml).
        "/static/docs/..%2F..%2Fdocs_pages.py",
        "/static/docs/..%2f..%2f..%2fpyproject.toml",
        "/static/docs/%2e%2e%2f%2e%2e%2f%2e%2e%2fpyproject.toml",
        "/static/docs/%2e%2e/x",
        "/static/docs/SHA256SUMS/../../x",
        "/static/docs/../../pyproject.toml",
        "/static/docs/..%5c..%5cpyproject.toml",
        "/static/docs/%2fetc%2fpasswd",
        "/static/docs//etc/passwd",
        "/static/docs/swagger-init.js%00",
        "/static/docs/.",
        "/static/docs/",
        "/static/docs/not-packaged.js",
        "/static/docs/docs_pages.py",
    ],
)
async def test_anything_outside_the_allow_list_is_not_found(client, target):
    assert await _raw_get(client, target) == 404


async def test_assets_are_read_once_not_per_request(monkeypatch):
    app = faust.App("docs-pages-read-once", autodiscover=False)
    register_docs_views(app)

    def no_reading(self: Path) -> bytes:
        raise AssertionError(f"read {self} while serving")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    async with TestClient(TestServer(aiohttp_app(app))) as client:
        assert (await client.get("/static/docs/redoc.standalone.js")).status == 200
        assert (await client.get("/docs")).status == 200


async def test_pages_are_public_behind_the_service_middleware():
    app = create_app(dev_settings())
    if "/docs" not in app.web.views:  # until pipeline/app.py registers them itself
        register_docs_views(app)
    async with TestClient(TestServer(aiohttp_app(app))) as client:
        for path in ("/docs", "/redoc", "/static/docs/swagger-init.js"):
            assert (await client.get(path)).status == 200, path
        # Public prefix or not, a traversal reaches neither a file nor an authenticated view.
        assert await _raw_get(client, "/static/docs/../../router/") == 404
        assert await _raw_get(client, "/static/docs/..%2f..%2frouter/") == 404


def _listed_sums() -> dict[str, str]:
    sums = {}
    for line in (STATIC_DIR / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ", 1)
        sums[name] = digest
    return sums


def test_vendored_files_match_sha256sums():
    sums = _listed_sums()
    on_disk = {path.name for path in STATIC_DIR.iterdir() if path.is_file()}
    # Every vendored file is listed (nothing unvetted ships), and every listed file is there.
    assert set(sums) == on_disk - OWN_FILES
    for name, digest in sums.items():
        assert hashlib.sha256((STATIC_DIR / name).read_bytes()).hexdigest() == digest, name


def test_the_recipe_parses_and_its_offline_check_passes():
    subprocess.run(["bash", "-n", str(SCRIPT)], check=True, capture_output=True, timeout=30)
    result = subprocess.run(
        ["bash", str(SCRIPT), "verify"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
