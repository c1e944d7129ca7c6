"""Seventy-first round: a label's value closed by a comma before a key's field.

A format that writes a state after a label and then a key's field (Apprise's ``Failed to send
%s notification: %s, error=%s.``) printed ``notification: READY, error=266442337.`` and
``notification: DEGRADED, error=806430119.``: the word after the label, closed by a comma, is
the label's value, as it was before a next label (``reason: HEAD, message: ...``, round 42),
and two of them are enough (``miner._labelled``). A key's field (``error=``) now counts as
that next label, with the same key in both messages; the comma is still asked for.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_a_state_after_a_label_before_a_keys_field_is_a_value(miners: ServiceMiners) -> None:
    messages = [
        "Failed to send Relay notification: READY, error=266442337.",
        "Failed to send Relay notification: DEGRADED, error=806430119.",
        "Failed to send Relay notification: READY, error=3830122.",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Failed to send Relay notification: <*>, error=<*>."}


def test_a_capitalised_state_before_a_keys_field_is_a_value(miners: ServiceMiners) -> None:
    messages = [
        "worker pool update: Running, queued=12",
        "worker pool update: Stopped, queued=4",
        "worker pool update: Running, queued=7",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"worker pool update: <*>, queued=<*>"}


def test_a_word_without_a_comma_before_a_keys_field_stays(miners: ServiceMiners) -> None:
    # Guard: without the comma closing it the word may run on into the message (``status:
    # ready error=<*>``); the rule asks for the comma, as it did before a label.
    messages = [
        "Failed to send Relay notification: READY error=266442337.",
        "Failed to send Relay notification: DEGRADED error=806430119.",
        "Failed to send Relay notification: READY error=3830122.",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {
        "Failed to send Relay notification: READY error=<*>.",
        "Failed to send Relay notification: DEGRADED error=<*>.",
    }
