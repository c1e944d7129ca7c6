"""The engine driven by a partition clock: out-of-order arrival, old-log replays, producers with
clocks ahead, silent services and late records."""

from __future__ import annotations

import random
from typing import NamedTuple

import pytest

from pipeline.analysis.clock import PartitionClock
from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.engine import AnalysisEngine
from pipeline.analysis.events import WindowReport
from pipeline.analysis.levels import INFO, LEVEL_CODES
from tests.unit.analysis.helpers import T0, kinds, normal_mix

LATENESS = 10.0


class Arrival(NamedTuple):
    """One record as the stream hands it over: event time, receive time, and the wall clock
    at which the engine sees it."""

    ts: float
    received_at: float
    wall: float
    service: str
    template_id: str
    level: int


def records(
    service: str, minutes: range, volume: int, spike: range = range(0)
) -> list[tuple[float, str, str, int]]:
    """(event time, service, template id, level) of normal traffic, 3x volume in ``spike``."""
    out = []
    for minute in minutes:
        mix = normal_mix(volume * (3 if minute in spike else 1), minute)
        lines = [(tid, LEVEL_CODES[level]) for tid, level, count in mix for _ in range(count)]
        for i, (tid, level) in enumerate(lines):
            out.append((T0 + 60 * minute + 60.0 * (i + 0.5) / len(lines), service, tid, level))
    return out


class Feed:
    """An engine and its partition clock; ``use_mark=False`` drives the horizon by event time
    as offline ``analyze`` does."""

    def __init__(self, use_mark: bool = True, config: AnalysisConfig | None = None) -> None:
        self.engine = AnalysisEngine(config or AnalysisConfig(allowed_lateness_seconds=LATENESS))
        self.clock = PartitionClock()
        self.use_mark = use_mark
        self.reports: list[WindowReport] = []
        self.late: list[Arrival] = []

    def send(self, item: Arrival) -> bool:
        mark = self.clock.observe(item.ts, item.received_at, item.wall)
        observed = self.engine.observe_fields(
            item.service,
            item.ts,
            item.level,
            # One message per template: which line is a window's example depends on order.
            f"{item.template_id} message",
            item.template_id,
            f"{item.template_id} <*>",
            mark=mark if self.use_mark else None,
        )
        self.reports.extend(observed.reports)
        if observed.late:
            self.late.append(item)
        return observed.late

    def idle(self, wall: float) -> None:
        self.reports.extend(self.engine.tick(self.clock.now(wall)))

    def of(self, service: str) -> list[WindowReport]:
        return [r for r in self.reports if r.service_name == service]


def dicts(reports: list[WindowReport]) -> list[dict[str, object]]:
    return [r.to_dict() for r in sorted(reports, key=lambda r: (r.service_name, r.window_start))]


@pytest.mark.parametrize("use_mark", [True, False], ids=["mark", "event-time"])
def test_out_of_order_within_lateness_gives_the_same_reports(use_mark: bool) -> None:
    span = range(40)
    traffic = sorted(
        records("api", span, 200, spike=range(30, 33))
        + records("db", span, 60)
        + records("web", span, 120, spike=range(34, 36))
    )
    rng = random.Random(5)
    # Each record reaches the bridge up to 8 s after it happened (the lateness is 10 s).
    delayed = [(ts + rng.uniform(0.0, 8.0), ts, svc, tid, lvl) for ts, svc, tid, lvl in traffic]
    shuffled = [Arrival(ts, at, at, svc, tid, lvl) for at, ts, svc, tid, lvl in sorted(delayed)]
    in_order = [Arrival(ts, ts, ts, svc, tid, lvl) for ts, svc, tid, lvl in traffic]
    assert [a.ts for a in shuffled] != [a.ts for a in in_order]

    results = []
    for arrivals in (in_order, shuffled):
        feed = Feed(use_mark)
        for item in arrivals:
            feed.send(item)
        feed.reports.extend(feed.engine.flush())
        assert feed.late == []
        results.append(dicts(feed.reports))
    assert len(results[0]) == 3 * len(span)
    assert any(r["anomalies"] for r in results[0])  # the spikes are in the comparison
    assert results[0] == results[1]


def test_sender_pushing_hours_old_logs_gets_every_window_scored() -> None:
    now = T0 + 4 * 3600
    traffic = records("batch", range(60), 200)  # an hour of logs from four hours ago

    def replay(tick_on_wall_clock: bool) -> Feed:
        feed = Feed()
        wall = now
        for i, (ts, svc, tid, lvl) in enumerate(traffic):
            wall = now + i / 2000  # at full speed: 2000 records a wall second
            feed.send(Arrival(ts, wall, wall, svc, tid, lvl))
            if i % 2000 == 1999:  # the timer fires every wall second
                current = wall if tick_on_wall_clock else feed.clock.now(wall)
                feed.reports.extend(feed.engine.tick(current))
        feed.idle(wall + 70)  # then the sender stops
        return feed

    feed = replay(tick_on_wall_clock=False)
    assert feed.late == [] and feed.engine.late == 0
    reports = feed.of("batch")
    assert [(r.window_start - T0) / 60 for r in reports] == list(range(60))
    assert sum(r.volume for r in reports) == len(traffic)
    # Ticking with the wall clock itself makes everything after the first tick late.
    assert len(replay(tick_on_wall_clock=True).late) == len(traffic) - 2000


def test_producer_clock_ahead_makes_no_other_service_late() -> None:
    def run(use_mark: bool) -> Feed:
        feed = Feed(use_mark)
        for second in range(600):
            at = T0 + second
            feed.send(Arrival(at + 240, at, at, "ahead", "t", INFO))
            feed.send(Arrival(at + 0.5, at + 0.5, at + 0.5, "other", "t", INFO))
        return feed

    feed = run(use_mark=True)
    assert feed.late == []
    # The future windows of "ahead" are open until the mark reaches them ...
    assert max(r.window_start for r in feed.of("ahead")) == T0 + 60 * 8
    feed.idle(T0 + 600 + 300)
    # ... and then close with everything counted.
    assert [(r.window_start - T0) / 60 for r in feed.of("ahead")] == list(range(4, 14))
    assert [r.volume for r in feed.of("ahead")] == [60] * 10
    assert [r.volume for r in feed.of("other")][:10] == [60] * 10
    # With the horizon on the newest event time, every record of "other" is late.
    assert {a.service for a in run(use_mark=False).late} == {"other"}
    assert len(run(use_mark=False).late) == 600


def test_silent_service_closes_its_windows_on_the_idle_clock() -> None:
    feed = Feed(config=AnalysisConfig())
    for ts, svc, tid, lvl in records("api", range(60), 200):
        feed.send(Arrival(ts, ts + 1.0, ts + 1.0, svc, tid, lvl))
    last_wall = feed.clock.advanced_at
    assert last_wall is not None
    for seconds in range(5, 605, 5):  # nothing arrives for ten minutes; the timer fires
        feed.idle(last_wall + seconds)
    assert feed.late == []
    windows = [(r.window_start - T0) / 60 for r in feed.of("api")]
    assert windows == list(range(69))
    assert [r.volume for r in feed.of("api")][60:] == [0] * 9
    assert kinds(feed.reports).get("volume_drop", [None])[0] == 61


def test_record_in_a_closed_window_is_late_as_with_event_time() -> None:
    # Receive time never before event time: the mark is the newest event time, so both ways
    # of driving the horizon must agree record by record.
    sequence = [
        ("a", T0 + 5, T0 + 5),
        ("b", T0 + 30, T0 + 31),
        ("a", T0 + 75, T0 + 76),  # mark T0+75: window [T0, T0+60) closes
        ("b", T0 + 40, T0 + 80),  # late: its window closed
        ("c", T0 + 20, T0 + 81),  # late: a new service behind the horizon
        ("c", T0 + 70, T0 + 82),
    ]
    flags = []
    outcomes = []
    for use_mark in (True, False):
        feed = Feed(use_mark)
        flags.append([feed.send(Arrival(ts, at, at, s, "t", INFO)) for s, ts, at in sequence])
        feed.reports.extend(feed.engine.flush())
        outcomes.append((dicts(feed.reports), feed.engine.late, feed.engine.summaries()))
    assert flags[0] == flags[1] == [False, False, False, True, True, False]
    assert outcomes[0] == outcomes[1]
    summary = {s["service"]: s["late_logs"] for s in outcomes[0][2]}
    assert summary == {"a": 0, "b": 1, "c": 1}
