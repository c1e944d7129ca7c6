"""Insights-topic messages built from closed windows, and the outbound messages they carry.

Every message has a ``schema_version``, a natural ``id`` (the same finding always gets the same
id, so storage and consumers can drop a redelivery) and a ``type``:

- ``window_summary``: one per closed window of a service (volume, score, features);
- ``anomaly``: one per anomalous (window, kind), with its explanation;
- ``incident``: an incident event (opened, updated, resolved);
- ``recommendation``: what to look at, when an incident opens or escalates;
- ``new_pattern``: a template first seen at WARNING or above.

Messages meant for RabbitMQ carry ``outbound``: the logical queue (``alerts`` or
``recommendations``) and the exact message to publish, so the outbound bridge only forwards.
Alerts follow docs/anomaly.md: one when an incident opens, one when it escalates (severity rose,
or it came back within its cooldown), one when it resolves; ``alert_id`` is the incident id and
``revision`` the index of the window whose closing produced the alert, so a redelivery repeats
both. Schemas: ``docs/schemas/``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from pipeline.analysis.events import Anomaly, IncidentEvent, WindowReport
from pipeline.analysis.records import iso

SCHEMA_VERSION = 1
ALERTS = "alerts"
RECOMMENDATIONS = "recommendations"
_STATUS = {"opened": "open", "updated": "updated", "resolved": "resolved"}


@dataclass(frozen=True, slots=True)
class InsightMessage:
    id: str
    type: str
    service_name: str
    body: dict[str, Any]

    @property
    def key(self) -> bytes:
        """The service's Kafka key: its insights share a partition, in order."""
        return self.service_name.encode("utf-8")

    def encode(self) -> bytes:
        return orjson.dumps(self.body)


def incident_path(incident_id: str) -> str:
    return f"/api/v1/anomalies/{incident_id}"


def from_report(
    report: WindowReport,
    window_seconds: int,
    recommendations: Sequence[dict[str, Any]] = (),
) -> list[InsightMessage]:
    """The messages of one closed window; ``recommendations`` are the service's current ones
    (``engine.summary(service)["recommendation_details"]``), sent when an incident opens or
    escalates."""
    revision = int(report.window_start // window_seconds)
    service = report.service_name
    messages = [_summary(report)]
    messages.extend(_anomaly(anomaly) for anomaly in report.anomalies)
    alerted: list[IncidentEvent] = []
    for event in report.incident_events:
        messages.append(_incident(event, report, revision))
        if event.action == "opened" or event.escalated:
            alerted.append(event)
    for event in alerted:
        if recommendations:
            messages.append(_recommendation(event, report, revision, recommendations))
    for insight in report.insights:
        messages.append(
            _message(
                f"insight:{service}:{int(report.window_start)}:{insight.kind}",
                "insight",
                report,
                insight.to_dict(),
                outbound=(RECOMMENDATIONS, insight.to_dict()),
            )
        )
    return messages


def new_pattern(
    service: str, template_id: str, template: str, level: str, first_seen: float
) -> InsightMessage:
    data = {"template_id": template_id, "template": template, "level": level}
    return InsightMessage(
        f"pattern:{service}:{template_id}",
        "new_pattern",
        service,
        _envelope(f"pattern:{service}:{template_id}", "new_pattern", service, first_seen,
                  first_seen, data, None),
    )  # fmt: skip


def _summary(report: WindowReport) -> InsightMessage:
    data = {
        "volume": report.volume,
        "score": round(report.score, 4),
        "features": {name: round(value, 6) for name, value in report.features.items()},
        "anomalies": [anomaly.kind for anomaly in report.anomalies],
    }
    # The stored summary also keeps the window's errors and template counts (the HTTP API's
    # history); the queue's subscribers get the summary without them.
    stored = data | {
        "errors": report.errors,
        "template_counts": dict(report.template_counts),
    }
    return _message(
        f"summary:{report.service_name}:{int(report.window_start)}",
        "window_summary",
        report,
        stored,
        outbound=(RECOMMENDATIONS, _outbound_body("window_summary", report, data)),
    )


def _anomaly(anomaly: Anomaly) -> InsightMessage:
    key = f"anomaly:{anomaly.incident_id}:{int(anomaly.window_start)}:{anomaly.kind}"
    return InsightMessage(
        key,
        "anomaly",
        anomaly.service_name,
        _envelope(key, "anomaly", anomaly.service_name, anomaly.window_start,
                  anomaly.window_end, anomaly.to_dict(), None),
    )  # fmt: skip


def evicted_messages(
    service: str, index: int, window_seconds: int, events: Sequence[IncidentEvent]
) -> list[InsightMessage]:
    """The incidents of a service evicted from live state, resolved at its window ``index``:
    nothing will watch them any more, so nobody is left with an alert open for ever."""
    start = float(index * window_seconds)
    report = WindowReport(service, start, start + window_seconds, 0, 0.0, {}, (), tuple(events))
    reason = "resolved: the service left live state (least recently seen, at the services bound)"
    return [_incident(event, report, index, reason) for event in events]


def _incident(
    event: IncidentEvent, report: WindowReport, revision: int, reason: str | None = None
) -> InsightMessage:
    key = f"incident:{event.incident_id}:{revision}:{event.action}"
    data = event.to_dict() | {"revision": revision}
    alert = None
    if event.action in ("opened", "resolved") or event.escalated:
        alert = (ALERTS, alert_message(event, revision, reason))
    return _message(key, "incident", report, data, outbound=alert)


def alert_message(event: IncidentEvent, revision: int, reason: str | None = None) -> dict[str, Any]:
    """The message on ``alerts_queue`` (docs/schemas/alert.schema.json)."""
    anomaly = event.anomaly
    status = _STATUS[event.action]
    return {
        "schema_version": SCHEMA_VERSION,
        "alert_id": event.incident_id,
        "revision": revision,
        "status": status,
        "service_name": event.service_name,
        "kind": event.kind,
        "severity": event.severity,
        "window_start": iso(event.started_at),
        "window_end": iso(event.last_window_end),
        "windows": event.windows,
        "expected": None if anomaly is None else round(anomaly.expected, 4),
        "actual": None if anomaly is None else round(anomaly.actual, 4),
        "score": round(event.peak_score, 4),
        "contributing_templates": (
            [] if anomaly is None else [t.to_dict() for t in anomaly.contributing_templates]
        ),
        "reason": reason
        or (
            f"resolved: normal again after {event.windows} anomalous window(s)"
            if anomaly is None
            else anomaly.reason
        ),
        "incident_path": incident_path(event.incident_id),
    }


def _recommendation(
    event: IncidentEvent,
    report: WindowReport,
    revision: int,
    recommendations: Sequence[dict[str, Any]],
) -> InsightMessage:
    key = f"recommendation:{event.incident_id}:{revision}"
    data = {
        "incident_id": event.incident_id,
        "kind": event.kind,
        "severity": event.severity,
        "recommendations": list(recommendations),
        "incident_path": incident_path(event.incident_id),
    }
    body = _outbound_body("recommendation", report, data) | {"id": key}
    return _message(key, "recommendation", report, data, outbound=(RECOMMENDATIONS, body))


def _outbound_body(kind: str, report: WindowReport, data: dict[str, Any]) -> dict[str, Any]:
    """A message on ``recommendation_queue`` (docs/schemas/recommendation.schema.json)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "type": kind,
        "service_name": report.service_name,
        "window_start": iso(report.window_start),
        "window_end": iso(report.window_end),
        **data,
    }


def _message(
    key: str,
    kind: str,
    report: WindowReport,
    data: dict[str, Any],
    outbound: tuple[str, dict[str, Any]] | None,
) -> InsightMessage:
    return InsightMessage(
        key,
        kind,
        report.service_name,
        _envelope(key, kind, report.service_name, report.window_start, report.window_end,
                  data, outbound),
    )  # fmt: skip


def _envelope(
    key: str,
    kind: str,
    service: str,
    start: float,
    end: float,
    data: dict[str, Any],
    outbound: tuple[str, dict[str, Any]] | None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": key,
        "type": kind,
        "service_name": service,
        "window_start": iso(start),
        "window_end": iso(end),
        "data": data,
        "outbound": None,
    }
    if outbound is not None:
        queue, message = outbound
        if "id" not in message:
            message = {**message, "id": key}
        body["outbound"] = {"queue": queue, "message": message}
    return body
