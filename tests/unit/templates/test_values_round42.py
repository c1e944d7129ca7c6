"""Forty-second round: a state in the middle of a message (one word of one case, nothing else
but labels' values differing beside it) becomes a variable after ``min_distinct_upper_states``
(4) UPPER_CASE words, where Capitalised ones still need ``min_distinct_states`` (5); and a
state's distinct words are counted in one family whatever the labels' values beside it, equal
or not (``miner._words_vary``, ``_label_values``).
"""

from __future__ import annotations

import pytest

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.miner import _label_values, _labelled
from tests.unit.templates.conftest import mine_all


def _split(text: str) -> list[str]:
    return text.split()


def _removed(methods: list[str]) -> list[str]:
    return [
        f"Removed {n} tasks from {method} old iterations for DO_WHILE task {n} in workflow w"
        for n, method in enumerate(methods)
    ]


def test_four_upper_case_states_in_the_middle_are_values(miners: ServiceMiners) -> None:
    texts = mine_all(miners, _removed(["GET", "PATCH", "PUT", "POST", "GET", "PUT"]))
    assert set(texts) == {
        "Removed <*> tasks from <*> old iterations for DO_WHILE task <*> in workflow w"
    }


def test_three_upper_case_states_stay_events(miners: ServiceMiners) -> None:
    texts = mine_all(miners, _removed(["LEADING", "FOLLOWING", "LOOKING", "LEADING"]))
    assert len(set(texts)) == 3


def test_four_capitalised_words_in_the_middle_stay_events(miners: ServiceMiners) -> None:
    # Nouns of the format (one call per noun) more often than an enum's values.
    kinds = ["Chapter", "Library", "Series", "Volume", "Chapter"]
    messages = [
        f"There was an issue uploading cover image for {k} {n}" for n, k in enumerate(kinds)
    ]
    assert len(set(mine_all(miners, messages))) == 4


def test_the_upper_case_threshold_is_configurable() -> None:
    methods = ["GET", "PATCH", "PUT", "POST", "GET"]
    five = ServiceMiners(MinerConfig(min_distinct_upper_states=5))
    assert len(set(mine_all(five, _removed(methods)))) == 4
    off = ServiceMiners(MinerConfig(min_distinct_upper_states=0))
    assert len(set(mine_all(off, _removed([*methods, "DELETE", "HEAD"])))) == 6
    with pytest.raises(ValueError):
        MinerConfig(min_distinct_upper_states=1)


def test_label_values_are_found_equal_or_not() -> None:
    mine = _split("x replies to STOPPED vote request: 7. Peer's state: READY")
    theirs = _split("y replies to FAILED vote request: 8. Peer's state: READY")
    # ``7.`` / ``8.``, closed by a full stop before the next sentence, is a label's value
    # too (round 76), differing; ``READY`` one equal in both.
    assert _label_values(mine, theirs) == [6, 9]
    # A label's value closed by a comma before the next label; not a word before a label.
    mine = _split("moved FAILED reason: HEAD, message: x")
    assert _label_values(mine, mine) == [3, 5]
    assert _label_values(["a:", "b"], ["a:", "b"]) == []


def test_a_state_is_counted_whatever_the_label_value_beside_it(miners: ServiceMiners) -> None:
    # Five states, each first seen with another peer state after the label: before, each pair
    # of a state and a peer state (or a template with and without the label's value made a
    # variable) was counted apart, and the five states stayed five events.
    pairs = [
        ("OFFLINE", "READY"),
        ("INACTIVE", "READY"),
        ("STOPPED", "NOT_READY"),
        ("OFFLINE", "READY"),
        ("STOPPED", "NOT_READY"),
        ("STOPPED", "INACTIVE"),
        ("ACTIVE", "INACTIVE"),
        ("FAILED", "NOT_READY"),
        ("OFFLINE", "NOT_READY"),
        ("STOPPED", "INACTIVE"),
        ("FAILED", "NOT_READY"),
        ("ACTIVE", "READY"),
    ]
    messages = [
        f"{n:08x}{n:08x} replies to {state} vote request: {n * 7919}. Peer's state: {peer}"
        for n, (state, peer) in enumerate(pairs)
    ]
    config = MinerConfig(min_distinct_upper_states=5)  # the count of five, as Capitalised ones
    texts = mine_all(ServiceMiners(config), messages)
    assert texts[-1].startswith("<*> replies to <*> vote request: <*>")
    assert set(texts[-5:]) == {texts[-1]}


def test_a_word_ending_the_message_after_a_spaced_equals_is_its_value() -> None:
    mine = _split("debug: MQTT SSL/TLS: Path to client certificate = PUT")
    theirs = _split("debug: MQTT SSL/TLS: Path to client certificate = HEAD")
    assert _labelled(mine, theirs, 8)
    assert _label_values(mine, theirs) == [8]
    # Not before the end, nor glued to the word, nor with another sign.
    assert not _labelled(_split("set x = PUT now"), _split("set x = HEAD now"), 3)
    assert not _labelled(_split("set x =PUT"), _split("set x =HEAD"), 2)
    assert not _labelled(_split("set x == PUT"), _split("set x == HEAD"), 3)


def test_two_words_after_a_spaced_equals_are_one_event(miners: ServiceMiners) -> None:
    # Two values only, as after a label (``Link Status: UP`` / ``DOWN``); before, an UPPER_CASE
    # word at the end needed min_distinct_words (3) of them.
    messages = [f"Path to client certificate = {m}" for m in ("PUT", "HEAD", "PUT", "HEAD")]
    assert set(mine_all(miners, messages)) == {"Path to client certificate = <*>"}
