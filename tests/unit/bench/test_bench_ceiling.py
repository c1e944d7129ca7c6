"""The ceiling benchmark's own logic: timing, accounting of other CPU use, wire grouping."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.analysis.records import LogRecord
from pipeline.ingest.intake import Accepted
from pipeline.ingest.wire import decode_batch, encode_record
from tests.bench.bench_ceiling import (
    NOTHING,
    Budget,
    EventCounter,
    Measurement,
    Reading,
    Span,
    Stopwatch,
    machine_ticks,
    markdown_table,
    measured,
    process_ticks,
    service_workers,
    timed_prefix,
    wire_messages,
)


class FakeMachine:
    """A clock and CPU counters the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0
        self.own = 5.0
        self.busy = 50.0
        self.steal = 1.0
        self.workers: dict[int, float] = {}

    def read(self) -> Reading:
        return Reading(self.now, self.own, self.busy, self.steal, dict(self.workers))

    def clock(self) -> float:
        return self.now

    def watch(self) -> Stopwatch:
        return Stopwatch(self.read, self.clock)


def test_a_span_splits_cpu_into_own_others_workers_and_stolen() -> None:
    start = Reading(10.0, 1.0, 20.0, 0.5, {7: 3.0, 8: 1.0})
    end = Reading(12.0, 2.5, 24.0, 0.75, {7: 3.5, 9: 0.25})
    # pid 8 ended (its share is lost), pid 9 started during the span (all of it counts).
    assert end.since(start) == Span(2.0, 1.5, 2.5, 0.25, 0.75)


def test_others_never_go_below_zero_when_counters_round_differently() -> None:
    start = Reading(0.0, 0.0, 10.0, 0.0, {})
    end = Reading(1.0, 1.0, 10.5, 0.0, {})
    assert end.since(start).other_cpu == 0.0


def test_machine_ticks_reads_the_cpu_line() -> None:
    stat = "cpu  100 5 20 900 3 1 2 7 0 0\ncpu0 50 2 10 450 1 0 1 3 0 0\n"
    assert machine_ticks(stat) == (100 + 5 + 20 + 1 + 2, 7)
    with pytest.raises(ValueError):
        machine_ticks("intr 1 2 3\n")


def test_process_ticks_survive_a_command_name_with_spaces_and_parentheses() -> None:
    stat = "42 (a (weird) name) S 1 42 42 0 -1 4194560 1 0 0 0 17 4 0 0 20 0 1 0 9 1 1"
    assert process_ticks(stat) == 21


def test_service_workers_are_found_by_their_arguments(tmp_path: Path) -> None:
    def process(pid: int, *argv: str) -> None:
        (tmp_path / str(pid)).mkdir()
        (tmp_path / str(pid) / "cmdline").write_bytes(b"\0".join(a.encode() for a in argv))

    process(10, ".venv/bin/python", "-m", "pipeline", "worker", "--loglevel=info")
    process(11, ".venv/bin/python", "-m", "pipeline", "bench")
    process(12, "python", "-m", "pipeline", "worker")  # ourselves
    process(13, "grep", "pipeline worker")
    (tmp_path / "stat").write_text("cpu 0 0 0 0 0 0 0 0\n")
    assert service_workers(12, tmp_path) == [10]


def test_timed_prefix_times_from_the_warm_up_on_and_still_does_every_item() -> None:
    machine = FakeMachine()

    def work(item: int) -> int:
        machine.now += 1.0
        return item

    results, units, span = timed_prefix(
        [1, 2, 3, 4, 5, 6], work, lambda r: r, warm=2, seconds=2.5, watch=machine.watch
    )
    assert results == [1, 2, 3, 4, 5, 6]
    # Items 3, 4 and 5 are timed: the third one passes 2.5 s.
    assert units == 3 + 4 + 5
    assert span.wall == 3.0


def test_timed_prefix_with_fewer_items_than_the_warm_up_times_nothing() -> None:
    machine = FakeMachine()
    _, units, span = timed_prefix([1], lambda i: i, int, warm=5, seconds=1, watch=machine.watch)
    assert (units, span) == (0, NOTHING)


def accepted(service: str, index: int) -> Accepted:
    record = LogRecord(f"e{index}", 1_767_225_600.0 + index, service, "INFO", f"m{index}")
    return Accepted(service, "INFO", encode_record(record, 1.0))


def test_wire_messages_group_records_by_partition_in_order_leftovers_last() -> None:
    records = [accepted(s, i) for i, s in enumerate(["a", "b", "a", "a", "b"])]
    partition_of: Callable[[str], int] = {"a": 0, "b": 1}.__getitem__
    messages = wire_messages(records, partition_of, 2)
    assert [(m.partition, m.records) for m in messages] == [(0, 2), (1, 2), (0, 1)]
    ids = [[w.record.event_id for w in decode_batch(m.value)[0]] for m in messages]
    assert ids == [["e0", "e2"], ["e1", "e4"], ["e3"]]


def test_an_event_counter_times_after_the_warm_up_until_the_total() -> None:
    machine = FakeMachine()
    counter = EventCounter(total=5, warm=2, seconds=60, watch=machine.watch)
    for _ in range(5):
        machine.now += 0.5
        counter.tick()
    assert counter.done.is_set()
    n, span = counter.result()
    assert (n, span.wall) == (3, 1.5)


def test_an_event_counter_stops_after_its_seconds_and_ignores_later_events() -> None:
    machine = FakeMachine()
    counter = EventCounter(total=1000, warm=1, seconds=2, watch=machine.watch)
    for _ in range(10):
        machine.now += 1.0
        counter.tick()
    assert counter.done.is_set()
    assert counter.result() == (2, Span(2.0, 0.0, 0.0, 0.0, 0.0))


def test_an_event_counter_that_never_started_reports_nothing() -> None:
    counter = EventCounter(total=10, warm=3, seconds=1, watch=FakeMachine().watch)
    counter.tick()
    assert counter.result() == (0, NOTHING)
    assert not counter.done.is_set()


def test_a_row_rate_is_units_over_wall_seconds_and_zero_when_untimed() -> None:
    row = measured("c", "w", "records/s", 500, Span(2.0, 1.25, 0.5, 0.0, 0.25))
    assert (row.rate, row.seconds, row.own_cpu_s, row.other_cpu_s) == (250.0, 2.0, 1.25, 0.5)
    assert row.per_own_cpu_s == 400.0
    untimed = measured("c", "w", "records/s", 0, NOTHING)
    assert (untimed.rate, untimed.per_own_cpu_s) == (0.0, 0.0)


def test_the_markdown_table_has_one_line_per_row_after_the_heading() -> None:
    rows = [
        Measurement("Kafka", "1 record a message", "records/s", 61234.5, 6.0, 367407),
        Measurement("RabbitMQ", "100 a message", "records/s", 300000.0, 1.0, 300000),
    ]
    table = markdown_table(rows, "Measured somewhere.").splitlines()
    assert table[0] == "Measured somewhere."
    assert len(table) == 2 + 2 + len(rows)
    assert "| Kafka | 1 record a message | 61,234 records/s | 367,407 | 6.00 |" in table[4]


def test_the_quick_budget_is_smaller_in_every_bound() -> None:
    quick, default = Budget.quick(), Budget.default()
    assert quick.seconds < default.seconds
    assert quick.records < default.records
    assert quick.kafka_single < default.kafka_single
    assert Budget.default(2.0).seconds == 2.0
