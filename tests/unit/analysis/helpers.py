"""Factories for analysis tests: feed synthetic windows straight into the engine (no miner)."""

from __future__ import annotations

from typing import Any

from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.engine import AnalysisEngine
from pipeline.analysis.events import WindowReport
from pipeline.analysis.levels import LEVEL_CODES

# The fields issue 4 requires on every anomaly.
REQUIRED_ANOMALY_FIELDS = frozenset(
    {
        "service_name",
        "window_start",
        "window_end",
        "kind",
        "score",
        "severity",
        "expected",
        "actual",
        "contributing_templates",
        "reason",
        "incident_id",
    }
)

T0 = 1_767_225_600.0  # 2026-01-01T00:00:00Z, a window boundary

# A steady service: (template id, level, share of traffic).
NORMAL = [
    ("login", "INFO", 0.4),
    ("token", "INFO", 0.3),
    ("cache", "DEBUG", 0.2),
    ("slow", "WARNING", 0.08),
    ("badpw", "ERROR", 0.02),
]


def window(
    engine: AnalysisEngine, service: str, minute: int, mix: list[tuple[str, str, int]]
) -> list[WindowReport]:
    """Send one minute of records: ``mix`` is (template id, level, count)."""
    reports: list[WindowReport] = []
    lines = [(tid, level) for tid, level, count in mix for _ in range(count)]
    total = len(lines)
    for i, (tid, level) in enumerate(lines):
        ts = T0 + 60 * minute + 60.0 * (i + 0.5) / max(total, 1)
        observed = engine.observe_fields(
            service, ts, LEVEL_CODES[level], f"{tid} message {i}", tid, f"{tid} <*>"
        )
        reports.extend(observed.reports)
    return reports


def normal_mix(volume: int, minute: int = 0) -> list[tuple[str, str, int]]:
    # Small deterministic wiggle so baselines see some spread.
    wiggle = 1.0 + 0.05 * ((minute * 7) % 5 - 2) / 2
    return [(tid, level, round(volume * share * wiggle)) for tid, level, share in NORMAL]


def run(
    minutes: range,
    volume: int = 200,
    service: str = "api",
    engine: AnalysisEngine | None = None,
    override: dict[int, list[tuple[str, str, int]]] | None = None,
    config: AnalysisConfig | None = None,
) -> tuple[AnalysisEngine, list[WindowReport]]:
    """Run normal traffic over ``minutes``, replacing the mix of the minutes in ``override``."""
    engine = engine or AnalysisEngine(config or AnalysisConfig())
    reports: list[WindowReport] = []
    for minute in minutes:
        mix = (override or {}).get(minute, normal_mix(volume, minute))
        reports.extend(window(engine, service, minute, mix))
    return engine, reports


def kinds(reports: list[WindowReport]) -> dict[str, list[float]]:
    """kind -> window starts (minutes from T0) where it fired."""
    found: dict[str, list[float]] = {}
    for report in reports:
        for anomaly in report.anomalies:
            found.setdefault(anomaly.kind, []).append((anomaly.window_start - T0) / 60)
    return found


def strings(value: Any) -> list[str]:
    """Every string in a record's fields, dict keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in strings(k) + strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings(v)]
    return []
