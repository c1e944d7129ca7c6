"""Thirty-eighth round: free text printed after a plain word, without a colon (``Got error
sending events %s``), is the message's tail when its texts are values the service has already
printed after heads ending in ``:`` (two of them, each after two heads or more): such a head is
one event with a free tail. Tails never seen after colons keep the events apart.
"""

from __future__ import annotations

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.tails import free_tail_end, open_ends
from tests.unit.templates.conftest import mine_all

_LEARNT = [
    "Failed to open cache: timed out",
    "Lookup of user failed: timed out",
    "Failed to open cache: Cannot connect to host 10.0.0.1:80",
    "Lookup of user failed: Cannot connect to host 10.0.0.2:80",
]


def test_open_ends_are_plain_words_with_a_tail() -> None:
    # A tail of one token too since round 52 (``Unable to show notification Overloaded``).
    tokens = ["Got", "error", "sending", "events", "timed", "out"]
    assert open_ends(tokens) == [1, 2, 3, 4]
    assert open_ends(["x<*>", "error", "sending", "<*>", "a", "b"]) == [2, 4]
    assert open_ends(["events", "timed"]) == []


def test_a_free_tail_after_an_open_head_is_found() -> None:
    tokens = ["Got", "error", "sending", "events", "<*>", "<*>"]
    assert free_tail_end(tokens, labels=True) == 3
    assert free_tail_end(tokens) is None


def test_values_learnt_after_colons_end_a_head_of_words() -> None:
    messages = [
        *_LEARNT,
        "Got error sending events timed out",
        "Got error sending events Cannot connect to host 10.0.0.3:80",
        "Got error sending events Cannot connect to host 10.0.0.4:80",
        "Got error sending events timed out",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert len(set(texts[4:])) == 1
    assert texts[4].startswith("Got error sending events <*>")


def test_tails_not_learnt_after_colons_stay_events() -> None:
    messages = [
        *_LEARNT,
        "Cache entry created in memory",
        "Cache entry removed from the disk",
        "Cache entry expired after restart of node",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert len(set(texts[4:])) == 3
