"""Seventy-third round: the word after ``status``, ``state`` or ``command`` is the noun's value.

Formats write a state or a command's name right after the noun (``finished with status %s``,
``in transitional state %s``, ``sending command %s``), as they write a kind after ``type``,
``code``, ``mode`` and ``reason`` (rounds 68 and 72): the word there is a value whatever its
case, and two of them are enough (``miner._kind_named``). Before, plain words needed
min_distinct_words of them, Capitalised ones min_distinct_states and UPPER_CASE ones
min_distinct_upper_states, so the two or three a log shows made a template each. A verb's
past form after ``status`` or ``command`` stays a word of the format (``status success`` /
``failed``): how the thing went, one call each (``miner._outcome_word``).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_two_lower_case_words_after_command_are_one_event(miners: ServiceMiners) -> None:
    messages = [
        "no data, just sending command iptables [12 bytes]",
        "no data, just sending command unpigz [40 bytes]",
        "no data, just sending command iptables [7 bytes]",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"no data, just sending command <*> [<*> bytes]"}


def test_two_upper_case_words_after_status_are_one_event(miners: ServiceMiners) -> None:
    messages = [
        "Erase all finished with status ACTIVE",
        "Erase all finished with status STOPPED",
        "Erase all finished with status ACTIVE",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Erase all finished with status <*>"}


def test_two_capitalised_words_after_state_are_one_event(miners: ServiceMiners) -> None:
    # Amid the sentence (a Capitalised state needed min_distinct_states of them there).
    messages = [
        "Container 41 in transitional state Succeeded at start-up retrying start request",
        "Container 17 in transitional state Waiting at start-up retrying start request",
        "Container 9 in transitional state Succeeded at start-up retrying start request",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {
        "Container <*> in transitional state <*> at start-up retrying start request"
    }


def test_a_past_form_after_state_is_its_value(miners: ServiceMiners) -> None:
    # A state is often named by a participle (``exited``, ``stopped``): its value, not an
    # outcome, unlike after ``status`` and ``command``.
    messages = [
        "Recovery complete, current state exited",
        "Recovery complete, current state dead",
        "Recovery complete, current state exited",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Recovery complete, current state <*>"}


def test_a_past_form_after_status_stays_a_word(miners: ServiceMiners) -> None:
    # Guard: an outcome after ``status`` (``success`` / ``failed``, one a past form) is the
    # event's word, one call each, also ending the message where round 56's participles do
    # not reach (only one of the two is a past form).
    messages = [
        "check cluster status success",
        "check cluster status failed",
        "check cluster status success",
        "check cluster status failed",
    ]
    templates = mine_all(miners, messages)
    assert templates[:2] == ["check cluster status success", "check cluster status failed"]
    assert templates[2:] == templates[:2]
