"""Insights messages built from a real error burst, checked against the published schemas."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import jsonschema
import orjson
import pytest

from pipeline.insights.messages import ALERTS, RECOMMENDATIONS, from_report, new_pattern
from tests.unit.analysis.helpers import normal_mix, run

SCHEMAS = Path(__file__).resolve().parents[3] / "docs" / "schemas"


def schema(name: str) -> jsonschema.Validator:
    loaded = json.loads((SCHEMAS / f"{name}.schema.json").read_text())
    validator_class = jsonschema.validators.validator_for(loaded)
    validator_class.check_schema(loaded)
    return validator_class(loaded, format_checker=validator_class.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def burst_messages():
    burst = {m: [*normal_mix(200, m), ("badpw", "ERROR", 30)] for m in range(60, 66)}
    _, reports = run(range(80), override=burst)
    recommendations = [{"title": "check the password service", "templates": ["badpw"]}]
    messages = [m for report in reports for m in from_report(report, 60, recommendations)]
    return reports, messages


def test_every_message_matches_the_insights_topic_schema(burst_messages):
    _, burst_messages = burst_messages
    validator = schema("insights-topic")
    for message in burst_messages:
        decoded = orjson.loads(message.encode())
        validator.validate(decoded)
        assert decoded["id"] == message.id and message.key == b"api"


def test_one_incident_gives_open_then_resolved_alerts_with_its_explanation(burst_messages):
    _, burst_messages = burst_messages
    validator = schema("alert")
    alerts = [
        m.body["outbound"]["message"]
        for m in burst_messages
        if m.body["outbound"] and m.body["outbound"]["queue"] == ALERTS
    ]
    for alert in alerts:
        validator.validate(alert)
    error_alerts = [a for a in alerts if a["kind"] == "error_rate"]
    assert {a["alert_id"] for a in error_alerts} == {error_alerts[0]["alert_id"]}
    assert error_alerts[0]["status"] == "open"
    assert error_alerts[-1]["status"] == "resolved"
    opened = error_alerts[0]
    assert opened["actual"] > opened["expected"]
    assert opened["contributing_templates"][0]["template_id"] == "badpw"
    assert opened["incident_path"].endswith(opened["alert_id"])
    # Revisions are window indexes: increasing, and repeated by a redelivery.
    revisions = [a["revision"] for a in error_alerts]
    assert revisions == sorted(revisions) and len(set(revisions)) == len(revisions)


def test_recommendations_and_summaries_go_to_the_recommendation_queue(burst_messages):
    reports, burst_messages = burst_messages
    validator = schema("recommendation")
    outbound = [
        m.body["outbound"]["message"]
        for m in burst_messages
        if m.body["outbound"] and m.body["outbound"]["queue"] == RECOMMENDATIONS
    ]
    for message in outbound:
        validator.validate(message)
    types = Counter(message["type"] for message in outbound)
    assert types["window_summary"] == len(reports)
    assert types["recommendation"] >= 1
    recommendation = next(m for m in outbound if m["type"] == "recommendation")
    assert recommendation["recommendations"][0]["templates"] == ["badpw"]


def test_ids_are_natural_and_unique(burst_messages):
    _, burst_messages = burst_messages
    ids = [m.id for m in burst_messages]
    assert len(ids) == len(set(ids))
    # The same windows analysed again give the same ids: a replay is recognisable.
    burst = {m: [*normal_mix(200, m), ("badpw", "ERROR", 30)] for m in range(60, 66)}
    _, reports = run(range(80), override=burst)
    assert [m.id for r in reports for m in from_report(r, 60, [{"t": 1}])] == ids


def test_new_pattern_message():
    message = new_pattern("api", "t1", "disk <*> full", "ERROR", 1_767_225_600.0)
    schema("insights-topic").validate(orjson.loads(message.encode()))
    assert message.body["outbound"] is None
    assert message.id == "pattern:api:t1"
