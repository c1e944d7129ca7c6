"""The bridge's intake gate: hysteresis, off at 0, failed readings, Kafka messages to records."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bridges.backpressure import Change, HeldBack, IntakeGate, SentMessages

NOW = 100.0


def gate_at(lag: int, max_lag: int = 1000, per_message: int = 1) -> IntakeGate:
    """A gate that sent messages of ``per_message`` records and read ``lag`` records."""
    gate = IntakeGate(max_lag)
    gate.messages.sent(0, per_message)
    gate.reading()
    gate.measured({0: lag // per_message}, NOW)
    return gate


# --- hysteresis ---------------------------------------------------------------------------------


def test_pauses_past_the_mark_and_resumes_only_at_half_of_it():
    gate = IntakeGate(1000)
    gate.reading()
    assert gate.measured({0: 1000}, NOW) is None  # at the mark: not past it
    gate.reading()
    assert gate.measured({0: 1001}, NOW) is Change.PAUSE
    assert gate.paused
    for lag in (900, 700, 501):
        gate.reading()
        assert gate.measured({0: lag}, NOW) is None
        assert gate.paused
    gate.reading()
    assert gate.measured({0: 500}, NOW) is Change.RESUME
    assert not gate.paused
    gate.reading()
    assert gate.measured({0: 900}, NOW) is None  # under the mark again: stays open


def test_the_lag_sums_every_partition():
    gate = IntakeGate(1000)
    gate.reading()
    assert gate.measured({0: 400, 1: 400, 2: 201}, NOW) is Change.PAUSE
    assert gate.lag == 1001


def test_records_taken_between_readings_pause_at_once():
    gate = gate_at(900)
    assert gate.took(50) is None
    assert gate.took(51) is Change.PAUSE
    assert gate.lag == 1001
    assert gate.took(10) is None  # already paused; taking never resumes


def test_records_taken_while_a_reading_is_under_way_still_count_after_it():
    gate = gate_at(0)
    gate.took(300)  # in the next reading
    gate.reading()
    gate.took(200)  # perhaps not in it
    gate.measured({0: 300}, NOW)
    assert gate.lag == 500
    gate.reading()
    gate.measured({0: 500}, NOW)
    assert gate.lag == 500


def test_a_mark_of_one_resumes_when_nothing_is_left():
    gate = gate_at(2, max_lag=1)
    assert gate.paused
    gate.reading()
    assert gate.measured({0: 1}, NOW) is None
    gate.reading()
    assert gate.measured({0: 0}, NOW) is Change.RESUME


# --- disabled -----------------------------------------------------------------------------------


def test_a_mark_of_zero_never_pauses():
    gate = IntakeGate(0)
    gate.reading()
    assert gate.measured({0: 10**9}, NOW) is None
    assert gate.took(10**9) is None
    assert gate.failed(NOW + 3600) is None
    assert not gate.paused


# --- failed readings ----------------------------------------------------------------------------


def test_a_failed_reading_keeps_the_pause_for_the_grace_then_opens():
    gate = gate_at(5000)
    assert gate.paused
    assert gate.failed(NOW + 1) is None
    assert gate.failed(NOW + gate.grace_seconds) is None
    assert gate.paused and gate.lag == 5000
    assert gate.failed(NOW + gate.grace_seconds + 0.1) is Change.RESUME
    assert not gate.paused and gate.lag is None
    # Blind, taking records does not pause it again...
    assert gate.took(10**6) is None
    # ... a good reading does.
    gate.reading()
    assert gate.measured({0: 5000}, NOW + 20) is Change.PAUSE


def test_an_open_gate_stays_open_while_readings_fail():
    gate = gate_at(10)
    assert gate.failed(NOW + 1) is None
    assert gate.failed(NOW + 60) is None
    assert not gate.paused


def test_before_any_good_reading_a_failure_leaves_it_open():
    gate = IntakeGate(1000)
    assert gate.failed(NOW) is None
    assert gate.lag is None
    assert gate.took(5000) is None


# --- Kafka messages to records ------------------------------------------------------------------


def test_the_newest_messages_are_counted_exactly_per_partition():
    sent = SentMessages()
    for records in (10, 20, 30):
        sent.sent(0, records)
    sent.sent(1, 7)
    assert sent.records(0, 0) == 0
    assert sent.records(0, 1) == 30
    assert sent.records(0, 2) == 50
    assert sent.records(0, 3) == 60
    assert sent.records(1, 1) == 7


def test_messages_past_those_remembered_count_at_the_partitions_average():
    sent = SentMessages(keep=2)
    for records in (1000, 10, 30):  # the 1000 is forgotten
        sent.sent(0, records)
    assert sent.average(0) == 20
    assert sent.records(0, 2) == 40
    assert sent.records(0, 5) == 40 + 3 * 20


def test_a_partition_never_sent_to_counts_at_the_average_of_all_and_one_before_any():
    sent = SentMessages()
    assert sent.records(3, 5) == 5
    sent.sent(0, 10)
    sent.sent(1, 30)
    assert sent.records(3, 5) == 100


def test_the_gate_converts_kafka_messages_to_records():
    gate = IntakeGate(1000)
    for _ in range(10):
        gate.messages.sent(0, 100)
    gate.reading()
    assert gate.measured({0: 10}, NOW) is None
    assert gate.lag == 1000
    gate.messages.sent(0, 101)  # the newest ten now carry 1001
    gate.reading()
    assert gate.measured({0: 10}, NOW) is Change.PAUSE


@given(st.lists(st.integers(0, 5000), min_size=1, max_size=60), st.integers(1, 60))
def test_remembered_messages_count_what_was_sent(sizes, newest):
    sent = SentMessages(keep=64)
    for size in sizes:
        sent.sent(0, size)
    newest = min(newest, len(sizes))
    assert sent.records(0, newest) == sum(sizes[len(sizes) - newest :])


def test_held_back_while_paused_and_until_the_resumed_intake_settles():
    held = HeldBack(settle_seconds=5.0)
    assert not held.holding(0.0)
    held.observe(False, 1.0)  # readings while open never hold
    assert not held.holding(1.0)
    held.observe(True, 10.0)
    assert held.holding(10.0) and held.holding(500.0)  # however long the pause lasts
    held.observe(True, 11.0)  # a later reading, still paused
    held.observe(False, 60.0)
    assert held.holding(60.0) and held.holding(64.9)
    assert not held.holding(65.0)
    held.observe(False, 70.0)  # open again: readings do not restart the settling
    assert not held.holding(70.0)
