"""Sixty-eighth round: the word after the noun ``type`` is the type's value.

Formats write the kind they report right after the noun (``of type %s``, ``task type %s``):
the word there is a value, as a label's is, whatever its case. A program often has few kinds,
and a word needed min_distinct_words of them (an UPPER_CASE one min_distinct_upper_states)
before its position became a variable, so the two or three kinds a log shows made a template
each (``type HEAD`` / ``type GET``). Two of them are now enough (``miner._kind_named``).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_two_upper_case_kinds_after_type_are_one_event(miners: ServiceMiners) -> None:
    messages = [
        "Queued outgoing messages with stream_id 588, type HEAD for node-34.corp: done",
        "Queued outgoing messages with stream_id 314, type GET for node-14.corp: done",
        "Queued outgoing messages with stream_id 77, type HEAD for node-2.corp: done",
        "Queued outgoing messages with stream_id 91, type GET for node-9.corp: done",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Queued outgoing messages with stream_id <*>, type <*> for <*>: done"}


def test_two_lower_case_kinds_ending_the_message_are_one_event(miners: ServiceMiners) -> None:
    messages = [
        "Error: Ignored cancel of a non-waiting event of type btrfs",
        "Error: Ignored cancel of a non-waiting event of type overlayfs",
        "Error: Ignored cancel of a non-waiting event of type btrfs",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Error: Ignored cancel of a non-waiting event of type <*>"}


def test_capitalised_type_is_no_kind_noun(miners: ServiceMiners) -> None:
    # Guard: the noun as a sentence writes it, lower case. ``Type`` capitalised is a field's
    # name or a title's word; its UPPER_CASE words stay states until enough of them.
    messages = [
        "Received packet Type HEAD from peer 10.0.0.1 on the bus",
        "Received packet Type DATA from peer 10.0.0.2 on the bus",
        "Received packet Type HEAD from peer 10.0.0.3 on the bus",
    ]
    templates = mine_all(miners, messages)
    assert len(set(templates)) == 2


def test_outcome_after_command_stays_a_word(miners: ServiceMiners) -> None:
    # Guard: after ``command`` the words of an outcome follow (``command successful`` /
    # ``command failed``): other events, not one command's name. Since round 73 ``command``
    # is a kind noun too, and a past form after it is what keeps the outcome a word
    # (``miner._outcome_word``); ``successful`` / ``error``, no past form, would be one.
    messages = [
        "FTP command successful for session 12 on the control channel",
        "FTP command failed for session 13 on the control channel",
        "FTP command successful for session 14 on the control channel",
        "FTP command failed for session 15 on the control channel",
    ]
    templates = mine_all(miners, messages)
    assert (
        templates[0]
        == templates[2]
        == "FTP command successful for session <*> on the control channel"
    )
    assert (
        templates[1] == templates[3] == "FTP command failed for session <*> on the control channel"
    )
