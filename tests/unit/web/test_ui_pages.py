"""/ui/ (the live view) and its packaged assets, on a minimal Faust app served in-process.

No browser here: these check what the worker serves (types, CSP, the allow-list) and, statically,
that the page's script renders data only as text."""

import asyncio
import hashlib
import re
import shutil
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
from web import ui_pages
from web.static_assets import Asset
from web.ui_pages import (
    CONTENT_SECURITY_POLICY,
    PAGE_FILE,
    STATIC_DIR,
    register_ui_views,
    versioned_page,
)

EXPECTED_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
EXPECTED_TYPES = {".js": "text/javascript", ".css": "text/css"}
# The only absolute URL in the sources: the SVG namespace, an identifier that is never fetched.
SVG_NAMESPACE = "http://www.w3.org/2000/svg"


@pytest.fixture
async def client() -> AsyncIterator[TestClient]:
    app = faust.App("ui-pages-test", autodiscover=False)
    register_ui_views(app)
    async with TestClient(TestServer(aiohttp_app(app))) as test_client:
        yield test_client


class _Page(HTMLParser):
    """What a page loads, and anything inline the CSP would refuse."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_scripts = 0
        self.inline_styles = 0
        self.handlers: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for attribute in ("src", "href", "action", "formaction"):
            url = values.get(attribute)
            if url and not url.startswith("#"):
                self.urls.append(url)
        self.handlers += [name for name in values if name.startswith("on")]
        if "style" in values or tag == "style":
            self.inline_styles += 1
        if tag == "script":
            self._in_script = True
            if "src" not in values:
                self.inline_scripts += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_scripts += 1


async def _page(client: TestClient) -> _Page:
    response = await client.get("/ui/")
    assert response.status == 200
    assert response.content_type == "text/html"
    assert response.charset == "utf-8"
    assert response.headers["Content-Security-Policy"] == EXPECTED_CSP
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-cache"
    page = _Page()
    page.feed(await response.text())
    return page


def _asset_urls(page: _Page) -> list[str]:
    # The favicon is an empty data: URL (img-src allows data:), so the browser asks for no
    # /favicon.ico, which sits behind authentication.
    return [url for url in page.urls if not url.startswith("data:")]


def test_the_policy_is_the_strict_one():
    assert CONTENT_SECURITY_POLICY == EXPECTED_CSP
    assert "unsafe" not in CONTENT_SECURITY_POLICY


async def test_ui_redirects_to_the_page(client):
    response = await client.get("/ui", allow_redirects=False)
    assert response.status == 302
    assert response.headers["Location"] == "/ui/"


async def test_the_page_loads_only_its_own_assets_and_nothing_inline(client):
    page = await _page(client)
    urls = _asset_urls(page)
    names = {url.split("?")[0] for url in urls}
    assert names == {"/static/ui/app.css", "/static/ui/app.js"}
    for url in page.urls:
        assert url.startswith(("/static/ui/", "data:")), url
    assert page.inline_scripts == 0
    assert page.inline_styles == 0
    assert page.handlers == []


async def test_every_referenced_asset_is_served_with_its_type_and_version(client):
    for url in _asset_urls(await _page(client)):
        response = await client.get(url)
        assert response.status == 200, url
        path, _, query = url.partition("?")
        name = path.rsplit("/", 1)[1]
        body = (STATIC_DIR / name).read_bytes()
        assert response.content_type == EXPECTED_TYPES[Path(name).suffix], url
        assert response.charset == "utf-8"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert await response.read() == body
        # The year-long cache is safe only because changed content gets a new URL.
        assert query == f"v={hashlib.sha256(body).hexdigest()[:12]}"


async def test_every_packaged_file_is_served_and_nothing_else(client):
    on_disk = {path.name for path in STATIC_DIR.iterdir() if path.is_file()}
    assert on_disk - {PAGE_FILE} == ui_pages.ASSET_NAMES
    for name in sorted(ui_pages.ASSET_NAMES):
        response = await client.get(f"/static/ui/{name}")
        assert response.status == 200, name
        assert response.content_type != "text/html"
    # The page's source is served at /ui/ only, with its references versioned.
    assert (await client.get(f"/static/ui/{PAGE_FILE}")).status == 404


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
        "/static/ui/..%2f..%2fui_pages.py",
        "/static/ui/..%2F..%2F..%2Fpyproject.toml",
        "/static/ui/%2e%2e%2f%2e%2e%2f%2e%2e%2fpyproject.toml",
        "/static/ui/%2e%2e/x",
        "/static/ui/app.js/../../../pyproject.toml",
        "/static/ui/../../pyproject.toml",
        "/static/ui/..%5c..%5cui_pages.py",
        "/static/ui/..%2fdocs%2fswagger-init.js",
        "/static/ui/%2fetc%2fpasswd",
        "/static/ui//etc/passwd",
        "/static/ui/app.js%00",
        "/static/ui/.",
        "/static/ui/",
        "/static/ui/index.html",
        "/static/ui/not-packaged.js",
        "/static/ui/ui_pages.py",
    ],
)
async def test_anything_outside_the_allow_list_is_not_found(client, target):
    assert await _raw_get(client, target) == 404


async def test_files_are_read_once_not_per_request(monkeypatch):
    app = faust.App("ui-pages-read-once", autodiscover=False)
    register_ui_views(app)

    def no_reading(self: Path, *args: object, **kwargs: object) -> bytes:
        raise AssertionError(f"read {self} while serving")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    monkeypatch.setattr(Path, "read_text", no_reading)
    async with TestClient(TestServer(aiohttp_app(app))) as client:
        assert (await client.get("/static/ui/app.js")).status == 200
        assert (await client.get("/ui/")).status == 200


async def test_the_page_is_public_and_the_api_is_not():
    app = create_app(dev_settings())
    async with TestClient(TestServer(aiohttp_app(app))) as client:
        assert (await client.get("/ui", allow_redirects=False)).status == 302
        # A browser's own request for the icon is answered, not refused and counted.
        assert (await client.get("/favicon.ico")).status == 204
        for path in ("/ui/", "/static/ui/app.js", "/static/ui/app.css"):
            response = await client.get(path)
            assert response.status == 200, path
            assert "X-Request-ID" in response.headers
        assert app.registry.get_sample_value("auth_failures_total", {"reason": "missing"}) is None
        assert (await client.get("/api/v1/services")).status == 401
        # Public prefix or not, a traversal reaches neither a file nor an authenticated view.
        assert await _raw_get(client, "/static/ui/../../router/") == 404
        assert await _raw_get(client, "/static/ui/..%2f..%2frouter/") == 404


def test_a_reference_to_a_missing_asset_fails_at_start():
    assets = {"app.js": Asset(b"", {}, "0123456789ab")}
    page = versioned_page('<script src="/static/ui/app.js"></script>', assets)
    assert page == '<script src="/static/ui/app.js?v=0123456789ab"></script>'
    with pytest.raises(ValueError, match=r"gone\.css"):
        versioned_page('<link rel="stylesheet" href="/static/ui/gone.css">', assets)


# ---------------------------------------------------------------- the sources, statically


def _sources() -> dict[str, str]:
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(STATIC_DIR.iterdir())
        if path.suffix in {".html", ".js", ".css"}
    }


def test_no_source_refers_to_another_origin():
    for name, text in _sources().items():
        found = set(re.findall(r"[a-z][a-z0-9+.-]*://[^\s\"'`)]*", text, re.IGNORECASE))
        assert found <= {SVG_NAMESPACE}, (name, found)
        # Protocol-relative URLs in attributes, CSS or strings.
        assert not re.search(r"""(["'`(]|url\()\s*//""", text), name
    css = _sources()["app.css"]
    assert "@import" not in css and "url(" not in css


# Every way of turning a string into markup or code. Data reaches the page as text nodes
# (createTextNode, textContent) and attributes set one by one, never parsed.
FORBIDDEN_IN_SCRIPT = {
    "innerHTML": r"\binnerHTML\b",
    "outerHTML": r"\bouterHTML\b",
    "insertAdjacentHTML": r"\binsertAdjacentHTML\b",
    "document.write": r"\bdocument\s*\.\s*write(ln)?\b",
    "createContextualFragment": r"\bcreateContextualFragment\b",
    "DOMParser": r"\bDOMParser\b",
    "srcdoc": r"\bsrcdoc\b",
    "eval": r"\beval\s*\(",
    "Function constructor": r"\bnew\s+Function\b",
    "string timers": r"\bset(Timeout|Interval)\s*\(\s*[\"'`]",
    "style attribute": r"setAttribute\(\s*[\"'`]style",
    "event-handler attribute": r"setAttribute\(\s*[\"'`]on",
}


def test_the_script_never_parses_data_as_markup():
    script = (STATIC_DIR / "app.js").read_text(encoding="utf-8")
    found = [name for name, pattern in FORBIDDEN_IN_SCRIPT.items() if re.search(pattern, script)]
    assert found == []
    # Sanity: the check reads the real script, which renders through text nodes.
    assert "createTextNode" in script and "textContent" in script


def test_the_script_talks_only_to_the_api():
    script = (STATIC_DIR / "app.js").read_text(encoding="utf-8")
    paths = set(re.findall(r"""[\"'`](/[a-z][^\"'`$]*)""", script))
    assert paths, "no API path found"
    assert all(path.startswith("/api/v1/") for path in paths), paths
    # The token goes out as a header only, never in a URL or to storage other than the tab's.
    assert "localStorage" not in script
    assert "Authorization: `Bearer ${token}`" in script


def test_the_script_is_valid_javascript():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    result = subprocess.run(
        [node, "--check", str(STATIC_DIR / "app.js")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_layout_has_a_narrow_screen_rule():
    css = (STATIC_DIR / "app.css").read_text(encoding="utf-8")
    assert re.search(r"@media\s*\(max-width:\s*\d+px\)", css)
    # The page scales to the device instead of laying out a desktop width.
    page = (STATIC_DIR / PAGE_FILE).read_text(encoding="utf-8")
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in page
