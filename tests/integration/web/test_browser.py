"""The live view and the API docs in a real browser (Debian's Chromium through chromedriver,
installed by `deploy/browser.sh`), against the package's worker: data that went through the
stream, and the error burst the fixture sends as the incident.

Screenshots are kept under ``$TEST_ARTEFACTS_DIR/browser`` (default ``.artefacts/browser``), one
per view, and one of the page as it was whenever a test fails."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import pytest
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver import Chrome as WebDriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select, WebDriverWait

from pipeline.settings import load_settings
from web.auth import issue_token

from .conftest import Served

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]

CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver")
ROOT = Path(__file__).resolve().parents[3]
ARTEFACTS = Path(os.environ.get("TEST_ARTEFACTS_DIR", ROOT / ".artefacts")) / "browser"
LAPTOP = (1280, 900)
PHONE = (390, 844)
T = TypeVar("T")


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    for binary in (CHROMIUM, CHROMEDRIVER):
        # `make test` installs both (deploy/browser.sh); a missing one is a failure, not a skip.
        assert shutil.which(binary), f"{binary} missing: run deploy/browser.sh ensure"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", f"--window-size={LAPTOP[0]},{LAPTOP[1]}",
    ):  # fmt: skip
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def page(browser: WebDriver, served: Served, request: pytest.FixtureRequest) -> Iterator[WebDriver]:
    """A fresh tab state: the worker's origin, nothing in session storage, a laptop's width."""
    browser.set_window_size(*LAPTOP)
    # Storage is cleared from a page of the origin that runs no script: cleared under the live
    # view, requests it already started would still carry the previous test's token.
    browser.get(f"{served.base_url}/openapi.json")
    browser.execute_script("sessionStorage.clear()")
    browser.get(f"{served.base_url}/ui/")
    browser.get_log("browser")  # what earlier tests left in the console
    yield browser
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        browser.save_screenshot(str(ARTEFACTS / f"FAILED-{request.node.name}.png"))


def wait(driver: WebDriver, condition: Callable[[WebDriver], T | None], seconds: float = 30) -> T:
    try:
        found = WebDriverWait(driver, seconds, poll_frequency=0.2).until(condition)
        assert found is not None  # until() returns only a truthy answer
        return found
    except TimeoutException:
        text = driver.find_element(By.TAG_NAME, "body").text[:2000]
        raise AssertionError(f"timed out waiting; the page says:\n{text}") from None


def shown(css: str) -> Callable[[WebDriver], WebElement | None]:
    def find(driver: WebDriver) -> WebElement | None:
        found = [e for e in driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]
        return found[0] if found else None

    return find


def sign_in(driver: WebDriver, token: str) -> None:
    box = wait(driver, shown("#token-input"))
    box.send_keys(token)
    driver.find_element(By.CSS_SELECTOR, "#token-form button[type=submit]").click()


def live(driver: WebDriver) -> None:
    """Waits until the view has loaded the route's data (the status bar says Live)."""
    wait(driver, lambda d: d.find_element(By.ID, "status").text.startswith("Live") or None)


def card_of(driver: WebDriver, service: str) -> WebElement:
    def find(d: WebDriver) -> WebElement | None:
        for card in d.find_elements(By.CSS_SELECTOR, "article.card.service"):
            if card.find_element(By.TAG_NAME, "h2").text == service:
                return card
        return None

    return wait(driver, find)


def stat(card: WebElement, name: str) -> str:
    for row in card.find_elements(By.CSS_SELECTOR, ".stats > div"):
        if row.find_element(By.TAG_NAME, "dt").text == name:
            return str(row.find_element(By.TAG_NAME, "dd").text)
    raise AssertionError(f"no {name} in {card.text}")


def console_errors(driver: WebDriver) -> list[dict[str, Any]]:
    # A CSP refusal, a script error or a failed request shows as SEVERE.
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def shot(driver: WebDriver, name: str) -> None:
    path = ARTEFACTS / f"{name}.png"
    path.unlink(missing_ok=True)
    assert driver.save_screenshot(str(path)) and path.stat().st_size > 10_000, path


def count(text: str) -> int:
    return int(re.sub(r"[^\d]", "", text))


# -- tests ---------------------------------------------------------------------------------


def test_without_a_token_the_view_asks_for_one_and_fetches_nothing(page: WebDriver) -> None:
    message = wait(page, shown("#auth-message"))
    assert message.text == "Enter a bearer token to see the live view."
    assert page.find_element(By.ID, "status").text == "No token"
    assert not page.find_element(By.ID, "view").is_displayed()
    requests = page.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert not [url for url in requests if "/api/" in url]
    shot(page, "ui-no-token")
    assert console_errors(page) == []


def test_the_services_view_charts_what_went_through_the_stream(
    page: WebDriver, served: Served
) -> None:
    sign_in(page, served.token)
    Select(page.find_element(By.ID, "range")).select_by_value("6h")
    live(page)
    card = card_of(page, "checkout")
    checkout = [i for i in served.items if i["service"] == "checkout"]
    errors = sum(1 for i in checkout if i["level"] == "ERROR")
    assert count(stat(card, "Lines")) == len(checkout)
    assert count(stat(card, "Errors")) == errors
    assert count(stat(card, "Anomalous windows")) >= 1
    # Both charts have drawn data, and the burst's windows are shaded as anomalous.
    volume = card.find_element(By.CSS_SELECTOR, "svg.chart-bars")
    heights = [
        float(bar.get_attribute("height") or 0)
        for bar in volume.find_elements(By.CSS_SELECTOR, "rect.bar")
    ]
    # 80 minutes of data in 5-minute buckets (the smallest giving at most 120 over 6 h): 16
    # bars, 17 when the first minute is not on a 5-minute boundary.
    assert sum(1 for height in heights if height > 0) >= 16, heights
    assert volume.find_elements(By.CSS_SELECTOR, "rect.band-anomaly")
    rate = card.find_element(By.CSS_SELECTOR, "svg.chart-line")
    assert rate.find_elements(By.CSS_SELECTOR, "path.line")
    assert count(stat(card_of(page, "inventory"), "Lines")) == 300
    shot(page, "ui-services")
    assert console_errors(page) == []


def test_the_incident_view_explains_the_burst(page: WebDriver, served: Served) -> None:
    (incident,) = served.rows(
        "SELECT incident_id FROM incidents WHERE service_name = 'checkout' "
        "ORDER BY peak_score DESC LIMIT 1"
    )
    # Stored from a page without script, then the view opens straight on the incident.
    page.get(f"{served.base_url}/openapi.json")
    page.execute_script(
        "sessionStorage.setItem('log-analysis.ui.token', arguments[0])", served.token
    )
    page.get(f"{served.base_url}/ui/#/incident/{incident['incident_id']}")
    live(page)
    view = page.find_element(By.ID, "view")
    assert view.find_element(By.TAG_NAME, "h1").text.startswith("checkout: ")
    what = view.find_element(By.XPATH, ".//h2[text()='What happened']/..")
    assert what.find_element(By.CSS_SELECTOR, "p.reason").text != "No explanation recorded."
    labels = [e.text for e in what.find_elements(By.CSS_SELECTOR, ".compare-label")]
    assert labels == ["Expected", "Actual"]
    templates = view.find_element(By.XPATH, ".//h2[text()='Contributing templates']/..")
    assert "payment provider timed out" in templates.text
    assert view.find_elements(By.CSS_SELECTOR, "ol.timeline > li")
    # Its revisions: opened first, sent as an alert.
    revisions = view.find_elements(By.CSS_SELECTOR, "ol.revisions > li")
    assert revisions and "revision-opened" in (revisions[0].get_attribute("class") or "")
    assert "alert sent" in revisions[0].text
    recommendations = view.find_element(By.XPATH, ".//h2[text()='Recommendations']/..")
    assert recommendations.find_elements(By.CSS_SELECTOR, ".recommendations > li")
    shot(page, "ui-incident")
    assert console_errors(page) == []


def test_the_patterns_view_highlights_the_new_error_template(
    page: WebDriver, served: Served
) -> None:
    sign_in(page, served.token)
    Select(page.find_element(By.ID, "range")).select_by_value("6h")
    page.get(f"{served.base_url}/ui/#/patterns/checkout")
    live(page)
    new = page.find_elements(By.CSS_SELECTOR, "li.pattern.is-new")
    timeout = [p for p in new if "payment provider timed out" in p.text]
    assert timeout, [p.text for p in page.find_elements(By.CSS_SELECTOR, "li.pattern")]
    assert timeout[0].find_elements(By.CSS_SELECTOR, "svg.spark")
    shot(page, "ui-patterns")
    assert console_errors(page) == []


def test_the_view_refreshes_itself(page: WebDriver, served: Served) -> None:
    sign_in(page, served.token)
    live(page)
    first = page.find_element(By.ID, "status").text
    # Every 10 s while the tab is visible: the status line names the time of the last update.
    wait(
        page,
        lambda d: (
            ((t := d.find_element(By.ID, "status").text) != first and t.startswith("Live")) or None
        ),
        25,
    )
    card_of(page, "checkout")


def test_at_a_phones_width_nothing_runs_off_the_side(page: WebDriver, served: Served) -> None:
    page.set_window_size(*PHONE)
    sign_in(page, served.token)
    live(page)
    card_of(page, "checkout")
    width = page.execute_script("return document.documentElement.clientWidth")
    assert page.execute_script("return document.documentElement.scrollWidth") <= width
    shot(page, "ui-phone")


def test_an_expired_or_forged_token_is_refused_with_a_clear_message(
    page: WebDriver, served: Served
) -> None:
    settings = load_settings(served.env).jwt
    sign_in(page, issue_token(settings, "ui-test", ttl_seconds=-60))
    message = wait(page, shown("#auth-message.error"))
    assert message.text.startswith("The token has expired")
    # Signed with another key: the service refuses it, and the view says so.
    forged = issue_token(replace(settings, secret="another-secret-" + "x" * 32), "ui-test")
    sign_in(page, forged)
    wait(page, lambda d: "refused" in d.find_element(By.ID, "auth-message").text or None)
    assert page.find_element(By.ID, "status").text == "Token rejected"
    shot(page, "ui-token-refused")


def test_the_api_docs_render_every_endpoint(browser: WebDriver, served: Served) -> None:
    browser.set_window_size(*LAPTOP)
    browser.get_log("browser")
    browser.get(f"{served.base_url}/docs")
    wait(browser, shown(".swagger-ui .opblock"))
    paths = {e.text for e in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
    assert {"/api/v1/logs", "/api/v1/logs/summary", "/api/v1/anomalies/{incident_id}"} <= paths
    shot(browser, "docs-swagger")
    browser.get(f"{served.base_url}/redoc")
    wait(browser, lambda d: "/api/v1/logs/summary" in d.find_element(By.TAG_NAME, "body").text)
    shot(browser, "docs-redoc")
    # ReDoc's sidebar asks its CDN for a "powered by" logo; the page's policy refuses it (nothing
    # leaves for another origin), which Chromium reports. Anything else is a failure.
    errors = console_errors(browser)
    refused_logo = [
        e for e in errors
        if e["source"] == "security" and "https://cdn.redoc.ly/" in e["message"]
        and "img-src 'self' data:" in e["message"]
    ]  # fmt: skip
    assert [e for e in errors if e not in refused_logo] == []
