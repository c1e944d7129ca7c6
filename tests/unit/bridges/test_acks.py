"""Acks in runs: one multiple-ack per run of settled deliveries, never of a nacked one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bridges.acks import AckRuns


def taken(*tags: int) -> AckRuns[str]:
    runs: AckRuns[str] = AckRuns()
    for tag in tags:
        runs.took(tag, f"m{tag}")
    return runs


def test_a_run_settled_in_order_is_one_ack_of_its_last():
    runs = taken(1, 2, 3)
    for tag in (1, 2, 3):
        runs.settled(tag, True)
    assert runs.flush() == "m3"
    assert runs.outstanding == 0
    assert runs.flush() is None


def test_nothing_is_acked_while_the_oldest_is_pending():
    runs = taken(1, 2, 3)
    runs.settled(2, True)
    runs.settled(3, True)
    assert runs.flush() is None
    assert runs.outstanding == 3
    runs.settled(1, True)
    assert runs.flush() == "m3"


def test_the_run_stops_at_the_first_pending_delivery():
    runs = taken(4, 5, 6, 7)
    for tag in (4, 5, 7):
        runs.settled(tag, True)
    assert runs.flush() == "m5"
    assert runs.outstanding == 2
    runs.settled(6, True)
    assert runs.flush() == "m7"


def test_a_nacked_delivery_ends_no_ack_and_is_never_acked():
    runs = taken(1, 2, 3)
    runs.settled(1, True)
    runs.settled(2, True)
    runs.settled(3, False)
    # Acking 3 would name a tag the broker no longer holds (the caller nacked it).
    assert runs.flush() == "m2"
    assert runs.outstanding == 0


def test_a_run_of_nacks_alone_acks_nothing():
    runs = taken(1, 2)
    runs.settled(1, False)
    runs.settled(2, False)
    assert runs.flush() is None
    assert runs.outstanding == 0


def test_tags_must_rise():
    runs = taken(3)
    with pytest.raises(ValueError, match="not in order"):
        runs.took(3, "again")


@given(st.lists(st.tuples(st.booleans(), st.integers(0, 1000)), min_size=1, max_size=60))
def test_every_delivery_settled_well_is_covered_by_exactly_one_later_ack(settles):
    """Whatever the order of settles and flushes: each delivery settled well is covered by
    one multiple-ack (the first ack whose tag is >= its own), no ack names a nacked delivery,
    and once all are settled none is left."""
    tags = list(range(1, len(settles) + 1))
    runs: AckRuns[int] = AckRuns()
    for tag in tags:
        runs.took(tag, tag)
    order = sorted(tags, key=lambda t: settles[t - 1][1])
    oks = {tag: settles[tag - 1][0] for tag in tags}
    acks: list[int] = []
    for tag in order:
        runs.settled(tag, oks[tag])
        if (last := runs.flush()) is not None:
            acks.append(last)
    assert runs.outstanding == 0
    assert acks == sorted(acks) and len(set(acks)) == len(acks)
    assert all(oks[a] for a in acks)
    covered = [tag for tag in tags if oks[tag]]
    assert all(any(a >= tag for a in acks) for tag in covered)
    if covered:
        assert acks[-1] == max(covered)
