"""Windows the HTTP API reads live from the worker that owns a service: the ones still open,
and the last few closed ones, which may not have reached PostgreSQL yet (their summaries travel
through the insights topic). Joined with the stored windows by start time, they leave no gap and
no double. Pure."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pipeline.analysis.events import WindowReport
from pipeline.analysis.windows import WindowAccumulator

# Closed windows kept per service: enough to cover the insights topic's usual delay.
RECENT_WINDOWS = 8
# Templates kept per recent window: the API shows the top few.
LIVE_TEMPLATES = 20


@dataclass(frozen=True, slots=True)
class LiveWindow:
    start: float
    end: float
    volume: int
    errors: int
    template_counts: tuple[tuple[str, int], ...]
    closed: bool
    score: float | None = None
    anomalies: tuple[str, ...] = ()


def _top(
    counts: Iterable[tuple[str, int]], limit: int = LIVE_TEMPLATES
) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts, key=lambda item: -item[1])[:limit])


def from_report(report: WindowReport) -> LiveWindow:
    return LiveWindow(
        report.window_start,
        report.window_end,
        report.volume,
        report.errors,
        _top(report.template_counts),
        closed=True,
        score=report.score,
        anomalies=tuple(a.kind for a in report.anomalies),
    )


def from_accumulator(acc: WindowAccumulator, window_seconds: int) -> LiveWindow:
    start = float(acc.index * window_seconds)
    return LiveWindow(
        start,
        start + window_seconds,
        acc.count,
        acc.errors,
        _top(acc.template_counts.items()),
        closed=False,
    )


class RecentWindows:
    """The last ``RECENT_WINDOWS`` closed windows of each service of one engine."""

    def __init__(self, size: int = RECENT_WINDOWS) -> None:
        self._size = size
        self._windows: dict[str, deque[LiveWindow]] = {}

    def add(self, report: WindowReport) -> None:
        ring = self._windows.get(report.service_name)
        if ring is None:
            ring = self._windows[report.service_name] = deque(maxlen=self._size)
        ring.append(from_report(report))

    def __len__(self) -> int:
        return len(self._windows)

    def of(self, service: str) -> list[LiveWindow]:
        return list(self._windows.get(service, ()))

    def keep(self, services: Mapping[str, object]) -> None:
        """Forget services the engine no longer has (evicted)."""
        for service in [s for s in self._windows if s not in services]:
            del self._windows[service]
