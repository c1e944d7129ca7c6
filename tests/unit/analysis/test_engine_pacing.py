"""Paced closing: slices and refits off the loop give exactly the windows of an inline run."""

from __future__ import annotations

from dataclasses import replace

from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.engine import AnalysisEngine, RefitJob
from pipeline.analysis.events import WindowReport
from tests.unit.analysis.helpers import T0, normal_mix

SERVICES = [f"svc-{i}" for i in range(6)]
CONFIG = AnalysisConfig(
    forest_min_windows=20, forest_refit_windows=40, forest_history_windows=60, warmup_windows=10
)


def traffic(minutes: range) -> list[tuple[str, float, int, str]]:
    """(service, ts, level, template id) for several services, with an error burst."""
    records = []
    for minute in minutes:
        for s, service in enumerate(SERVICES):
            mix = normal_mix(40 + 10 * s, minute)
            if service == "svc-2" and 150 <= minute < 154:
                mix = [*mix, ("boom", "ERROR", 30)]
            lines = [(tid, level) for tid, level, count in mix for _ in range(count)]
            for i, (tid, level) in enumerate(lines):
                ts = T0 + 60 * minute + 60.0 * (i + 0.5) / len(lines)
                records.append((service, ts, {"ERROR": 3, "WARNING": 2}.get(level, 1), tid))
    records.sort(key=lambda r: r[1])
    return records


def key(report: WindowReport) -> tuple[object, ...]:
    return (
        report.window_start,
        report.service_name,
        report.volume,
        report.score,
        tuple((a.kind, a.score, a.incident_id) for a in report.anomalies),
        tuple((e.action, e.incident_id) for e in report.incident_events),
        tuple(sorted(report.extra.items())),
    )


class SlowFits:
    """Runs a fit only when the engine cannot go on without it: the latest a model can come."""

    def __init__(self) -> None:
        self.jobs: dict[str, RefitJob] = {}
        self.installed = 0

    def drain(self, engine: AnalysisEngine) -> list[WindowReport]:
        reports: list[WindowReport] = []
        while engine.behind:
            reports.extend(engine.resume())
            self.jobs.update((job.service, job) for job in engine.take_refits())
            for service in engine.waiting:
                engine.install_model(service, self.jobs.pop(service).run())
                self.installed += 1
        return reports


def feed(
    engine: AnalysisEngine, records: list[tuple[str, float, int, str]], fits: SlowFits | None
) -> list[WindowReport]:
    reports: list[WindowReport] = []
    for service, ts, level, tid in records:
        reports.extend(engine.observe_fields(service, ts, level, f"{tid} x", tid, tid).reports)
        if fits is not None:
            reports.extend(fits.drain(engine))
    reports.extend(engine.flush())
    if fits is not None:
        reports.extend(fits.drain(engine))
    return reports


def test_refits_off_the_loop_and_slices_match_an_inline_run() -> None:
    records = traffic(range(220))
    inline = feed(AnalysisEngine(CONFIG), records, None)

    paced = AnalysisEngine(replace(CONFIG, refit_inline=False), 4)
    fits = SlowFits()
    online = feed(paced, records, fits)

    assert fits.installed >= len(SERVICES) * 4  # first fits, doublings and periodic refits
    assert sorted(map(key, online)) == sorted(map(key, inline))
    assert any(r.anomalies for r in inline)  # the comparison covers scored anomalies
    assert all(r.extra["forest"] > 0 for r in inline if r.window_start > T0 + 60 * 50)


class Ticking:
    """A clock that moves one second each time it is read: every window "takes" a second."""

    def __init__(self) -> None:
        self.now = 0.0
        self.reads = 0

    def __call__(self) -> float:
        self.now += 1.0
        self.reads += 1
        return self.now


def test_a_time_budget_bounds_each_slice_and_changes_nothing() -> None:
    records = traffic(range(120))
    inline = feed(AnalysisEngine(CONFIG), records, None)

    clock = Ticking()
    timed = AnalysisEngine(replace(CONFIG, refit_inline=False), None, 2.5, clock)
    fits = SlowFits()
    slices: list[int] = []
    original = timed.resume

    def counted() -> list[WindowReport]:
        closed = original()
        slices.append(len(closed))
        return closed

    timed.resume = counted  # type: ignore[method-assign]
    online = feed(timed, records, fits)

    assert sorted(map(key, online)) == sorted(map(key, inline))
    # 2.5 "seconds" a call at a second a window: three at most (the deadline is checked
    # before each window after the first).
    assert max(slices) == 3 and clock.reads > 0


def test_a_service_waits_for_its_model_and_a_failed_fit_lets_it_go_on() -> None:
    engine = AnalysisEngine(replace(CONFIG, refit_inline=False))
    records = traffic(range(40))
    reports: list[WindowReport] = []
    for service, ts, level, tid in records:
        reports.extend(engine.observe_fields(service, ts, level, "m", tid, tid).reports)
    assert engine.waiting == set(SERVICES) and engine.behind
    last = {r.service_name: r.window_start for r in reports}
    # Held: the windows after the fit's stay open (below the horizon) until a model is in.
    horizon = engine.horizon
    assert horizon is not None
    assert all(engine.services[s].closed_until < horizon for s in SERVICES)
    jobs = {job.service: job for job in engine.take_refits()}
    assert set(jobs) == set(SERVICES)
    engine.install_model("svc-0", jobs["svc-0"].run())
    engine.install_model("svc-1", None)  # the executor failed this one
    resumed = engine.resume()
    assert {r.service_name for r in resumed} == {"svc-0", "svc-1"}
    assert all(r.window_start > last[r.service_name] for r in resumed)
    assert engine.services["svc-0"].forest.model is not None
    assert engine.services["svc-1"].forest.model is None
    assert engine.waiting == set(SERVICES) - {"svc-0", "svc-1"}


def test_a_record_for_a_window_held_below_the_horizon_is_late_as_inline() -> None:
    engine = AnalysisEngine(AnalysisConfig(window_seconds=60, allowed_lateness_seconds=0), 1)
    for service in ("a", "b", "c"):
        engine.observe_fields(service, T0 + 1, 1, "m", "t", "t")
    # One window closes per slice: "a" closes minute 0, "b" and "c" are still due.
    observed = engine.observe_fields("a", T0 + 61, 1, "m", "t", "t")
    assert len(observed.reports) == 1 and engine.behind
    late = engine.observe_fields("c", T0 + 30, 1, "m", "t", "t")
    assert late.late and engine.late == 1
    while engine.behind:
        engine.resume()
    assert all(s.closed_until == engine.horizon for s in engine.services.values())


def test_a_snapshot_taken_while_waiting_restores_its_fit() -> None:
    config = replace(CONFIG, refit_inline=False)
    records = traffic(range(120))
    cut = next(i for i, r in enumerate(records) if r[1] >= T0 + 60 * 70)
    inline = feed(AnalysisEngine(CONFIG), records, None)

    engine = AnalysisEngine(config, 4)
    before: list[WindowReport] = []
    for service, ts, level, tid in records[:cut]:
        before.extend(engine.observe_fields(service, ts, level, f"{tid} x", tid, tid).reports)
    before.extend(engine.resume())
    assert engine.waiting  # a snapshot in the middle of a paced close
    restored = AnalysisEngine.restore(engine.snapshot(), config, 4)
    fits = SlowFits()
    # Pending fits are handed out again, and the models of earlier fits are rebuilt from
    # the training matrix those fits used.
    fits.jobs.update((job.service, job) for job in restored.take_refits())
    assert set(fits.jobs) >= set(engine.waiting)
    after = fits.drain(restored) + feed(restored, records[cut:], fits)
    assert sorted(map(key, before + after)) == sorted(map(key, inline))
