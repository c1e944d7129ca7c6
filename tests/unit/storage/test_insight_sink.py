"""The parts of InsightSink that need no database: its queries and how a message becomes rows."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from storage.insight_sink import INCIDENT_ACTIONS, InvalidInsight, parse_insight
from storage.queries import load_queries

SQL_DIR = Path(__file__).resolve().parents[3] / "sql"
START = "2026-01-01T01:00:00Z"
END = "2026-01-01T01:01:00Z"


def message(kind: str, data: dict[str, Any], **changes: Any) -> dict[str, Any]:
    base = {
        "schema_version": 1,
        "id": f"{kind}:api:1",
        "type": kind,
        "service_name": "api",
        "window_start": START,
        "window_end": END,
        "data": data,
        "outbound": None,
    }
    return base | changes


def incident(action: str = "updated", revision: int = 7) -> dict[str, Any]:
    return message(
        "incident",
        {
            "action": action,
            "escalated": False,
            "incident_id": "inc-1",
            "service_name": "api",
            "kind": "error_rate",
            "started_at": "2026-01-01T00:55:00Z",
            "last_window_end": END,
            "windows": 3,
            "severity": "high",
            "peak_score": 0.8,
            "anomaly": None,
            "revision": revision,
        },
        id=f"incident:inc-1:{revision}:{action}",
    )


def test_the_insights_queries_parse():
    assert set(load_queries(SQL_DIR, "insights")) == {
        "insert_insights",
        "insert_window_stats",
        "insert_anomalies",
        "upsert_incidents",
    }


def test_a_window_summary_becomes_an_insight_and_window_stats():
    parsed = parse_insight(
        message("window_summary", {"volume": 10, "score": 1, "features": {"a": 0.5}})
    )
    start = datetime(2026, 1, 1, 1, 0, tzinfo=UTC)
    assert parsed.insight[:5] == ("window_summary:api:1", "window_summary", "api", start,
                                  datetime(2026, 1, 1, 1, 1, tzinfo=UTC))  # fmt: skip
    # A summary from before errors and template counts were kept stores 0 and {}.
    assert parsed.window == ("api", start, parsed.insight[4], 10, 1.0, '{"a":0.5}', "[]", 0, "{}")
    assert (parsed.anomaly, parsed.incident) == (None, None)


def test_a_window_summary_keeps_its_errors_and_template_counts():
    data = {"volume": 10, "score": 1, "features": {}, "errors": 2, "template_counts": {"t1": 8}}
    parsed = parse_insight(message("window_summary", data))
    assert parsed.window is not None and parsed.window[7:] == (2, '{"t1":8}')


@pytest.mark.parametrize(
    "extra", [{"errors": -1}, {"errors": "2"}, {"template_counts": {"t": "x"}},
              {"template_counts": ["t"]}, {"template_counts": {"t": True}}],
)  # fmt: skip
def test_a_window_summary_with_bad_counts_is_refused(extra):
    data = {"volume": 10, "score": 1, "features": {}} | extra
    with pytest.raises(InvalidInsight):
        parse_insight(message("window_summary", data))


def test_an_incident_event_carries_its_order_and_derived_times():
    parsed = parse_insight(incident("resolved"))
    assert parsed.incident is not None
    assert parsed.incident[3] == "resolved"  # status
    assert parsed.incident[11] == datetime(2026, 1, 1, 0, 56, tzinfo=UTC)  # opened_at
    assert parsed.incident[12] == datetime(2026, 1, 1, 1, 1, tzinfo=UTC)  # resolved_at
    assert parse_insight(incident("updated")).incident_order == (7, 1)
    orders = [parse_insight(incident(a)).incident_order for a in INCIDENT_ACTIONS]
    assert orders == sorted(orders)
    assert parse_insight(incident("opened", 8)).incident_order > parsed.incident_order


def test_unknown_types_need_only_an_envelope():
    parsed = parse_insight(message("forecast", {"anything": [1, 2]}))
    assert (parsed.window, parsed.anomaly, parsed.incident) == (None, None, None)


def test_times_in_other_zones_are_stored_in_utc():
    parsed = parse_insight(message("insight", {}, window_start="2026-01-01T02:00:00+01:00"))
    assert parsed.insight[3] == datetime(2026, 1, 1, 1, 0, tzinfo=UTC)
    assert parsed.insight[3].tzinfo is UTC


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (message("insight", {}, id=""), "id is not a non-empty string"),
        (message("insight", {}, window_end=None), "window_end is not an ISO-8601 time"),
        (message("insight", {}, window_end="2026-01-01T01:01:00"), "with a UTC offset"),
        (message("insight", {}) | {"data": []}, "data is not a JSON object"),
        (message("window_summary", {"volume": True, "score": 1}), "data.volume"),
        (message("window_summary", {"volume": 1, "score": float("nan")}), "data.score"),
        (message("window_summary", {"volume": 1, "score": 1, "anomalies": [1]}), "anomalies"),
        (message("anomaly", {"incident_id": "i", "kind": "k", "score": 1}), "data.reason"),
        (incident("reopened"), "data.action is not one of opened, updated, resolved"),
        (message("insight", {"n": 2**70}), "not storable as JSON"),
    ],
)
def test_invalid_messages_are_refused_with_a_reason(bad, reason):
    with pytest.raises(InvalidInsight, match=reason):
        parse_insight(bad)
