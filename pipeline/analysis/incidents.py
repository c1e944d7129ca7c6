"""Incidents: consecutive anomalous windows of one (service, kind) become one incident with a
stable id, so a 15-minute burst is one alert that is updated, not fifteen."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Any

from pipeline.analysis.events import SEVERITIES, Anomaly, IncidentEvent


def incident_id(service: str, kind: str, first_window_start: float) -> str:
    """Stable id from service, kind and the first window: the same input replayed (offline or
    after a restart) names the same incident."""
    text = f"{service}\x1f{kind}\x1f{int(first_window_start)}"
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8)
    return "inc-" + digest.hexdigest()


@dataclass(slots=True)
class Incident:
    incident_id: str
    kind: str
    started_at: float
    last_index: int
    last_window_end: float
    windows: int
    severity: str
    peak_score: float
    # Window index at which it was resolved; None while open.
    resolved_index: int | None = None


class IncidentTracker:
    """Per-service incident state for every kind."""

    def __init__(self, service: str, resolve_after: int, cooldown: int) -> None:
        self.service = service
        self.resolve_after = resolve_after
        self.cooldown = cooldown
        self.incidents: dict[str, Incident] = {}
        self.opened = 0
        self.opened_by_kind: dict[str, int] = {}

    def step(
        self,
        index: int,
        window_start: float,
        window_end: float,
        anomalies: list[Anomaly],
        held: frozenset[str] = frozenset(),
    ) -> tuple[list[Anomaly], list[IncidentEvent]]:
        """Attach incident ids to this window's anomalies and emit lifecycle events. Open
        incidents of a ``held`` kind go on without an anomaly in this window (not resolved)."""
        events: list[IncidentEvent] = []
        stamped: list[Anomaly] = []
        fired = set()
        for anomaly in anomalies:
            fired.add(anomaly.kind)
            incident = self.incidents.get(anomaly.kind)
            action = "updated"
            if incident is None or (
                incident.resolved_index is not None
                and index - incident.resolved_index > self.cooldown
            ):
                incident = Incident(
                    incident_id(self.service, anomaly.kind, window_start),
                    anomaly.kind,
                    window_start,
                    index,
                    window_end,
                    0,
                    anomaly.severity,
                    anomaly.score,
                )
                self.incidents[anomaly.kind] = incident
                self.opened += 1
                self.opened_by_kind[anomaly.kind] = self.opened_by_kind.get(anomaly.kind, 0) + 1
                action = "opened"
            # Within the cooldown a resolved incident is reopened rather than duplicated.
            escalated = action == "updated" and incident.resolved_index is not None
            incident.resolved_index = None
            incident.last_index = index
            incident.last_window_end = window_end
            incident.windows += 1
            incident.peak_score = max(incident.peak_score, anomaly.score)
            if SEVERITIES.index(anomaly.severity) > SEVERITIES.index(incident.severity):
                incident.severity = anomaly.severity
                escalated = escalated or action == "updated"
            stamped_anomaly = replace(anomaly, incident_id=incident.incident_id)
            stamped.append(stamped_anomaly)
            events.append(self._event(action, incident, stamped_anomaly, escalated))
        for kind, incident in list(self.incidents.items()):
            if kind in fired:
                continue
            if kind in held and incident.resolved_index is None:
                incident.last_index = index
                continue
            if incident.resolved_index is None:
                if index - incident.last_index >= self.resolve_after:
                    incident.resolved_index = index
                    events.append(self._event("resolved", incident, None))
            elif index - incident.resolved_index > self.cooldown:
                del self.incidents[kind]
        return stamped, events

    def resolve_all(self, index: int) -> list[IncidentEvent]:
        """Close everything, e.g. when a service goes dormant."""
        events = []
        for incident in self.incidents.values():
            if incident.resolved_index is None:
                incident.resolved_index = index
                events.append(self._event("resolved", incident, None))
        return events

    def open_incidents(self) -> list[Incident]:
        return [i for i in self.incidents.values() if i.resolved_index is None]

    def _event(
        self,
        action: str,
        incident: Incident,
        anomaly: Anomaly | None,
        escalated: bool = False,
    ) -> IncidentEvent:
        return IncidentEvent(
            action,
            incident.incident_id,
            self.service,
            incident.kind,
            incident.started_at,
            incident.last_window_end,
            incident.windows,
            incident.severity,
            incident.peak_score,
            anomaly,
            escalated,
        )

    def state(self) -> dict[str, Any]:
        return {
            "opened": self.opened,
            "opened_by_kind": self.opened_by_kind,
            "incidents": {
                kind: [
                    i.incident_id,
                    i.started_at,
                    i.last_index,
                    i.last_window_end,
                    i.windows,
                    i.severity,
                    i.peak_score,
                    i.resolved_index,
                ]
                for kind, i in self.incidents.items()
            },
        }

    def load(self, state: dict[str, Any]) -> None:
        self.opened = int(state["opened"])
        self.opened_by_kind = {str(k): int(v) for k, v in state["opened_by_kind"].items()}
        self.incidents = {}
        for kind, v in state["incidents"].items():
            self.incidents[kind] = Incident(
                str(v[0]),
                kind,
                float(v[1]),
                int(v[2]),
                float(v[3]),
                int(v[4]),
                str(v[5]),
                float(v[6]),
                None if v[7] is None else int(v[7]),
            )
