from types import SimpleNamespace
from typing import Any

from pipeline.agents.sequence import OffsetSequence
from tests.factories import Clock


def event(offset: int, partition: int = 0, topic: str = "logs") -> Any:
    return SimpleNamespace(message=SimpleNamespace(topic=topic, partition=partition, offset=offset))


def offsets(events: list[Any]) -> list[tuple[int, int]]:
    return [(e.message.partition, e.message.offset) for e in events]


def started(**firsts: int) -> OffsetSequence:
    sequence = OffsetSequence()
    for name, offset in firsts.items():
        sequence.start(("logs", int(name[1:])), offset)
    return sequence


def test_partitions_without_an_expectation_are_named():
    sequence = started(p0=5)
    assert sequence.unknown([event(5), event(0, partition=1)]) == {("logs", 1)}


def test_events_in_sequence_are_kept_across_batches_and_partitions():
    sequence = started(p0=5, p1=0)
    first = sequence.sort([event(5), event(0, partition=1), event(6)])
    second = sequence.sort([event(7), event(1, partition=1)])
    assert offsets(first.keep) == [(0, 5), (1, 0), (0, 6)]
    assert offsets(second.keep) == [(0, 7), (1, 1)]
    assert first.seek == second.seek == {} and first.dropped == second.dropped == []


def test_a_gap_seeks_back_once_and_drops_the_partition_until_the_missing_event_comes():
    sequence = started(p0=5, p1=0)
    # Faust dropped 6 and 7 of partition 0 in a rebalance, and handed on 8 and 9.
    gapped = sequence.sort([event(5), event(8), event(0, partition=1), event(9)])
    assert offsets(gapped.keep) == [(0, 5), (1, 0)]
    assert gapped.seek == {("logs", 0): 6}
    assert offsets(gapped.dropped) == [(0, 8), (0, 9)]
    # Stale events still in the buffer: dropped again, no second seek.
    stale = sequence.sort([event(10), event(1, partition=1)])
    assert stale.seek == {} and offsets(stale.dropped) == [(0, 10)]
    assert offsets(stale.keep) == [(1, 1)]
    # After the seek: 6 on, in order.
    again = sequence.sort([event(6), event(7), event(8)])
    assert offsets(again.keep) == [(0, 6), (0, 7), (0, 8)]
    assert again.seek == {}


def test_an_event_before_the_expected_offset_was_handled_already():
    sequence = started(p0=5)
    verdict = sequence.sort([event(3), event(4), event(5)])
    assert offsets(verdict.keep) == [(0, 5)]
    assert offsets(verdict.dropped) == [(0, 3), (0, 4)]
    assert verdict.seek == {}


def test_a_gap_after_a_finished_seek_seeks_again():
    sequence = started(p0=0)
    assert sequence.sort([event(2)]).seek == {("logs", 0): 0}
    assert offsets(sequence.sort([event(0), event(1)]).keep) == [(0, 0), (0, 1)]
    assert sequence.sort([event(4)]).seek == {("logs", 0): 2}


def test_forgetting_starts_every_partition_again():
    sequence = started(p0=5)
    sequence.sort([event(6)])
    sequence.forget()
    assert sequence.unknown([event(9)]) == {("logs", 0)}
    sequence.start(("logs", 0), 9)
    assert offsets(sequence.sort([event(9)]).keep) == [(0, 9)]


def test_a_seek_that_brought_nothing_is_made_again_when_more_stale_events_come():
    clock = Clock(100.0)
    sequence = OffsetSequence(reseek_seconds=3.0, clock=clock)
    sequence.start(("logs", 0), 5)
    assert sequence.sort([event(8)]).seek == {("logs", 0): 5}
    clock.now += 2.9
    assert sequence.sort([event(9)]).seek == {}
    # Faust dropped what the seek fetched (its read offset was raised again): seek again.
    clock.now += 0.1
    again = sequence.sort([event(10), event(11)])
    assert again.seek == {("logs", 0): 5} and offsets(again.dropped) == [(0, 10), (0, 11)]
    assert sequence.sort([event(12)]).seek == {}
    assert offsets(sequence.sort([event(5), event(6)]).keep) == [(0, 5), (0, 6)]


def test_a_seek_that_brought_nothing_is_overdue_even_when_no_event_comes():
    clock = Clock(100.0)
    sequence = OffsetSequence(reseek_seconds=3.0, clock=clock)
    sequence.start(("logs", 0), 5)
    sequence.start(("logs", 1), 40)
    sequence.sort([event(8), event(41, partition=1)])
    assert sequence.overdue() == {}
    clock.now += 3.0
    assert sequence.overdue() == {("logs", 0): 5, ("logs", 1): 40}
    # Sought again now: not overdue until another interval passes.
    assert sequence.overdue() == {}
    sequence.sort([event(40, partition=1)])  # partition 1 is back in sequence
    clock.now += 3.0
    assert sequence.overdue() == {("logs", 0): 5}
    sequence.forget()
    clock.now += 3.0
    assert sequence.overdue() == {}


def test_a_partitions_expectation_is_described_for_a_stalls_report():
    clock = Clock()
    sequence = OffsetSequence(reseek_seconds=3.0, clock=clock)
    assert "no event of it since it was assigned" in sequence.describe(("logs", 0))
    sequence.start(("logs", 0), 5)
    assert sequence.describe(("logs", 0)) == "the agent waits for offset 5"
    sequence.sort([event(8)])
    clock.now += 7
    assert sequence.describe(("logs", 0)) == (
        "the agent waits for offset 5, having sought back to it 7 s ago"
    )
