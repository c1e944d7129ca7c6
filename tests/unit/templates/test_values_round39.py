"""Thirty-ninth round: an open head (a plain word without a colon, ``Got error sending
events %s``) records a tail already seen after another head once, not only one already learnt
as a value (after two), and the tail's open heads are rechecked when it becomes a value, as the
heads ending in ``:`` are: the service may print its error texts after the open head before it
has printed them after a second colon head. Tails never seen after colons keep events apart.
"""

from __future__ import annotations

from pipeline.templates import MinerConfig, ServiceMiners
from tests.unit.templates.conftest import mine_all

_FIRST_COLON_HEAD = [
    "Failed to open cache: timed out",
    "Failed to open cache: Cannot connect to host 10.0.0.1:80",
]
_SECOND_COLON_HEAD = [
    "Lookup of user failed: timed out",
    "Lookup of user failed: Cannot connect to host 10.0.0.2:80",
]


def test_a_tail_seen_after_one_colon_head_is_recorded_after_an_open_head() -> None:
    messages = [
        *_FIRST_COLON_HEAD,
        "Got error sending events timed out",
        *_SECOND_COLON_HEAD,
        "Got error sending events Cannot connect to host 10.0.0.3:80",
        "Got error sending events timed out",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert texts[2] == texts[5] == texts[6]
    assert texts[5].startswith("Got error sending events <*>")


def test_open_heads_are_rechecked_when_their_tails_become_values() -> None:
    messages = [
        *_FIRST_COLON_HEAD,
        "Got error sending events timed out",
        "Got error sending events Cannot connect to host 10.0.0.3:80",
        *_SECOND_COLON_HEAD,
        "Got error sending events timed out",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert texts[2] == texts[3] == texts[6]
    assert texts[6].startswith("Got error sending events <*>")


def test_tails_seen_after_one_colon_head_do_not_join_an_open_head() -> None:
    messages = [
        *_FIRST_COLON_HEAD,
        "Got error sending events timed out",
        "Got error sending events Cannot connect to host 10.0.0.3:80",
        "Got error sending events timed out",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert texts[2] != texts[3]
    assert "<*>" not in texts[2]


def test_tails_not_seen_after_colons_stay_events() -> None:
    messages = [
        *_FIRST_COLON_HEAD,
        *_SECOND_COLON_HEAD,
        "Cache entry created in memory",
        "Cache entry removed from the disk",
        "Cache entry expired after restart of node",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert len(set(texts[4:])) == 3
