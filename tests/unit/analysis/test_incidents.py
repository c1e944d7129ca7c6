from __future__ import annotations

from pipeline.analysis.events import Anomaly
from pipeline.analysis.incidents import IncidentTracker, incident_id
from tests.unit.analysis.helpers import normal_mix, run


def anomaly(kind: str = "error_rate", score: float = 0.6, severity: str = "medium") -> Anomaly:
    return Anomaly("api", 0.0, 60.0, kind, score, severity, 1.0, 5.0, "why", "")


def test_consecutive_windows_are_one_incident_opened_updated_resolved() -> None:
    tracker = IncidentTracker("api", resolve_after=2, cooldown=5)
    actions = []
    escalations = []
    for index in range(15):
        fired = [anomaly(severity="high" if index == 3 else "medium")] if index < 10 else []
        stamped, events = tracker.step(index, index * 60.0, index * 60.0 + 60, fired)
        actions += [e.action for e in events]
        escalations += [index for e in events if e.escalated]
        if stamped:
            assert stamped[0].incident_id == incident_id("api", "error_rate", 0.0)
    assert actions == ["opened"] + ["updated"] * 9 + ["resolved"]
    # Severity rose once (window 3) and never falls: one escalation worth a new alert revision.
    assert escalations == [3]
    assert tracker.opened == 1
    assert tracker.incidents["error_rate"].severity == "high"
    assert tracker.incidents["error_rate"].windows == 10


def test_reopening_within_cooldown_keeps_the_incident() -> None:
    tracker = IncidentTracker("api", resolve_after=1, cooldown=5)
    tracker.step(0, 0.0, 60.0, [anomaly()])
    tracker.step(1, 60.0, 120.0, [])  # resolved
    _, events = tracker.step(3, 180.0, 240.0, [anomaly()])
    assert events[0].action == "updated" and tracker.opened == 1
    assert events[0].escalated  # back after a resolved alert: alert again
    tracker.step(4, 240.0, 300.0, [])
    _, events = tracker.step(20, 1200.0, 1260.0, [anomaly()])
    assert events[0].action == "opened" and tracker.opened == 2


def test_incident_id_is_stable() -> None:
    assert incident_id("a", "k", 60.0) == incident_id("a", "k", 60.0)
    assert incident_id("a", "k", 60.0) != incident_id("a", "k", 120.0)


def test_fifteen_minute_error_burst_is_one_alert() -> None:
    burst = {m: [*normal_mix(200, m), ("badpw", "ERROR", 40)] for m in range(60, 75)}
    engine, reports = run(range(90), override=burst)
    events = [e for r in reports for e in r.incident_events if e.kind == "error_rate"]
    assert [e.action for e in events].count("opened") == 1
    assert events[-1].action == "resolved"
    ids = {a.incident_id for r in reports for a in r.anomalies}
    assert len(ids) == 1
    summary = engine.summary("api")
    assert summary is not None and summary["anomalies_detected"] == 1


def test_reports_serialise_to_json() -> None:
    import orjson

    burst = {m: [*normal_mix(200, m), ("badpw", "ERROR", 40)] for m in range(60, 63)}
    _, reports = run(range(66), override=burst)
    for report in reports:
        data = orjson.loads(orjson.dumps(report.to_dict()))
        assert data["service_name"] == "api"
    opened = next(e for r in reports for e in r.incident_events if e.action == "opened")
    assert orjson.loads(orjson.dumps(opened.to_dict()))["anomaly"]["kind"] == "error_rate"
