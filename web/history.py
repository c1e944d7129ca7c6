"""What the HTTP API computes from stored and live windows: alias folding, summaries, pattern
counts and trends, series buckets, and joining closed windows with live ones. Pure: the views
fetch, this shapes."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from pipeline.analysis import records
from pipeline.analysis.errors import error_rate_severity
from pipeline.insights.live import LiveWindow

Key = tuple[str, str]  # (service, template id)
# A trend has at most this many buckets: a window each when the range allows.
TREND_BUCKETS = 60
ERROR_LEVELS = frozenset({"ERROR", "CRITICAL"})


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    service: str
    template_id: str
    template: str
    level: str | None
    first_seen: datetime | None
    last_seen: datetime | None
    occurrences: int
    superseded_by: str | None


def final_ids(templates: Mapping[Key, TemplateInfo]) -> dict[Key, str]:
    """Each known template's id after every merge (``superseded_by`` followed to its end; a
    cycle, which the miner never makes, stops where it closes)."""
    found: dict[Key, str] = {}
    for key in templates:
        service, current = key
        seen = {current}
        info = templates.get((service, current))
        while info is not None and info.superseded_by and info.superseded_by not in seen:
            current = info.superseded_by
            seen.add(current)
            info = templates.get((service, current))
        found[key] = current
    return found


def fold(counts: Iterable[tuple[Key, int]], final: Mapping[Key, str]) -> dict[Key, int]:
    """Counts per template, a merged template's counted under the id it was merged into."""
    folded: dict[Key, int] = {}
    for key, lines in counts:
        target = (key[0], final.get(key, key[1]))
        folded[target] = folded.get(target, 0) + lines
    return folded


def unstored(
    live: Sequence[LiveWindow], newest_stored: float | None, start: float, end: float
) -> list[LiveWindow]:
    """Live windows the stored ones do not cover: starting after the newest stored window (the
    stream stores a service's windows in order) and within [start, end)."""
    return [
        w
        for w in live
        if start <= w.start < end and (newest_stored is None or w.start > newest_stored)
    ]


@dataclass
class SummaryParts:
    service: str | None
    lines: int
    errors: int
    # Lines per template (folded), and what is known of each template.
    template_lines: dict[Key, int]
    templates: Mapping[Key, TemplateInfo]
    anomalies: int
    recommendations: Sequence[Any]
    live: Sequence[LiveWindow] = field(default_factory=list)


def summary(parts: SummaryParts, top: int = 5) -> dict[str, Any]:
    """The seed's summary shape, plus the details behind each list."""
    lines = parts.lines + sum(w.volume for w in parts.live)
    errors = parts.errors + sum(w.errors for w in parts.live)
    rate = 100.0 * errors / lines if lines else 0.0
    errors_by_template = sorted(
        (
            (count, key)
            for key, count in parts.template_lines.items()
            if (info := parts.templates.get(key)) is not None and info.level in ERROR_LEVELS
        ),
        key=lambda item: (-item[0], item[1]),
    )[:top]
    common = []
    for count, key in errors_by_template:
        info = parts.templates[key]
        common.append(
            {
                "service_name": key[0],
                "template_id": key[1],
                "template": info.template,
                "count": count,
                "level": info.level,
            }
        )
    texts: list[str] = []
    details: list[dict[str, Any]] = []
    for item in parts.recommendations:
        if not isinstance(item, Mapping):
            continue
        text = item.get("recommendation")
        if isinstance(text, str) and text not in texts:
            texts.append(text)
            details.append(dict(item))
    return {
        "service": parts.service,
        "total_logs": lines,
        "error_rate": round(rate, 2),
        "severity": error_rate_severity(rate),
        "common_errors": [c["template"] for c in common],
        "common_error_details": common,
        "anomalies_detected": parts.anomalies,
        "recommendations": texts,
        "recommendation_details": details,
        "open_windows": sum(1 for w in parts.live if not w.closed),
    }


def bucket_seconds(start: float, end: float, window_seconds: int) -> int:
    """A trend's bucket: whole windows, few enough that a range has at most TREND_BUCKETS."""
    windows = math.ceil((end - start) / window_seconds / TREND_BUCKETS)
    return max(1, windows) * window_seconds


@dataclass
class PatternCounts:
    lines: int = 0
    trend: list[int] = field(default_factory=list)
    first_window: float = math.inf
    last_window: float = -math.inf


def pattern_counts(
    rows: Iterable[tuple[Key, float, int]],
    final: Mapping[Key, str],
    start: float,
    end: float,
    bucket: int,
) -> dict[Key, PatternCounts]:
    """Lines and a trend per (folded) template from (key, window start, lines) rows."""
    buckets = max(1, math.ceil((end - start) / bucket))
    found: dict[Key, PatternCounts] = {}
    for key, window_start, lines in rows:
        if not start <= window_start < end:
            continue
        target = (key[0], final.get(key, key[1]))
        counts = found.get(target)
        if counts is None:
            counts = found[target] = PatternCounts(trend=[0] * buckets)
        counts.lines += lines
        counts.trend[min(int((window_start - start) // bucket), buckets - 1)] += lines
        counts.first_window = min(counts.first_window, window_start)
        counts.last_window = max(counts.last_window, window_start)
    return found


@dataclass(slots=True)
class SeriesBucket:
    """What the windows starting in one bucket of a series add up to."""

    start: float
    windows: int = 0
    volume: int = 0
    errors: int = 0
    # None while the bucket holds only open windows (a window is scored when it closes).
    max_score: float | None = None
    anomalous_windows: int = 0
    anomaly_kinds: set[str] = field(default_factory=set)
    # Holds a window still open: its numbers will grow.
    open: bool = False

    def add(self, window: LiveWindow) -> None:
        self.windows += 1
        self.volume += window.volume
        self.errors += window.errors
        if window.score is not None and (self.max_score is None or window.score > self.max_score):
            self.max_score = window.score
        if window.anomalies:
            self.anomalous_windows += 1
            self.anomaly_kinds.update(window.anomalies)
        self.open = self.open or not window.closed


def series(
    stored: Iterable[SeriesBucket], live: Iterable[LiveWindow], bucket: int
) -> list[SeriesBucket]:
    """The stored buckets with the live (unstored) windows folded into theirs, oldest first.
    Buckets are aligned on the Unix epoch, as the stored ones are (``date_bin`` from 1970)."""
    found = {b.start: replace(b, anomaly_kinds=set(b.anomaly_kinds)) for b in stored}
    for window in live:
        start = float(window.start // bucket * bucket)
        target = found.get(start)
        if target is None:
            target = found[start] = SeriesBucket(start)
        target.add(window)
    return [found[start] for start in sorted(found)]


def series_item(found: SeriesBucket, bucket: int) -> dict[str, Any]:
    return {
        "bucket_start": iso(found.start),
        "bucket_end": iso(found.start + bucket),
        "windows": found.windows,
        "volume": found.volume,
        "errors": found.errors,
        "error_rate": rate_percent(found.errors, found.volume),
        "max_score": None if found.max_score is None else round(found.max_score, 4),
        "anomalous_windows": found.anomalous_windows,
        "anomaly_kinds": sorted(found.anomaly_kinds),
        "open": found.open,
    }


def live_rows(service: str, live: Iterable[LiveWindow]) -> list[tuple[Key, float, int]]:
    return [((service, tid), w.start, lines) for w in live for tid, lines in w.template_counts]


def window_row(window: LiveWindow, names: Mapping[str, str], service: str) -> dict[str, Any]:
    """A live window in the shape of a stored one."""
    return {
        "window_start": iso(window.start),
        "window_end": iso(window.end),
        "status": "closed" if window.closed else "open",
        "source": "live",
        "volume": window.volume,
        "errors": window.errors,
        "error_rate": rate_percent(window.errors, window.volume),
        "score": None if window.score is None else round(window.score, 4),
        "anomaly_kinds": list(window.anomalies),
        "anomalies": [],
        "top_templates": [
            {"template_id": tid, "template": names.get(tid), "count": lines}
            for tid, lines in window.template_counts[:5]
        ],
        "service_name": service,
    }


def rate_percent(errors: int, lines: int) -> float:
    return round(100.0 * errors / lines, 2) if lines else 0.0


def iso(ts: float | datetime) -> str:
    """A stored time or epoch seconds, as the rest of the service writes times (a datetime is
    written as it is: through a float, the last microsecond of 9999 would round past it)."""
    if isinstance(ts, datetime):
        return ts.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return records.iso(ts)
