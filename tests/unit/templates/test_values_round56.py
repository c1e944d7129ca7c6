"""Fifty-sixth round: one word differing amid plain words, a verb's past form in every
message, names the event's action, not a value.

Mopidy writes one call per event of the playback (``Triggering track playback started event``,
``... paused event``, ``... resumed event``), AWX one per outcome (``Host "web" variables
updated`` / ``replaced`` / ``unmodified``): three such words in one place made them values,
and every event became ``Triggering track playback <*> event``. A value in that place is a
name or a number, written another way; the same words after a label's colon (``Task failed:
closed``) are values still.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all

_PLAYBACK = [
    "Triggering track playback started event",
    "Triggering track playback paused event",
    "Triggering track playback resumed event",
    "Triggering track playback ended event",
    "Triggering track playback started event",
]


def test_past_forms_amid_plain_words_stay_apart(miners: ServiceMiners) -> None:
    assert mine_all(miners, _PLAYBACK) == _PLAYBACK


def test_past_forms_ending_the_message_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        'Host "web-1" variables updated',
        'Host "db-2" variables replaced',
        'Host "cache-3" variables unmodified',
        'Host "web-4" variables updated',
    ]
    templates = mine_all(miners, messages)
    assert templates[3] == templates[0] == 'Host "<*>" variables updated'
    assert len(set(templates)) == 3


def test_other_words_amid_plain_words_still_vary(miners: ServiceMiners) -> None:
    # Guard: only past forms in every message; plain words there are values as before.
    messages = [
        "Triggering track playback alpha event",
        "Triggering track playback beta event",
        "Triggering track playback gamma event",
        "Triggering track playback delta event",
    ]
    assert mine_all(miners, messages)[-1] == "Triggering track playback <*> event"


def test_one_past_form_beside_another_word_still_varies(miners: ServiceMiners) -> None:
    # Guard: a past form beside a word of another kind is no rule for either.
    messages = [
        "Triggering track playback started event",
        "Triggering track playback alpha event",
        "Triggering track playback beta event",
        "Triggering track playback gamma event",
    ]
    assert mine_all(miners, messages)[-1] == "Triggering track playback <*> event"


def test_past_forms_after_a_label_s_colon_still_vary(miners: ServiceMiners) -> None:
    # Guard: after a colon a value is written (rebar3's ``Task failed: closed``).
    messages = [
        "Saving state to defaults: stopped",
        "Saving state to defaults: failed",
        "Saving state to defaults: closed",
        "Saving state to defaults: resumed",
    ]
    assert mine_all(miners, messages)[-1] == "Saving state to defaults: <*>"


def test_past_forms_before_a_value_or_a_capital_still_vary(miners: ServiceMiners) -> None:
    # Guard: the words around must be plain lower-case words (or the end).
    messages = [
        "playback started Event",
        "playback paused Event",
        "playback resumed Event",
        "playback ended Event",
    ]
    assert mine_all(miners, messages)[-1] == "playback <*> Event"


def test_past_forms_after_a_value_still_vary(miners: ServiceMiners) -> None:
    # Guard: the word before must be a plain lower-case word, not a value.
    messages = [
        "task 17 started now",
        "task 18 stopped now",
        "task 19 paused now",
        "task 20 resumed now",
    ]
    assert mine_all(miners, messages)[-1] == "task <*> <*> now"


def test_two_past_forms_differing_at_once_still_vary(miners: ServiceMiners) -> None:
    # Guard: the rule holds for one differing word only.
    messages = [
        "job started then stopped today",
        "job paused then resumed today",
        "job ended then restarted today",
        "job failed then retried today",
        "job queued then started today",
    ]
    assert len(set(mine_all(miners, messages))) < len(messages)
