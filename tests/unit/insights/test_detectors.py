"""One engine per partition, on the partition's clock, fed stored rows."""

from __future__ import annotations

from pipeline.analysis.config import AnalysisConfig
from pipeline.insights.detectors import Detectors, new_pattern_messages
from storage.rows import LogRow, TemplateRow

T0 = 1_767_225_600.0
TEMPLATE = TemplateRow("api", "t1", "user <*> logged in", "INFO")


def row(ts: float, received_at: float, service: str = "api", n: int = 0) -> LogRow:
    return LogRow(
        event_id=f"{service}-{ts}-{n}",
        service=service,
        level="INFO",
        ts=ts,
        message=f"user {n} logged in",
        template_id="t1",
        host=None,
        trace_id=None,
        metadata=None,
        received_at=received_at,
        clamped=False,
        truncated=False,
        sanitized=False,
    )


def summaries(messages) -> list[tuple[str, str]]:
    return [
        (m.service_name, m.body["window_start"]) for m in messages if m.type == "window_summary"
    ]


def test_windows_close_on_each_partitions_own_clock():
    detectors = Detectors(AnalysisConfig(window_seconds=60, allowed_lateness_seconds=10))
    old = [row(T0 + s, received_at=T0 + 7200) for s in range(0, 300, 5)]  # replayed, 2 h old
    messages = detectors.observe(0, old, [TEMPLATE], wall_now=T0 + 7200)
    # Hours-old records close their own windows as their event times advance: none is late.
    assert len(summaries(messages)) == 4
    engine = detectors.engine(0)
    assert engine is not None and engine.late == 0
    # Partition 1 has its own clock: a record now does not close partition 0's last window.
    detectors.observe(1, [row(T0 + 7200, T0 + 7200, service="db")], [], wall_now=T0 + 7200)
    assert engine.horizon == int((T0 + 295 - 10) // 60)


def test_only_idle_partitions_tick_and_only_by_the_wall_time_that_passed():
    detectors = Detectors(AnalysisConfig(window_seconds=60, allowed_lateness_seconds=10))
    detectors.observe(0, [row(T0 + 5, T0 + 5)], [TEMPLATE], wall_now=1000.0)
    detectors.observe(1, [row(T0 + 5, T0 + 5, service="db")], [], wall_now=1000.0)
    # 70 idle seconds later: partition 0 is caught up, partition 1 still has records waiting.
    messages = detectors.tick(1070.0, idle=[0])
    assert summaries(messages) == [("api", "2026-01-01T00:00:00Z")]
    assert detectors.tick(1070.0, idle=[]) == []
    detectors.forget([0])
    assert detectors.partitions == [1]


def test_new_patterns_at_warning_and_above_only():
    templates = [
        TemplateRow("api", "a", "disk <*> full", "ERROR"),
        TemplateRow("api", "b", "user <*> logged in", "INFO"),
        TemplateRow("api", "c", "slow query <*>", "WARNING"),
    ]
    created = {("api", "a"), ("api", "b")}
    messages = new_pattern_messages(templates, created, T0)
    assert [m.id for m in messages] == ["pattern:api:a"]
