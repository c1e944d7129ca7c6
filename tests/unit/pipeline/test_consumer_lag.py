"""The lag of the owned partitions: from the last fetches for the tick, from the broker for the
metric where the fetches cannot tell."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from faust.types import TP

from pipeline.consumer_lag import FaustOffsets, PartitionLag

TOPIC = "logs"
NOW = 1000.0


class FakeOffsets:
    """The consumer's view; counts what it is asked, to show the tick never waits on it."""

    def __init__(self) -> None:
        self.owned: set[TP] = set()
        self.fetched: dict[TP, tuple[int, float]] = {}
        self.committed_: dict[TP, int] = {}
        self.broker_ends: dict[TP, int] = {}
        self.positions: dict[TP, int] = {}
        self.asked_ends: list[list[TP]] = []
        self.asked_positions: list[TP] = []

    def own(self, partition: int, topic: str = TOPIC) -> TP:
        tp = TP(topic, partition)
        self.owned.add(tp)
        return tp

    def assignment(self) -> set[TP]:
        return set(self.owned)

    def fetched_end(self, tp: TP) -> tuple[int, float] | None:
        return self.fetched.get(tp)

    def committed(self, tp: TP) -> int | None:
        return self.committed_.get(tp)

    async def ends(self, tps):
        self.asked_ends.append(sorted(tps))
        return {tp: self.broker_ends[tp] for tp in tps}

    async def position(self, tp: TP) -> int | None:
        self.asked_positions.append(tp)
        return self.positions.get(tp)


@pytest.fixture
def offsets() -> FakeOffsets:
    return FakeOffsets()


@pytest.fixture
def lag(offsets: FakeOffsets) -> PartitionLag:
    return PartitionLag(offsets, TOPIC, max_fetch_age=5.0, clock=lambda: NOW)


def test_caught_up_partitions_are_those_whose_last_fetch_ended_at_the_commit(offsets, lag):
    done, behind = offsets.own(0), offsets.own(1)
    other_topic = offsets.own(0, topic="insights")
    for tp in (done, behind, other_topic):
        offsets.fetched[tp] = (40, NOW - 1.0)
        offsets.committed_[tp] = 40
    offsets.committed_[behind] = 37

    assert lag.known() == {0: 0, 1: 3}
    assert lag.caught_up() == [0]
    assert offsets.asked_ends == [] and offsets.asked_positions == []


def test_a_partition_not_fetched_lately_is_not_caught_up(offsets, lag):
    # Fetches stop while a partition is paused, recovering or has records left unread, and
    # when the broker is away: what came since is unknown, so it may be waiting.
    stale, never, fresh = offsets.own(0), offsets.own(1), offsets.own(2)
    offsets.fetched[stale] = (40, NOW - 5.1)
    offsets.fetched[fresh] = (40, NOW - 4.9)
    for tp in (stale, never, fresh):
        offsets.committed_[tp] = 40

    assert lag.known() == {0: None, 1: None, 2: 0}
    assert lag.caught_up() == [2]


def test_before_its_first_commit_a_partition_waits_for_a_measured_position(offsets, lag):
    tp = offsets.own(0)
    offsets.fetched[tp] = (12, NOW)
    offsets.positions[tp] = 12
    assert lag.known() == {0: None}  # the tick never asks the consumer thread


async def test_measure_asks_for_positions_and_the_tick_uses_them_after(offsets, lag):
    tp = offsets.own(0)
    offsets.fetched[tp] = (12, NOW)
    offsets.positions[tp] = 12

    assert await lag.measure() == {0: 0}
    assert offsets.asked_positions == [tp]
    assert lag.caught_up() == [0]

    offsets.fetched[tp] = (15, NOW)  # three more arrived, not committed yet
    assert lag.known() == {0: 3}
    offsets.committed_[tp] = 15
    assert lag.caught_up() == [0]


async def test_a_revoked_partition_forgets_its_position(offsets, lag):
    tp = offsets.own(0)
    offsets.fetched[tp] = (12, NOW)
    offsets.positions[tp] = 12
    await lag.measure()

    lag.forget([tp])
    assert lag.known() == {0: None}


async def test_a_position_is_dropped_once_the_partition_is_no_longer_owned(offsets, lag):
    tp = offsets.own(0)
    offsets.fetched[tp] = (12, NOW)
    offsets.positions[tp] = 12
    await lag.measure()

    offsets.owned.clear()
    assert lag.known() == {}
    offsets.owned.add(tp)  # back, perhaps at an older position: unknown until measured again
    assert lag.known() == {0: None}


async def test_measure_asks_the_broker_only_for_what_the_fetches_do_not_tell(offsets, lag):
    fresh, stale, never = offsets.own(0), offsets.own(1), offsets.own(2)
    offsets.fetched[fresh] = (40, NOW)
    offsets.fetched[stale] = (40, NOW - 60)
    offsets.broker_ends.update({stale: 55, never: 8})
    offsets.committed_.update({fresh: 38, stale: 50})
    offsets.positions[never] = 2

    assert await lag.measure() == {0: 2, 1: 5, 2: 6}
    assert offsets.asked_ends == [[stale, never]]
    assert offsets.asked_positions == [never]


async def test_measure_without_owned_partitions_asks_nothing(offsets, lag):
    assert await lag.measure() == {}
    assert offsets.asked_ends == []


def _faust_app(*, polled_ms=None, highwater=None, revoked=False, committed=None):
    def last_poll_timestamp(tp):
        if revoked:
            raise AssertionError("Partition is not assigned")
        return polled_ms

    fetcher = SimpleNamespace(last_poll_timestamp=last_poll_timestamp)
    thread = SimpleNamespace(_ensure_consumer=lambda: fetcher)
    consumer = SimpleNamespace(
        _thread=thread,
        highwater=lambda tp: highwater,
        _committed_offset=committed or {},
    )
    return SimpleNamespace(consumer=consumer)


def test_faust_offsets_read_the_last_fetch_in_seconds():
    tp = TP(TOPIC, 0)
    app = _faust_app(polled_ms=1_500_250, highwater=40, committed={tp: 38})
    offsets = FaustOffsets(app)
    assert offsets.fetched_end(tp) == (40, 1500.25)
    assert offsets.committed(tp) == 38
    assert offsets.committed(TP(TOPIC, 1)) is None


@pytest.mark.parametrize(
    "app",
    [
        _faust_app(polled_ms=None, highwater=None),  # not fetched since it was assigned
        _faust_app(polled_ms=1_500_000, highwater=None),
        _faust_app(revoked=True),  # revoked since the assignment was read
    ],
)
def test_faust_offsets_without_a_fetch_tell_nothing(app):
    assert FaustOffsets(app).fetched_end(TP(TOPIC, 0)) is None


async def test_at_the_end_of_a_backfill_only_a_commit_says_caught_up(offsets, lag):
    # Fetched to the end but not processed: the records may still be in Faust's buffers.
    tp = offsets.own(0)
    offsets.fetched[tp] = (12, NOW)
    offsets.positions[tp] = 12
    await lag.measure()
    assert lag.caught_up() == [0]
    assert lag.caught_up(committed_only=True) == []
    offsets.committed_[tp] = 11
    assert lag.caught_up(committed_only=True) == []
    offsets.committed_[tp] = 12
    assert lag.caught_up(committed_only=True) == [0]
