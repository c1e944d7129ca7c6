"""The lag of the owned partitions: from the last fetches and what the agent finished for the
tick, from the broker for the metric where the fetches cannot tell."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from faust.types import TP

from pipeline.consumer_lag import CommittedStarts, FaustOffsets, HandledOffsets, PartitionLag

TOPIC = "logs"
NOW = 1000.0


class FakeOffsets:
    """The consumer's view; counts what it is asked, to show the tick never waits on it."""

    def __init__(self) -> None:
        self.owned: set[TP] = set()
        self.fetched: dict[TP, tuple[int, float]] = {}
        self.committed_: dict[TP, int] = {}
        self.handled_: dict[TP, int] = {}
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

    def handled(self, tp: TP) -> int | None:
        return self.handled_.get(tp)

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


async def test_records_fetched_but_not_finished_wait_even_before_the_first_commit(offsets, lag):
    # A worker's first commit took 25 s once (the producer slow to flush). Its fetch position
    # then said caught up while the agent had yet to count what it had fetched, and the idle
    # clock ran on through those seconds, closing windows those records then came late to.
    tp = offsets.own(0)
    offsets.fetched[tp] = (12, NOW)
    offsets.positions[tp] = 12  # all fetched, sitting in Faust's buffers
    assert await lag.measure() == {0: 0}  # the metric's view: nothing left in Kafka
    assert lag.known() == {0: None}  # the tick's: nothing finished, nothing committed
    offsets.handled_[tp] = 9
    assert lag.known() == {0: 3}
    assert lag.caught_up() == []
    offsets.handled_[tp] = 12
    assert lag.caught_up() == [0]


def test_what_the_agent_finished_or_what_was_committed_counts_whichever_is_further(offsets, lag):
    finished, committed_before, both = offsets.own(0), offsets.own(1), offsets.own(2)
    for tp in (finished, committed_before, both):
        offsets.fetched[tp] = (40, NOW)
    offsets.handled_[finished] = 40  # finished, not committed yet
    offsets.committed_[committed_before] = 40  # committed by the worker before: nothing new
    offsets.committed_[both] = 35
    offsets.handled_[both] = 38
    assert lag.known() == {0: 0, 1: 0, 2: 2}


async def test_the_metric_counts_from_the_fetch_position_before_the_first_commit(offsets, lag):
    tp = offsets.own(0)
    offsets.fetched[tp] = (15, NOW)
    offsets.positions[tp] = 12
    assert await lag.measure() == {0: 3}
    assert offsets.asked_positions == [tp]
    offsets.committed_[tp] = 14
    assert await lag.measure() == {0: 1}
    assert offsets.asked_positions == [tp]  # committed: the position is not asked again


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


async def test_where_each_partition_stands_takes_an_old_fetch_and_asks_only_for_none(offsets, lag):
    # For a stall's watch: an end offset only grows, so an old fetch's still says records wait
    # (fetches that stopped are one way to stall); the broker is asked where nothing was fetched.
    old, never, other = offsets.own(0), offsets.own(1), offsets.own(0, topic="insights")
    offsets.fetched[old] = (40, NOW - 600)
    offsets.broker_ends[never] = 8
    offsets.committed_.update({old: 30, other: 1})
    offsets.handled_[old] = 33
    assert await lag.standing() == {old: (33, 40), never: (None, 8)}
    assert offsets.asked_ends == [[never]]
    assert lag.fetch_age(old) == 600
    assert lag.fetch_age(never) is None


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
    offsets = FaustOffsets(app, HandledOffsets(set))
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
    assert FaustOffsets(app, HandledOffsets(set)).fetched_end(TP(TOPIC, 0)) is None


class _Event:
    def __init__(self, topic: str, partition: int, offset: int) -> None:
        self.message = SimpleNamespace(topic=topic, partition=partition, offset=offset)


def test_handled_offsets_note_the_offset_after_each_partitions_last_finished_event():
    assigned = {TP(TOPIC, 0), TP(TOPIC, 1)}
    handled = HandledOffsets(lambda: assigned)
    handled.note([_Event(TOPIC, 0, 7), _Event(TOPIC, 1, 3), _Event(TOPIC, 0, 8)])
    assert handled.get(TP(TOPIC, 0)) == 9
    assert handled.get(TP(TOPIC, 1)) == 4
    handled.note([])
    assert handled.get(TP(TOPIC, 0)) == 9
    # A batch that finished after its partition moved away is not noted: when the partition
    # comes back the agent starts again from the committed offset.
    assigned.discard(TP(TOPIC, 1))
    handled.forget([TP(TOPIC, 1)])
    handled.note([_Event(TOPIC, 1, 5)])
    assert handled.get(TP(TOPIC, 1)) is None
    assigned.add(TP(TOPIC, 1))
    assert handled.get(TP(TOPIC, 1)) is None
    handled.note([_Event(TOPIC, 1, 2)])  # replayed from the commit: lower than before
    assert handled.get(TP(TOPIC, 1)) == 3


def test_faust_offsets_read_what_the_agent_finished():
    tp = TP(TOPIC, 0)
    handled = HandledOffsets(lambda: {tp})
    offsets = FaustOffsets(_faust_app(), handled)
    assert offsets.handled(tp) is None
    handled.note([_Event(TOPIC, 0, 41)])
    assert offsets.handled(tp) == 42


class _Coordinator:
    """The group's committed offsets, asked through the consumer thread."""

    def __init__(self, committed: dict[TP, int]) -> None:
        self.committed = committed
        self.asked: list[list[TP]] = []

    async def __call__(self, tps: set[TP]) -> dict[TP, int]:
        self.asked.append(sorted(tps))
        return {tp: self.committed[tp] for tp in tps if tp in self.committed}


async def test_a_partition_faust_never_sought_counts_as_done_up_to_the_groups_commit(offsets):
    """After a rebalance Faust cut short, its copy of the committed offsets stays empty: a
    quiet partition taken over was never caught up, so never restored nor ticked."""
    quiet, busy, mine = offsets.own(0), offsets.own(1), offsets.own(2)
    for tp in (quiet, busy, mine):
        offsets.fetched[tp] = (40, NOW - 1.0)
    offsets.committed_[mine] = 40
    handled = HandledOffsets(offsets.assignment)
    offsets.handled = handled.get
    clock = [0.0]
    lag = PartitionLag(offsets, TOPIC, max_fetch_age=5.0, clock=lambda: NOW)
    coordinator = _Coordinator({quiet: 40, busy: 31})
    starts = CommittedStarts(lag, handled, coordinator, every_seconds=5.0, clock=lambda: clock[0])
    assert lag.caught_up() == [2]

    await starts.fill()
    assert coordinator.asked == [[quiet, busy]]  # not the partition Faust's copy knows
    assert lag.known() == {0: 0, 1: 9, 2: 0}
    assert sorted(lag.caught_up()) == [0, 2]
    # Known now: not asked again; what the agent then finishes says more.
    await starts.fill()
    handled.note([_Event(TOPIC, 1, 39)])
    assert sorted(lag.caught_up()) == [0, 1, 2]
    assert coordinator.asked == [[quiet, busy]]


async def test_committed_offsets_are_asked_again_only_after_a_while(offsets):
    tp = offsets.own(0)
    handled = HandledOffsets(offsets.assignment)
    offsets.handled = handled.get
    clock = [0.0]
    lag = PartitionLag(offsets, TOPIC)
    coordinator = _Coordinator({})  # nothing committed, or the answer lost
    starts = CommittedStarts(lag, handled, coordinator, every_seconds=5.0, clock=lambda: clock[0])
    await starts.fill()
    clock[0] = 4.9
    await starts.fill()
    assert coordinator.asked == [[tp]]
    clock[0] = 5.0
    coordinator.committed[tp] = 12
    await starts.fill()
    assert coordinator.asked == [[tp], [tp]]
    assert handled.get(tp) == 12


def test_a_start_never_goes_back_nor_lands_on_a_partition_moved_away():
    assigned = {TP(TOPIC, 0)}
    handled = HandledOffsets(lambda: assigned)
    handled.note([_Event(TOPIC, 0, 41)])
    handled.start(TP(TOPIC, 0), 30)  # asked before that batch finished
    assert handled.get(TP(TOPIC, 0)) == 42
    handled.start(TP(TOPIC, 1), 30)  # revoked while it was asked
    assert handled.get(TP(TOPIC, 1)) is None
