"""The engine's batch entry point: ``observe_batch`` then ``advance`` counts and closes windows
exactly as ``observe_fields`` does record by record; and the accumulator's ``add_many``."""

from __future__ import annotations

import random

from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.engine import AnalysisEngine
from pipeline.analysis.events import WindowReport
from pipeline.analysis.levels import ERROR, INFO, WARNING
from pipeline.analysis.records import LogRecord
from pipeline.analysis.windows import WindowAccumulator
from pipeline.offline.analyze_command import time_batches
from tests.unit.analysis.helpers import T0

Row = tuple[str, float, int, str, str]  # service, ts, level, message, template id


def traffic(minutes: int, seed: int = 3) -> list[Row]:
    """Three services in time order, one of them with an error burst and one that goes quiet."""
    rng = random.Random(seed)
    rows: list[Row] = []
    for minute in range(minutes):
        for service, volume in (("api", 120), ("db", 40), ("cron", 8)):
            if service == "cron" and minute >= minutes - 12:
                continue  # silent at the end: a drop
            count = volume * (3 if service == "api" and 30 <= minute < 33 else 1)
            for i in range(count):
                ts = T0 + 60 * minute + rng.random() * 60
                burst = service == "db" and 25 <= minute < 28 and i % 3 == 0
                level = ERROR if burst else rng.choice((INFO, INFO, INFO, WARNING))
                tid = f"{service}-{'boom' if burst else rng.choice('abc')}"
                rows.append((service, ts, level, f"{tid} {i}", tid))
    rows.sort(key=lambda row: row[1])
    return rows


def per_record(rows: list[Row], config: AnalysisConfig) -> list[WindowReport]:
    engine = AnalysisEngine(config)
    reports: list[WindowReport] = []
    for service, ts, level, message, tid in rows:
        reports.extend(engine.observe_fields(service, ts, level, message, tid, tid).reports)
    reports.extend(engine.flush())
    return reports


def batched(rows: list[Row], config: AnalysisConfig) -> list[WindowReport]:
    engine = AnalysisEngine(config)
    reports: list[WindowReport] = []
    records = [
        LogRecord("", ts, service, "", message, level_code=level)
        for service, ts, level, message, _ in rows
    ]
    ids = {id(record): row[4] for record, row in zip(records, rows, strict=True)}
    for batch in time_batches(records, config.window_seconds, config.allowed_lateness_seconds):
        reports.extend(engine.advance(batch[0].timestamp))
        services: dict[str, list[LogRecord]] = {}
        for record in batch:
            services.setdefault(record.service_name, []).append(record)
        for service, group in services.items():
            tids = [ids[id(r)] for r in group]
            engine.observe_batch(
                service,
                [r.timestamp for r in group],
                [r.level_code for r in group],
                [r.message for r in group],
                tids,
                {tid: tid for tid in tids},
            )
        reports.extend(engine.advance(batch[-1].timestamp))
    reports.extend(engine.flush())
    return reports


def key(report: WindowReport) -> tuple[object, ...]:
    return (
        report.service_name,
        report.window_start,
        report.volume,
        round(report.score, 9),
        sorted(report.features.items()),
        [(a.kind, a.severity, a.expected, a.actual) for a in report.anomalies],
    )


def test_batches_close_the_same_windows_with_the_same_findings() -> None:
    config = AnalysisConfig()
    rows = traffic(60)
    one = per_record(rows, config)
    many = batched(rows, config)
    assert sorted(map(key, one)) == sorted(map(key, many))
    kinds = {a.kind for r in many for a in r.anomalies}
    assert {"volume_spike", "error_rate", "volume_drop"} <= kinds


def test_batches_are_cut_at_window_starts_and_closes() -> None:
    stamps = [T0 + s for s in (0, 5, 59.9, 60, 69.9, 70, 70.5, 119, 130, 131)]
    records = [LogRecord("", ts, "api", "", "m") for ts in stamps]
    cuts = [[round(r.timestamp - T0, 3) for r in b] for b in time_batches(records, 60, 10.0)]
    assert cuts == [[0, 5], [59.9], [60, 69.9], [70, 70.5, 119], [130, 131]]


def test_a_batch_below_the_horizon_is_late_and_counted_as_such() -> None:
    engine = AnalysisEngine(AnalysisConfig(window_seconds=60, allowed_lateness_seconds=10))
    assert (
        engine.observe_batch(
            "api", [T0 + 1, T0 + 2], [INFO, INFO], ["a", "b"], ["t", "t"], {"t": "t"}
        )
        == 0
    )
    engine.advance(T0 + 200)  # closes the windows before the one holding T0 + 190
    late = engine.observe_batch(
        "api",
        [T0 + 3, T0 + 175, T0 + 195],
        [ERROR, INFO, INFO],
        ["c", "d", "e"],
        ["t", "t", "t"],
        {"t": "t"},
    )
    assert late == 2 and engine.late == 2
    assert engine.services["api"].stats.late == 2
    assert engine.services["api"].open[int((T0 + 195) // 60)].count == 1


def test_add_many_counts_as_add_does() -> None:
    rng = random.Random(5)
    rows = [
        (rng.choice("xyz"), rng.randrange(5), f"m{i}", T0 + rng.random() * 60) for i in range(300)
    ]
    one, many = WindowAccumulator(7), WindowAccumulator(7)
    new_one = [tid for tid, level, message, ts in rows if one.add(tid, level, message, ts)]
    new_many = many.add_many(*map(list, zip(*rows, strict=True)))
    new_many += many.add_many(["x", "w"], [CRITICAL_LEVEL, 0], ["a", "b"], [T0, T0 + 1])
    new_one += [
        t
        for t, lv, m, ts in (("x", CRITICAL_LEVEL, "a", T0), ("w", 0, "b", T0 + 1))
        if one.add(t, lv, m, ts)
    ]
    assert new_many == new_one
    for slot in WindowAccumulator.__slots__:
        assert getattr(many, slot) == getattr(one, slot), slot


CRITICAL_LEVEL = 4
