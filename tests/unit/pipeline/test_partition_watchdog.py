"""The partition watchdog: resumes a stream partition left paused once Faust is quiet, and
never touches one while a rebalance or recovery runs, a changelog, or one not assigned."""

from __future__ import annotations

import logging
from collections.abc import Callable

import faust
import pytest
from faust.types import TP
from prometheus_client import CollectorRegistry

from pipeline.metrics import Metrics
from pipeline.partition_watchdog import StallWatch, register_partition_watchdog
from tests.factories import FakeFaustApp

LOGS0, LOGS1 = TP("la.logs", 0), TP("la.logs", 1)
CHANGELOG = TP("la-miners-changelog", 0)


def test_a_partition_is_due_after_the_grace_of_quiet_and_counted_again_after():
    watch: StallWatch[str] = StallWatch(grace_seconds=30)
    assert watch.check(0, {"p0"}, quiet=True) == set()
    assert watch.check(29.9, {"p0"}, quiet=True) == set()
    assert watch.check(30, {"p0"}, quiet=True) == {"p0"}
    # Resumed; paused again (or still): a new grace.
    assert watch.check(35, {"p0"}, quiet=True) == set()
    assert watch.check(65, {"p0"}, quiet=True) == {"p0"}


def test_a_rebalance_or_a_resume_between_checks_starts_the_count_again():
    watch: StallWatch[str] = StallWatch(grace_seconds=30)
    watch.check(0, {"p0", "p1"}, quiet=True)
    assert watch.check(20, {"p0", "p1"}, quiet=False) == set()
    assert watch.check(40, {"p0", "p1"}, quiet=True) == set()
    watch.check(50, {"p1"}, quiet=True)  # p0 flowed again for a moment
    assert watch.check(70, {"p0", "p1"}, quiet=True) == {"p1"}
    assert watch.check(99, {"p0"}, quiet=True) == set()
    assert watch.check(100, {"p0"}, quiet=True) == {"p0"}


class FakeConsumer:
    def __init__(self, assigned: set[TP], paused: set[TP]) -> None:
        self.assigned = assigned
        self._paused_partitions = set(paused)
        self.resumed: list[set[TP]] = []

    def assignment(self) -> set[TP]:
        return self.assigned

    def _is_changelog_tp(self, tp: TP) -> bool:
        return tp.topic.endswith("-changelog")

    def resume_partitions(self, tps: set[TP]) -> None:
        self.resumed.append(set(tps))
        self._paused_partitions -= tps


def watchdog(
    consumer: FakeConsumer,
) -> tuple[FakeFaustApp, Callable[[], None], list[float], CollectorRegistry]:
    app = FakeFaustApp(consumer)
    now = [0.0]
    registry = CollectorRegistry()
    check = register_partition_watchdog(
        app, Metrics.create(registry), grace_seconds=30, every_seconds=5, clock=lambda: now[0]
    )
    return app, check, now, registry


def test_only_assigned_stream_partitions_are_resumed_and_only_when_quiet(caplog):
    consumer = FakeConsumer({LOGS0, LOGS1, CHANGELOG}, {LOGS0, CHANGELOG, TP("la.logs", 7)})
    app, check, now, registry = watchdog(consumer)
    assert app.timers == [5]
    app.rebalancing = True
    for now[0] in (0, 40):
        check()
    app.rebalancing, app.in_recovery = False, True
    for now[0] in (50, 90):
        check()
    assert consumer.resumed == []
    app.in_recovery = False
    for now[0] in (100, 129):
        check()
    assert consumer.resumed == []
    with caplog.at_level(logging.ERROR, logger="pipeline.partition_watchdog"):
        now[0] = 130
        check()
    assert consumer.resumed == [{LOGS0}]
    assert "la.logs[0] paused for 30 s" in caplog.text
    assert registry.get_sample_value("partitions_resumed_total", {"topic": "la.logs"}) == 1
    # Resumed for good: nothing more.
    for now[0] in (135, 200):
        check()
    assert consumer.resumed == [{LOGS0}]


def test_a_consumer_that_cannot_answer_is_skipped():
    class NotStarted(FakeConsumer):
        def assignment(self) -> set[TP]:
            raise RuntimeError("consumer not started")

    consumer = NotStarted({LOGS0}, {LOGS0})
    _, check, now, _ = watchdog(consumer)
    for now[0] in (0, 100):
        check()
    assert consumer.resumed == []


@pytest.fixture
def faust_app() -> faust.App:
    return faust.App("watchdog-unit", broker="kafka://localhost:1", store="memory://")


def test_faust_own_consumer_keeps_what_the_watchdog_reads_and_resumes(faust_app, monkeypatch):
    """Against Faust's real consumer (not started): ``_paused_partitions`` holds what
    ``pause_partitions`` paused, and ``resume_partitions`` makes it active again. A Faust
    upgrade that renames either fails here."""
    consumer = faust_app.consumer
    monkeypatch.setattr(consumer, "assignment", lambda: {LOGS0, LOGS1})
    consumer._set_active_tps({LOGS0, LOGS1})
    consumer.pause_partitions({LOGS0})
    monkeypatch.setattr(faust_app, "rebalancing", False)
    registry = CollectorRegistry()
    now = [0.0]
    check = register_partition_watchdog(
        faust_app, Metrics.create(registry), grace_seconds=30, clock=lambda: now[0]
    )
    for now[0] in (0, 30):
        check()
    assert LOGS0 not in consumer._paused_partitions
    assert consumer._get_active_partitions() == {LOGS0, LOGS1}
    assert registry.get_sample_value("partitions_resumed_total", {"topic": "la.logs"}) == 1
