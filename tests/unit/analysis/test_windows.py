"""Event-time window semantics: watermark, lateness, ticks, silent services, eviction."""

from __future__ import annotations

from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.engine import AnalysisEngine, Observed
from pipeline.analysis.events import WindowReport
from pipeline.analysis.levels import INFO
from pipeline.analysis.windows import window_index
from tests.unit.analysis.helpers import T0


def send(engine: AnalysisEngine, service: str, ts: float) -> Observed:
    return engine.observe_fields(service, ts, INFO, "m", "t", "t")


def test_window_index() -> None:
    assert window_index(T0, 60) == window_index(T0 + 59.9, 60)
    assert window_index(T0 + 60, 60) == window_index(T0, 60) + 1


def test_window_closes_when_watermark_passes_its_end() -> None:
    engine = AnalysisEngine(AnalysisConfig(window_seconds=60, allowed_lateness_seconds=10))
    send(engine, "a", T0 + 5)
    assert send(engine, "a", T0 + 65).reports == ()  # watermark T0+55: still open
    closed = send(engine, "a", T0 + 70).reports  # watermark T0+60 passes the end
    assert [r.window_start for r in closed] == [T0]
    assert closed[0].volume == 1


def test_record_within_lateness_is_counted_later_ones_are_late() -> None:
    engine = AnalysisEngine(AnalysisConfig(window_seconds=60, allowed_lateness_seconds=10))
    send(engine, "a", T0 + 5)
    send(engine, "a", T0 + 65)
    assert not send(engine, "a", T0 + 50).late  # window [T0, T0+60) still open
    send(engine, "a", T0 + 71)
    late = send(engine, "a", T0 + 30)
    assert late.late and engine.late == 1
    # Late records are stored and counted in the summary, not scored.
    summary = engine.summary("a")
    assert summary is not None and summary["late_logs"] == 1


def test_silent_service_closes_on_tick_with_empty_windows() -> None:
    engine = AnalysisEngine(AnalysisConfig())
    send(engine, "a", T0 + 1)
    reports = engine.tick(T0 + 60 * 5 + 10)
    assert [r.volume for r in reports] == [1, 0, 0, 0, 0]
    assert engine.tick(T0 + 60 * 5 + 20) == []  # idempotent within a window


def test_other_services_advance_the_watermark_for_a_silent_one() -> None:
    engine = AnalysisEngine(AnalysisConfig())
    send(engine, "quiet", T0 + 1)
    reports: list[WindowReport] = []
    for minute in range(1, 4):
        reports.extend(send(engine, "busy", T0 + 60 * minute + 30).reports)
    quiet = [r for r in reports if r.service_name == "quiet"]
    assert [r.volume for r in quiet] == [1, 0, 0]  # watermark T0+200 closed three windows


def test_dormant_service_stops_emitting_empty_windows() -> None:
    engine = AnalysisEngine(AnalysisConfig(max_silent_windows=3))
    send(engine, "a", T0 + 1)
    reports = engine.tick(T0 + 60 * 50)
    assert len(reports) == 4  # one real window, then three empty ones


def test_least_recently_seen_service_is_evicted() -> None:
    engine = AnalysisEngine(AnalysisConfig(max_services=2))
    send(engine, "a", T0)
    send(engine, "b", T0 + 1)
    send(engine, "a", T0 + 61)  # a new window refreshes "a"
    send(engine, "c", T0 + 62)
    assert set(engine.services) == {"a", "c"} and engine.evicted == 1


def test_new_service_arriving_behind_the_horizon_is_late() -> None:
    engine = AnalysisEngine(AnalysisConfig())
    send(engine, "a", T0 + 600)
    assert send(engine, "b", T0 + 1).late
    assert not send(engine, "b", T0 + 590).late


def test_flush_closes_everything() -> None:
    engine = AnalysisEngine(AnalysisConfig())
    send(engine, "a", T0 + 1)
    send(engine, "a", T0 + 61)
    assert [r.volume for r in engine.flush()] == [1, 1]


def test_tick_before_any_record_does_not_make_a_backlog_late() -> None:
    engine = AnalysisEngine(AnalysisConfig())
    assert engine.tick(T0 + 3600) == []
    assert not send(engine, "a", T0 + 1).late
