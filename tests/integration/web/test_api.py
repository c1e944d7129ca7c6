"""The HTTP API against a running worker, on data that went through the stream: each endpoint
and filter, summaries that agree with the stored rows, live windows joined with stored ones,
and every filter served by an index."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime
from typing import Any

import asyncpg
import pytest

from tests.integration.conftest import BASE

from .conftest import BURST, Served

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

# -- auth and envelope ---------------------------------------------------------------------


def test_every_api_endpoint_needs_a_token(served: Served) -> None:
    for path in ("/api/v1/logs", "/api/v1/logs/summary", "/api/v1/services",
                 "/api/v1/patterns", "/api/v1/anomalies", "/api/v1/logs/x",
                 "/api/v1/services/checkout/series"):  # fmt: skip
        status, body = served.get(path, token=None)
        assert status == 401 and body["status_code"] == 401 and body["data"] is None


def test_bad_parameters_are_422_with_the_field(served: Served) -> None:
    status, body = served.get("/api/v1/logs", page_size=501)
    assert status == 422 and body["details"][0]["field"] == "page_size"
    status, body = served.get("/api/v1/logs", q="x", range="6h")
    assert status == 422 and body["details"] == [
        {"field": "q", "reason": "past 1 h, a search needs a service_name"}
    ]
    status, body = served.get("/api/v1/anomalies", severity="apocalyptic")
    assert status == 422 and body["details"][0]["field"] == "severity"


def test_root_health_and_readiness_use_the_envelope(served: Served) -> None:
    data = served.ok("/", token=None)
    assert data["links"]["docs"] == "/docs"
    ready = served.ok("/health/ready", token=None)
    assert ready["checks"] == {"postgresql": "ok", "kafka": "ok", "rabbitmq": "ok", "state": "ok"}


# -- logs ----------------------------------------------------------------------------------


def test_the_seeds_example_request(served: Served) -> None:
    data = served.ok(
        "/api/v1/logs", service_name="checkout", log_level="ERROR", page=1, page_size=50,
        **served.span(),
    )  # fmt: skip
    errors = [i for i in served.items if i["service"] == "checkout" and i["level"] == "ERROR"]
    assert data["total"] == len(errors) and not data["total_is_estimate"]
    assert len(data["items"]) == 50
    assert {i["log_level"] for i in data["items"]} == {"ERROR"}
    stamps = [i["timestamp"] for i in data["items"]]
    assert stamps == sorted(stamps, reverse=True)


def test_cursor_pages_walk_every_log_once_and_match_numbered_pages(served: Served) -> None:
    params = {"service_name": "inventory", "page_size": 120, **served.span()}
    seen: list[str] = []
    data = served.ok("/api/v1/logs", **params)
    second = None
    while True:
        seen += [i["event_id"] for i in data["items"]]
        if data["next"] is None:
            break
        data = served.ok("/api/v1/logs", cursor=data["next"], **params)
        second = second or data
    (expected,) = served.rows("SELECT count(*) FROM logs WHERE service_name = 'inventory'")
    assert len(seen) == len(set(seen)) == expected[0] == 300
    assert second is not None
    numbered = served.ok("/api/v1/logs", page=2, **params)
    assert [i["event_id"] for i in numbered["items"]] == [i["event_id"] for i in second["items"]]


def test_levels_search_and_one_log_by_id(served: Served) -> None:
    data = served.ok(
        "/api/v1/logs", service_name="inventory", log_level=["warning", "ERROR"], page_size=500,
        **served.span(),
    )  # fmt: skip
    assert data["total"] == 120 and {i["log_level"] for i in data["items"]} == {"WARNING", "ERROR"}
    found = served.ok(
        "/api/v1/logs", q="widget-unique", service_name="inventory", range="24h", page_size=500
    )
    assert found["total"] == 30
    assert all("Widget-Unique-Token" in i["message"] for i in found["items"])
    # % and _ are literal in a search.
    assert served.ok("/api/v1/logs", q="%", service_name="inventory", range="24h")["total"] == 0
    one = found["items"][0]
    assert served.ok(f"/api/v1/logs/{one['event_id']}") == one
    status, body = served.get("/api/v1/logs/no-such-id")
    assert status == 404 and body["status_code"] == 404


def test_a_template_filter_gives_the_lines_of_that_template(served: Served) -> None:
    (row,) = served.rows(
        "SELECT template_id, count(*) AS n FROM logs WHERE service_name = 'checkout' "
        "AND message LIKE 'payment provider%' GROUP BY template_id"
    )
    data = served.ok("/api/v1/logs", template_id=row["template_id"], page_size=5, **served.span())
    assert data["total"] == row["n"]
    assert all(i["message"].startswith("payment provider") for i in data["items"])


def test_a_template_filter_follows_the_miners_merges(served: Served) -> None:
    (row,) = served.rows(
        "SELECT template_id, count(*) AS n FROM logs WHERE service_name = 'checkout' "
        "AND message LIKE 'payment provider%' GROUP BY template_id"
    )
    # An id the miner merged into this template (as the miner records a merge).
    served.execute(
        "INSERT INTO templates (service_name, template_id, template, first_seen, last_seen,"
        " superseded_by) VALUES ('checkout', 'merged-away-1', 'payment provider <*>', now(),"
        " now(), $1)",
        row["template_id"],
    )
    for asked in ("merged-away-1", row["template_id"]):
        data = served.ok("/api/v1/logs", template_id=asked, page_size=1, **served.span())
        assert data["total"] == row["n"], asked


# -- summary, services, windows ------------------------------------------------------------


def test_the_summary_agrees_with_the_stored_rows(served: Served) -> None:
    data = served.ok("/api/v1/logs/summary", service_name="checkout", **served.span())
    checkout_items = [i for i in served.items if i["service"] == "checkout"]
    errors = sum(1 for i in checkout_items if i["level"] == "ERROR")
    assert data["service"] == "checkout"
    assert data["total_logs"] == len(checkout_items)
    assert data["error_rate"] == round(100 * errors / len(checkout_items), 2)
    assert any("payment provider timed out" in text for text in data["common_errors"])
    assert data["anomalies_detected"] >= 1
    assert data["recommendations"]
    status, _body = served.get("/api/v1/logs/summary", service_name="nobody")
    assert status == 404


def test_the_summary_of_every_service(served: Served) -> None:
    data = served.ok("/api/v1/logs/summary", **served.span())
    assert data["service"] is None and data["total_logs"] == len(served.items)


def test_services_have_their_last_window_and_open_incidents(served: Served) -> None:
    data = served.ok("/api/v1/services")
    names = [s["service_name"] for s in data["items"]]
    assert names == ["checkout", "inventory"] and data["total"] == 2
    for service in data["items"]:
        assert service["last_window"]["volume"] >= 0
        assert isinstance(service["open_incidents"], list)
    first = served.ok("/api/v1/services", page_size=1)
    assert [s["service_name"] for s in first["items"]] == ["checkout"]
    rest = served.ok("/api/v1/services", page_size=1, cursor=first["next"])
    assert [s["service_name"] for s in rest["items"]] == ["inventory"] and rest["next"] is None


def test_windows_join_live_and_stored_without_a_gap_or_a_double(served: Served) -> None:
    data = served.ok("/api/v1/services/checkout/windows", page_size=500, **served.span())
    windows = data["items"]
    starts = [w["window_start"] for w in windows]
    assert starts == sorted(set(starts), reverse=True)
    stamps = [datetime.fromisoformat(s).timestamp() for s in starts]
    assert all(a - b == 60 for a, b in itertools.pairwise(stamps))
    assert sum(w["volume"] for w in windows) == sum(
        1 for i in served.items if i["service"] == "checkout"
    )
    burst = [w for w in windows if w["anomalies"]]
    assert burst and all(w["error_rate"] > 10 for w in burst[:1])
    assert any(t["template"] for w in windows for t in w["top_templates"])
    status, _ = served.get("/api/v1/services/nobody/windows")
    assert status == 404


def _seconds(text: str) -> float:
    return datetime.fromisoformat(text).timestamp()


def test_the_series_adds_up_to_the_windows(served: Served) -> None:
    windows = served.ok("/api/v1/services/checkout/windows", page_size=500, **served.span())
    data = served.ok("/api/v1/services/checkout/series", **served.span())
    items = data["items"]
    assert data["service_name"] == "checkout" and data["bucket_seconds"] % 60 == 0
    starts = [_seconds(i["bucket_start"]) for i in items]
    assert starts == sorted(set(starts)) and all(s % data["bucket_seconds"] == 0 for s in starts)
    checkout = [i for i in served.items if i["service"] == "checkout"]
    volume = sum(i["volume"] for i in items)
    assert volume == sum(w["volume"] for w in windows["items"]) == len(checkout)
    errors = sum(i["errors"] for i in items)
    assert errors == sum(w["errors"] for w in windows["items"])
    assert errors == sum(1 for i in checkout if i["level"] == "ERROR")
    assert sum(i["windows"] for i in items) == windows["total"]


def test_series_buckets_of_five_minutes_and_the_bursts_bucket(served: Served) -> None:
    data = served.ok("/api/v1/services/checkout/series", bucket="5m", **served.span())
    items = data["items"]
    assert data["bucket_seconds"] == 300
    for item in items:
        assert _seconds(item["bucket_end"]) - _seconds(item["bucket_start"]) == 300
        assert _seconds(item["bucket_start"]) % 300 == 0 and 1 <= item["windows"] <= 5
    assert sum(i["volume"] for i in items) == sum(
        1 for i in served.items if i["service"] == "checkout"
    )
    burst = (served.start + BURST.start * 60, served.start + BURST.stop * 60)
    during = [
        i for i in items
        if _seconds(i["bucket_start"]) < burst[1] and _seconds(i["bucket_end"]) > burst[0]
    ]  # fmt: skip
    assert during and max(i["anomalous_windows"] for i in during) >= 1
    # At worst one burst minute (15 errors) among four quiet ones: above 5 %.
    flagged = [i for i in during if i["anomalous_windows"]]
    assert all(i["anomaly_kinds"] and i["error_rate"] > 5 for i in flagged)


def test_series_refuses_too_many_buckets_and_unknown_services(served: Served) -> None:
    status, body = served.get("/api/v1/services/checkout/series", range="7d", bucket="1m")
    assert status == 422 and body["details"][0]["field"] == "bucket"
    assert "more than 2000" in body["details"][0]["reason"]
    status, body = served.get("/api/v1/services/checkout/series", bucket="3m")
    assert status == 422 and body["details"][0]["field"] == "bucket"
    status, body = served.get("/api/v1/services/checkout/series", page="1")
    assert status == 422 and body["details"] == [{"field": "page", "reason": "unknown parameter"}]
    status, body = served.get("/api/v1/services/nobody/series")
    assert status == 404 and body["data"] is None


# -- patterns and anomalies ----------------------------------------------------------------


def test_patterns_count_trend_and_example(served: Served) -> None:
    data = served.ok("/api/v1/patterns", service_name="checkout", **served.span())
    patterns = data["items"]
    assert sum(p["count"] for p in patterns) == sum(
        1 for i in served.items if i["service"] == "checkout"
    )
    timeout = next(p for p in patterns if "payment provider" in (p["template"] or ""))
    assert timeout["level"] == "ERROR" and timeout["new"] is True
    assert timeout["example"].startswith("payment provider timed out")
    assert sum(timeout["trend"]) == timeout["count"] and max(timeout["trend"]) >= 15


def test_anomalies_list_filter_and_detail(served: Served) -> None:
    data = served.ok("/api/v1/anomalies", service_name="checkout", **served.span())
    assert data["total"] >= 1
    incident = data["items"][0]
    assert incident["reason"] and incident["path"].endswith(incident["incident_id"])
    same = served.ok("/api/v1/anomalies", severity=incident["severity"], **served.span())
    assert incident["incident_id"] in [i["incident_id"] for i in same["items"]]
    detail = served.ok(incident["path"])
    assert detail["anomalies"] and detail["anomalies"][0]["reason"]
    # Its revisions, oldest first: opened (sent as an alert), and resolved if it is.
    revisions = detail["revisions"]
    assert revisions[0]["action"] == "opened" and revisions[0]["alerted"] is True
    assert [r["revision"] for r in revisions] == sorted(r["revision"] for r in revisions)
    if detail["status"] == "resolved":
        assert revisions[-1]["action"] == "resolved" and revisions[-1]["alerted"] is True
    assert detail["anomalies"][0]["contributing_templates"]
    status, _ = served.get("/api/v1/anomalies/nothing-here")
    assert status == 404


# -- plans ---------------------------------------------------------------------------------


def test_every_filter_is_served_by_an_index(served: Served) -> None:
    """With sequential scans priced out, a query that an index can serve uses it; one that
    none can still shows a Seq Scan."""
    from storage.queries import load_queries

    queries = load_queries(BASE.sql_dir, "api")
    now = datetime.now(UTC)
    start = datetime.fromtimestamp(served.start, UTC)
    cases: list[tuple[str, tuple[Any, ...]]] = [
        ("list_logs", (start, now, None, None, None, None, None, None, 50, 0)),
        ("list_logs", (start, now, "checkout", None, None, None, None, None, 50, 0)),
        ("list_logs", (start, now, "checkout", ["ERROR"], None, None, None, None, 50, 0)),
        ("list_logs", (start, now, None, None, ["t1"], None, None, None, 50, 0)),
        ("list_logs", (start, now, "checkout", None, None, "%x%", now, "id", 50, 0)),
        ("get_log", ("some-id",)),
        ("window_totals", ("checkout", start, now)),
        ("window_totals", (None, start, now)),
        ("template_totals", (None, start, now)),
        ("list_services", (None, 50, 0)),
        ("service_windows", ("checkout", start, now, None, 50, 0)),
        ("service_series", ("checkout", start, now, 300)),
        ("list_incidents", (None, start, now, None, None, None, None, 50, 0)),
        ("list_incidents", ("checkout", start, now, ["high"], "open", None, None, 50, 0)),
        ("get_incident", ("x",)),
        ("incident_anomalies", ("x",)),
        ("incident_revisions", ("x", "checkout", start, None)),
        ("template_family", ("t1", None)),
        ("template_family", ("t1", "checkout")),
    ]

    async def plans() -> list[tuple[str, str]]:
        connection = await asyncpg.connect(served.database_url)
        try:
            await connection.execute("SET enable_seqscan = off")
            await connection.execute("SET plan_cache_mode = force_custom_plan")
            found = []
            for name, args in cases:
                rows = await connection.fetch(f"EXPLAIN {queries[name]}", *args)
                found.append((name, "\n".join(r[0] for r in rows)))
            return found
        finally:
            await connection.close()

    for name, plan in asyncio.run(plans()):
        assert "Seq Scan" not in plan, f"{name}:\n{plan}"
