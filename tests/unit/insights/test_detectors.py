"""One engine per partition, on the partition's clock, fed stored rows."""

from __future__ import annotations

from dataclasses import replace

from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.engine import AnalysisEngine
from pipeline.analysis.events import WindowReport
from pipeline.insights.detectors import Detectors, new_pattern_messages
from storage.rows import LogRow, TemplateRow
from tests.factories import log_row

T0 = 1_767_225_600.0
TEMPLATE = TemplateRow("api", "t1", "user <*> logged in", "INFO")


def row(ts: float, received_at: float, service: str = "api", n: int = 0) -> LogRow:
    return log_row(
        service, ts, f"{service}-{ts}-{n}", message=f"user {n} logged in", received_at=received_at
    )


def summaries(messages) -> list[tuple[str, str]]:
    return [
        (m.service_name, m.body["window_start"]) for m in messages if m.type == "window_summary"
    ]


async def test_windows_close_on_each_partitions_own_clock():
    detectors = Detectors(AnalysisConfig(window_seconds=60, allowed_lateness_seconds=10))
    old = [row(T0 + s, received_at=T0 + 7200) for s in range(0, 300, 5)]  # replayed, 2 h old
    messages = await detectors.observe(0, old, [TEMPLATE], wall_now=T0 + 7200)
    # Hours-old records close their own windows as their event times advance: none is late.
    assert len(summaries(messages)) == 4
    engine = detectors.engine(0)
    assert engine is not None and engine.late == 0
    # Partition 1 has its own clock: a record now does not close partition 0's last window.
    await detectors.observe(1, [row(T0 + 7200, T0 + 7200, service="db")], [], wall_now=T0 + 7200)
    assert engine.horizon == int((T0 + 295 - 10) // 60)


async def test_only_idle_partitions_tick_and_only_by_the_wall_time_that_passed():
    detectors = Detectors(AnalysisConfig(window_seconds=60, allowed_lateness_seconds=10))
    await detectors.observe(0, [row(T0 + 5, T0 + 5)], [TEMPLATE], wall_now=1000.0)
    await detectors.observe(1, [row(T0 + 5, T0 + 5, service="db")], [], wall_now=1000.0)
    # 70 idle seconds later: partition 0 is caught up, partition 1 still has records waiting.
    messages = await detectors.tick(1070.0, idle=[0])
    assert summaries(messages) == [("api", "2026-01-01T00:00:00Z")]
    assert await detectors.tick(1070.0, idle=[]) == []
    detectors.forget([0])
    assert detectors.partitions == [1]


def test_new_patterns_at_warning_and_above_only():
    templates = [
        TemplateRow("api", "a", "disk <*> full", "ERROR"),
        TemplateRow("api", "b", "user <*> logged in", "INFO"),
        TemplateRow("api", "c", "slow query <*>", "WARNING"),
    ]
    created = {("api", "a"), ("api", "b")}
    messages, left_out = new_pattern_messages(templates, created, T0)
    assert [m.id for m in messages] == ["pattern:api:a"] and left_out == 0


def test_new_patterns_are_bounded_per_service_and_the_rest_counted():
    templates = [TemplateRow("api", f"t{n}", f"boom {n}", "ERROR") for n in range(7)]
    templates += [TemplateRow("db", f"d{n}", f"lost {n}", "WARNING") for n in range(2)]
    created = {(t.service, t.template_id) for t in templates}
    messages, left_out = new_pattern_messages(templates, created, T0, limit_per_service=3)
    assert [m.id for m in messages] == [
        "pattern:api:t0",
        "pattern:api:t1",
        "pattern:api:t2",
        "pattern:db:d0",
        "pattern:db:d1",
    ]
    assert left_out == 4


def steady_rows(minutes: range, services: list[str], per_minute: int = 20) -> list[LogRow]:
    rows = []
    for minute in minutes:
        for service in services:
            for n in range(per_minute):
                ts = T0 + 60 * minute + 60.0 * (n + 0.5) / per_minute
                rows.append(row(ts, ts, service=service, n=n + 1000 * minute))
    rows.sort(key=lambda r: r.ts)
    return rows


FAST_FOREST = AnalysisConfig(
    window_seconds=60,
    allowed_lateness_seconds=0,
    forest_min_windows=10,
    forest_refit_windows=20,
    forest_history_windows=40,
)


async def test_fits_run_off_the_loop_and_windows_score_as_offline():
    import asyncio

    started: list[str] = []
    release = asyncio.Event()

    async def slow_fit(job):
        started.append(job.service)
        await release.wait()  # the model comes back only when the test says so
        return job.run()

    services = ["api", "db"]
    detectors = Detectors(replace(FAST_FOREST, refit_inline=False), slow_fit, 3)
    rows = steady_rows(range(60), services)
    observing = asyncio.create_task(detectors.observe(0, rows, [TEMPLATE], wall_now=T0 + 3600))
    beats = 0
    while not started:
        await asyncio.sleep(0)
        beats += 1
    for _ in range(20):
        await asyncio.sleep(0)
    assert not observing.done()  # held for the model...
    assert (await detectors.tick(T0 + 9999, idle=[0])) == []  # ...and the tick stays out
    release.set()
    messages = await asyncio.wait_for(observing, 10)

    offline = AnalysisEngine(FAST_FOREST)
    reports: list[WindowReport] = []
    for r in rows:
        reports.extend(offline.observe_fields(r.service, r.ts, 1, r.message, "t1", "t").reports)
    live = sorted(
        (m.service_name, m.id, m.body["data"]["score"])
        for m in messages
        if m.type == "window_summary"
    )
    expected = sorted(
        (r.service_name, f"summary:{r.service_name}:{int(r.window_start)}", round(r.score, 4))
        for r in reports
    )
    assert live == expected and len(live) > 100
    assert set(started) == set(services) and beats > 0
    engine = detectors.engine(0)
    assert engine is not None
    for service in services:
        ours, theirs = engine.services[service].forest, offline.services[service].forest
        assert ours.model is not None and ours.model == theirs.model
        assert (ours.learned, ours.fitted_on) == (theirs.learned, theirs.fitted_on)


async def test_a_failed_fit_is_logged_and_the_service_goes_on(caplog):
    async def broken_fit(job):
        raise MemoryError("no room for trees")

    detectors = Detectors(replace(FAST_FOREST, refit_inline=False), broken_fit)
    messages = await detectors.observe(
        0, steady_rows(range(30), ["api"]), [TEMPLATE], wall_now=T0 + 1800
    )
    assert len(summaries(messages)) == 29
    assert "forest fit of 'api' failed" in caplog.text
    engine = detectors.engine(0)
    assert engine is not None and engine.services["api"].forest.model is None


async def test_closing_many_services_yields_to_the_loop_between_slices():
    import asyncio

    services = [f"svc-{i}" for i in range(50)]
    detectors = Detectors(FAST_FOREST, close_slice=10)
    first = steady_rows(range(1), services, per_minute=1)
    await detectors.observe(0, first, [], wall_now=T0 + 60)
    beats = 0

    async def heartbeat():
        nonlocal beats
        while True:
            beats += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(heartbeat())
    await asyncio.sleep(0)
    before = beats
    messages = await detectors.tick(T0 + 120, idle=[0])
    task.cancel()
    assert len(summaries(messages)) == 50
    assert beats - before >= 4  # five slices of ten windows, the loop ran between them


async def test_a_generalised_template_carries_what_was_learned_under_its_old_id():
    from storage.rows import Alias

    detectors = Detectors(FAST_FOREST)
    await detectors.observe(0, steady_rows(range(3), ["api"]), [TEMPLATE], wall_now=T0 + 180)
    engine = detectors.engine(0)
    assert engine is not None and "t1" in engine.services["api"].seen
    renamed = [r._replace(template_id="t9") for r in steady_rows(range(3, 4), ["api"])]
    await detectors.observe(0, renamed, [], wall_now=T0 + 240, aliases=[Alias("api", "t1", "t9")])
    seen = engine.services["api"].seen
    assert "t1" not in seen and seen["t9"][1] == int(T0 // 60)  # first seen in minute 0
