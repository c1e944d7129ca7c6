"""Forty-fifth round: a Capitalised state amid a sentence of at least five words written alike,
a word after it (``Invalid task state Running provided for detection, ignoring`` /
``Succeeded``), is the event's value after as few distinct values as other words need
(``min_distinct_words``), not ``min_distinct_states``; a Capitalised word before a value
(``for Chapter 7``: the kind the value names), an UPPER_CASE state and a state in a short
message still need ``min_distinct_states`` of them (``miner._words_vary``).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_a_state_amid_a_long_sentence_is_a_value_after_three(miners: ServiceMiners) -> None:
    states = ["Running", "Succeeded", "Terminating"]
    messages = [f"Invalid task state {s} provided for detection, ignoring" for s in states]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Invalid task state <*> provided for detection, ignoring"}


def test_a_state_between_labels_is_a_value_after_three(miners: ServiceMiners) -> None:
    messages = [
        f"processInstance: {n} state was: {s}, skip submit this task, taskCode: {n * 7}"
        for n, s in [(11, "Failed"), (12, "Succeeded"), (13, "Unknown")]
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {
        "processInstance: <*> state was: <*>, skip submit this task, taskCode: <*>"
    }


def test_a_kind_before_a_value_stays_apart(miners: ServiceMiners) -> None:
    kinds = ["Chapter", "Library", "Series"]
    messages = [
        f"There was an issue uploading cover image for {k} {n}" for n, k in enumerate(kinds)
    ]
    templates = mine_all(miners, messages)
    assert len(set(templates)) == 3


def test_upper_case_states_and_short_messages_still_need_more(miners: ServiceMiners) -> None:
    upper = ["LEADING", "FOLLOWING", "OBSERVING"]
    # (``role``, not ``state`` as before round 73: the word after ``state`` is its value.)
    messages = [f"Peer reached role {s} after the election of round two" for s in upper]
    assert len(set(mine_all(miners, messages))) == 3
    short = [f"Job entered {s} state" for s in ["Running", "Succeeded", "Terminating"]]
    assert len(set(mine_all(miners, short))) == 3
