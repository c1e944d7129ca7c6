"""The ingest watchdog: a logs partition whose waiting records the agent finishes none of, with
Faust quiet, is reported once per stall with where the worker's tasks wait, and counted."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from faust.types import TP
from prometheus_client import CollectorRegistry

from pipeline.agents.stopping import until_done
from pipeline.ingest_watchdog import (
    Progress,
    ProgressWatch,
    await_chains,
    register_ingest_watchdog,
)
from pipeline.metrics import Metrics
from tests.factories import Clock, FakeFaustApp

LOGS0, LOGS1 = TP("la.logs", 0), TP("la.logs", 1)
HERE = (str(Path(__file__).parent),)


def test_records_waiting_with_nothing_finished_for_the_stall_seconds_is_a_stall_reported_once():
    watch: ProgressWatch[str] = ProgressWatch(stall_seconds=60)
    waiting = {"p0": Progress(done=100, end=150)}
    assert watch.check(0, waiting, quiet=True).stalled == {}
    assert watch.check(59.9, waiting, quiet=True).stalled == {}
    assert watch.check(60, waiting, quiet=True).stalled == {"p0": 0}
    assert watch.stalled == 1
    # Once per stall, however long it lasts.
    assert watch.check(500, waiting, quiet=True).stalled == {}
    # Moving again: the stall's length; and a new count from there.
    moved = watch.check(530, {"p0": Progress(done=120, end=150)}, quiet=True)
    assert moved.recovered == {"p0": 530} and moved.stalled == {}
    assert watch.stalled == 0
    assert watch.check(589, {"p0": Progress(done=120, end=150)}, quiet=True).stalled == {}
    assert watch.check(590, {"p0": Progress(done=120, end=150)}, quiet=True).stalled == {"p0": 530}


def test_a_caught_up_or_unknown_partition_never_stalls_however_long_it_stands():
    watch: ProgressWatch[str] = ProgressWatch(stall_seconds=60)
    quiet = {
        "caught_up": Progress(done=150, end=150),
        "nothing_known": Progress(done=None, end=150),
        "no_end": Progress(done=3, end=None),
    }
    for now in (0, 100, 1000):
        assert watch.check(now, quiet, quiet=True).stalled == {}


def test_a_stall_that_ends_by_catching_up_is_reported_as_ended():
    watch: ProgressWatch[str] = ProgressWatch(stall_seconds=10)
    watch.check(0, {"p0": Progress(5, 9)}, quiet=True)
    assert watch.check(10, {"p0": Progress(5, 9)}, quiet=True).stalled == {"p0": 0}
    assert watch.check(15, {"p0": Progress(9, 9)}, quiet=True).recovered == {"p0": 15}


def test_a_rebalance_or_a_recovery_starts_every_count_again_and_moved_partitions_are_dropped():
    watch: ProgressWatch[str] = ProgressWatch(stall_seconds=60)
    both = {"p0": Progress(1, 9), "p1": Progress(1, 9)}
    watch.check(0, both, quiet=True)
    assert watch.check(50, {}, quiet=False).stalled == {}
    assert watch.check(70, both, quiet=True).stalled == {}
    assert watch.check(129, both, quiet=True).stalled == {}
    assert watch.check(130, both, quiet=True).stalled == {"p0": 70, "p1": 70}
    # p1 moved to another worker: forgotten, not "recovered".
    verdict = watch.check(140, {"p0": Progress(1, 9)}, quiet=True)
    assert verdict.recovered == {} and watch.stalled == 1


async def _outer(event: asyncio.Event) -> None:
    await _inner(event)


async def _inner(event: asyncio.Event) -> None:
    await event.wait()


async def test_await_chains_say_where_each_of_our_tasks_waits_and_leave_others_out():
    event = asyncio.Event()
    ours = asyncio.create_task(_outer(event), name="ours")
    theirs = asyncio.create_task(asyncio.sleep(30), name="theirs")
    done = asyncio.create_task(asyncio.sleep(0), name="done")
    await asyncio.sleep(0.01)
    try:
        lines = await_chains([ours, theirs, done], HERE)
        assert len(lines) == 1, lines
        line = lines[0]
        # Our files named from their root's folder, others by their name alone.
        assert line.startswith("ours: _outer(pipeline/test_ingest_watchdog.py:")
        assert "> _inner(pipeline/test_ingest_watchdog.py:" in line
        assert "> Event.wait(locks.py:" in line
        assert line.split(" ... ")[1].startswith("<Future pending")
    finally:
        event.set()
        theirs.cancel()
        await asyncio.gather(ours, theirs, return_exceptions=True)


async def test_await_chains_are_bounded():
    event = asyncio.Event()
    tasks = [asyncio.create_task(_outer(event), name=f"t{i:02}") for i in range(5)]
    await asyncio.sleep(0.01)
    try:
        lines = await_chains(tasks, HERE, max_tasks=3)
        assert [line.split(":")[0] for line in lines] == ["t00", "t01", "t02", "(2 more)"]
    finally:
        event.set()
        await asyncio.gather(*tasks)


class FakeConsumer:
    def __init__(self) -> None:
        self.unacked: set[Any] = {object(), object()}


@pytest.fixture
def registry() -> CollectorRegistry:
    return CollectorRegistry()


async def test_a_stall_is_logged_with_the_partition_and_the_agents_await_chain_and_counted(
    caplog, registry
):
    app, clock = FakeFaustApp(FakeConsumer()), Clock()
    standing: dict[TP, Progress] = {LOGS0: Progress(100, 112), LOGS1: Progress(50, 50)}
    asked: list[int] = []

    async def progress() -> Mapping[TP, Progress]:
        asked.append(1)
        return dict(standing)

    async def describe(tp: TP) -> str:
        return f"described {tp.partition}"

    check = register_ingest_watchdog(
        app,
        Metrics.create(registry),
        "la.logs",
        progress,
        describe,
        stall_seconds=60,
        every_seconds=10,
        clock=clock,
    )
    assert app.timers == [10]
    # The agent, waiting in the store's retry as it does while PostgreSQL is away.
    store_back = asyncio.Event()

    async def store() -> None:
        await store_back.wait()

    agent = asyncio.create_task(
        until_done(
            store,
            name="ingest",
            sleep=asyncio.sleep,
            stopping=lambda: False,
            on_failure=lambda name: None,
        ),
        name="ingest-agent",
    )
    await asyncio.sleep(0.01)
    try:
        # A rebalance: records wait through it by design, and nothing is asked.
        app.rebalancing = True
        await check()
        assert asked == []
        app.rebalancing = False
        for clock.now in (60, 119):
            await check()
        assert "stalled" not in caplog.text
        with caplog.at_level(logging.ERROR, logger="pipeline.ingest_watchdog"):
            clock.now = 120
            verdict = await check()
        assert list(verdict.stalled) == [LOGS0]
        text = caplog.text
        assert "la.logs[0]: 12 message(s) waiting, nothing finished for 60 s; described 0" in text
        assert "la.logs[1]" not in text
        assert "2 event(s) unacked" in text
        assert "ingest-agent: until_done(pipeline/agents/stopping.py:" in text
        assert registry.get_sample_value("ingest_stalls_total", {"topic": "la.logs"}) == 1
        assert registry.get_sample_value("ingest_stalled_partitions") == 1
        # Once per stall.
        caplog.clear()
        clock.now = 200
        await check()
        assert "stalled" not in caplog.text
        # PostgreSQL back: moving again, said with the stall's length.
        store_back.set()
        standing[LOGS0] = Progress(112, 112)
        with caplog.at_level(logging.WARNING, logger="pipeline.ingest_watchdog"):
            clock.now = 210
            await check()
        assert "la.logs[0] moving again after 150 s" in caplog.text
        assert registry.get_sample_value("ingest_stalled_partitions") == 0
        assert registry.get_sample_value("ingest_stalls_total", {"topic": "la.logs"}) == 1
    finally:
        store_back.set()
        await agent


async def test_a_check_whose_reading_fails_is_skipped_not_raised(registry):
    app = FakeFaustApp(FakeConsumer())

    async def progress() -> Mapping[TP, Progress]:
        raise RuntimeError("the consumer is not started")

    async def describe(tp: TP) -> str:
        raise AssertionError("nothing to describe")

    check = register_ingest_watchdog(
        app, Metrics.create(registry), "la.logs", progress, describe, stall_seconds=1
    )
    verdict = await check()
    assert verdict.stalled == {} and verdict.recovered == {}


async def test_readings_that_fail_for_the_stall_seconds_are_a_stall_of_their_own(caplog, registry):
    # The readings go through Faust's consumer thread, which also serves the agent's fetches
    # and offsets: a thread that stops answering must not leave the watchdog silent.
    app, clock = FakeFaustApp(FakeConsumer()), Clock()
    answer = [False]

    async def progress() -> Mapping[TP, Progress]:
        if not answer[0]:
            raise TimeoutError()
        return {LOGS0: Progress(5, 5)}

    async def describe(tp: TP) -> str:
        return ""

    check = register_ingest_watchdog(
        app, Metrics.create(registry), "la.logs", progress, describe, stall_seconds=60, clock=clock
    )
    with caplog.at_level(logging.WARNING, logger="pipeline.ingest_watchdog"):
        for clock.now in (0, 30, 59):
            await check()
        assert "stalled" not in caplog.text
        clock.now = 60
        await check()
        assert "could not be read for 60 s (the last try: TimeoutError())" in caplog.text
        assert registry.get_sample_value("ingest_stalls_total", {"topic": "la.logs"}) == 1
        caplog.clear()
        clock.now = 90
        await check()  # once per stall
        assert caplog.text == ""
        answer[0] = True
        clock.now = 100
        await check()
        assert "the consumer answers again after 100 s" in caplog.text
    assert registry.get_sample_value("ingest_stalls_total", {"topic": "la.logs"}) == 1
