"""What the core hands back when a window closes: anomalies, incident events and insights."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.analysis.records import iso

KINDS = ("volume_spike", "volume_drop", "error_rate", "new_error_pattern", "pattern_shift")
SEVERITIES = ("low", "medium", "high", "critical")


@dataclass(frozen=True, slots=True)
class TemplateRef:
    """A template that contributed to a finding, with one real message as an example."""

    template_id: str
    template: str
    count: int
    example: str
    level: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "template_id": self.template_id,
            "template": self.template,
            "count": self.count,
            "example": self.example,
            "level": self.level,
        }


@dataclass(frozen=True, slots=True)
class Anomaly:
    """One anomalous (service, window, kind)."""

    service_name: str
    window_start: float
    window_end: float
    kind: str
    score: float
    severity: str
    expected: float
    actual: float
    reason: str
    incident_id: str
    contributing_templates: tuple[TemplateRef, ...] = ()
    rule_evidence: float = 0.0
    model_score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "service_name": self.service_name,
            "window_start": iso(self.window_start),
            "window_end": iso(self.window_end),
            "kind": self.kind,
            "score": round(self.score, 4),
            "severity": self.severity,
            "expected": round(self.expected, 4),
            "actual": round(self.actual, 4),
            "contributing_templates": [t.to_dict() for t in self.contributing_templates],
            "reason": self.reason,
            "incident_id": self.incident_id,
            "rule_evidence": round(self.rule_evidence, 4),
            "model_score": round(self.model_score, 4),
        }


@dataclass(frozen=True, slots=True)
class IncidentEvent:
    """Lifecycle of an incident: ``opened`` once, ``updated`` per further anomalous window
    (severity may rise), ``resolved`` after enough normal windows. Alert on ``opened`` and on a
    severity rise; everything else is dedup."""

    action: str
    incident_id: str
    service_name: str
    kind: str
    started_at: float
    last_window_end: float
    windows: int
    severity: str
    peak_score: float
    anomaly: Anomaly | None = None
    # On ``updated``: the incident's severity rose in this window, or it came back within its
    # cooldown after a ``resolved``. Either is worth a new alert revision.
    escalated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "escalated": self.escalated,
            "incident_id": self.incident_id,
            "service_name": self.service_name,
            "kind": self.kind,
            "started_at": iso(self.started_at),
            "last_window_end": iso(self.last_window_end),
            "windows": self.windows,
            "severity": self.severity,
            "peak_score": round(self.peak_score, 4),
            "anomaly": None if self.anomaly is None else self.anomaly.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Insight:
    """A benign but noteworthy change, e.g. new INFO templates after a deploy."""

    service_name: str
    window_start: float
    window_end: float
    kind: str
    message: str
    templates: tuple[TemplateRef, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "service_name": self.service_name,
            "window_start": iso(self.window_start),
            "window_end": iso(self.window_end),
            "kind": self.kind,
            "message": self.message,
            "templates": [t.to_dict() for t in self.templates],
        }


@dataclass(frozen=True, slots=True)
class WindowReport:
    """Everything produced when one service's window closes."""

    service_name: str
    window_start: float
    window_end: float
    volume: int
    score: float
    features: dict[str, float]
    anomalies: tuple[Anomaly, ...] = ()
    incident_events: tuple[IncidentEvent, ...] = ()
    insights: tuple[Insight, ...] = ()
    # Raw model scores (hst, forest), for debugging and metrics.
    extra: dict[str, Any] = field(default_factory=dict)
    # ERROR and CRITICAL lines, and the lines of each template (the most frequent first, at
    # most ``AnalysisConfig.report_templates``): history for the HTTP API's summaries, patterns
    # and trends.
    errors: int = 0
    template_counts: tuple[tuple[str, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "service_name": self.service_name,
            "window_start": iso(self.window_start),
            "window_end": iso(self.window_end),
            "volume": self.volume,
            "score": round(self.score, 4),
            "features": {k: round(v, 6) for k, v in self.features.items()},
            "anomalies": [a.to_dict() for a in self.anomalies],
            "incident_events": [e.to_dict() for e in self.incident_events],
            "insights": [i.to_dict() for i in self.insights],
        }
