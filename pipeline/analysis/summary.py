"""The per-service summary in the shape the web API serves (see the seed README), built from
the detector state alone."""

from __future__ import annotations

from typing import Any

from pipeline.analysis.detector import ServiceDetector
from pipeline.analysis.errors import error_rate_severity
from pipeline.analysis.recommendations import recommend
from pipeline.analysis.records import iso


def service_summary(detector: ServiceDetector, top: int = 5) -> dict[str, Any]:
    """Summary of everything the detector has seen (closed windows plus late records)."""
    stats = detector.stats
    names = detector.templates
    common = stats.common_errors(names, top)
    error_templates = [(tid, names.get(tid, entry[2])) for tid, entry in stats.templates.items()]
    recs = recommend(error_templates, detector.incidents.opened_by_kind)
    rate = stats.error_rate_percent()
    return {
        "service": detector.name,
        "total_logs": stats.total,
        "error_rate": round(rate, 2),
        "severity": error_rate_severity(rate),
        "common_errors": [c.template for c in common],
        "common_error_details": [c.to_dict() for c in common],
        "anomalies_detected": detector.incidents.opened,
        "anomalies_by_kind": dict(detector.incidents.opened_by_kind),
        "open_incidents": [i.incident_id for i in detector.incidents.open_incidents()],
        "recommendations": [r.text for r in recs],
        "recommendation_details": [r.to_dict() for r in recs],
        "late_logs": stats.late,
        "time_range": {
            "start": None if stats.first_ts is None else iso(stats.first_ts),
            "end": None if stats.last_ts is None else iso(stats.last_ts),
        },
    }
