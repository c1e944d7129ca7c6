"""The partition clock: mark from min(event time, receive time), idle advance, snapshots."""

from __future__ import annotations

import json

import pytest

from pipeline.analysis.clock import PartitionClock
from pipeline.errors import SnapshotError
from tests.unit.analysis.helpers import T0

WALL = T0 + 3 * 3600  # "now" in these tests


def test_no_time_before_the_first_record() -> None:
    clock = PartitionClock()
    assert clock.mark is None and clock.now(WALL) is None


def test_mark_is_the_largest_min_of_event_and_receive_time() -> None:
    clock = PartitionClock()
    assert clock.observe(ts=T0 + 100, received_at=T0 + 101, wall_now=WALL) == T0 + 100
    # A producer clock four minutes ahead counts at its receive time.
    assert clock.observe(ts=T0 + 345, received_at=T0 + 105, wall_now=WALL + 1) == T0 + 105
    # An older record does not move the mark back, nor restart the idle time.
    assert clock.observe(ts=T0 + 50, received_at=T0 + 110, wall_now=WALL + 2) == T0 + 105
    assert clock.advanced_at == WALL + 1


def test_idle_advance_follows_wall_time_passed_never_jumps_to_now() -> None:
    clock = PartitionClock()
    # Replay an hour of logs from three hours ago within a few wall seconds.
    for i in range(3600):
        clock.observe(ts=T0 + i, received_at=WALL + i / 1000, wall_now=WALL + i / 1000)
    last = WALL + 3.599
    assert clock.now(last) == T0 + 3599
    assert clock.now(last + 10) == pytest.approx(T0 + 3599 + 10)


def test_wall_clock_going_backwards_adds_nothing() -> None:
    clock = PartitionClock()
    clock.observe(ts=T0, received_at=T0, wall_now=WALL)
    assert clock.now(WALL - 60) == T0
    assert clock.now(WALL + 5) == T0 + 5


def test_snapshot_restore_round_trip_through_json() -> None:
    clock = PartitionClock()
    assert PartitionClock.restore(json.loads(json.dumps(clock.snapshot()))).now(WALL) is None
    clock.observe(ts=T0 + 240, received_at=T0 + 0.25, wall_now=WALL + 0.5)
    state = json.loads(json.dumps(clock.snapshot()))
    restored = PartitionClock.restore(state)
    assert (restored.mark, restored.advanced_at) == (clock.mark, clock.advanced_at)
    assert restored.now(WALL + 30) == clock.now(WALL + 30) == T0 + 29.75
    assert restored.snapshot() == clock.snapshot()


@pytest.mark.parametrize(
    "state",
    [
        {"mark": T0},
        {"mark": T0, "advanced_at": None},
        {"mark": "soon", "advanced_at": WALL},
        {"mark": True, "advanced_at": WALL},
        {"mark": float("nan"), "advanced_at": WALL},
    ],
)
def test_restore_rejects_malformed_state(state: dict[str, object]) -> None:
    with pytest.raises(SnapshotError):
        PartitionClock.restore(state)
