"""The group's lag from its committed, end and first offsets (the reading itself runs against
the real Kafka in tests/integration/stream/test_backpressure.py)."""

from __future__ import annotations

from pipeline.group_lag import uncommitted


def test_the_lag_is_the_end_minus_the_committed_offset():
    assert uncommitted({0: 50, 1: 7}, {0: 40, 1: 7}, {}) == {0: 10, 1: 0}


def test_a_partition_never_committed_counts_from_its_first_offset():
    # -1 is what the coordinator answers for a partition the group has not committed.
    assert uncommitted({0: 50, 1: 50}, {0: -1}, {0: 20, 1: 5}) == {0: 30, 1: 45}


def test_a_commit_ahead_of_a_stale_end_is_no_negative_lag():
    assert uncommitted({0: 10}, {0: 12}, {}) == {0: 0}
