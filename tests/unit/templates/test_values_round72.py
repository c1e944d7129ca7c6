"""Seventy-second round: the word after ``code``, ``mode`` or ``reason`` is the noun's value.

Formats write the kind they report right after a noun that names it: ``of type %s`` (round
68), and as often ``exited with code %s``, ``to mode %s``, ``with reason %s``. The word there
is a value, as a label's is, whatever its case, and two of them are enough
(``miner._kind_named``); before, the two or three a log shows made a template each (``code
zfs`` / ``code btrfs``: plain words need min_distinct_words of them, UPPER_CASE ones
min_distinct_upper_states).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_two_lower_case_words_after_code_are_one_event(miners: ServiceMiners) -> None:
    messages = [
        "Server exited unexpectedly with code zfs and signal 9",
        "Server exited unexpectedly with code btrfs and signal 15",
        "Server exited unexpectedly with code zfs and signal 2",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Server exited unexpectedly with code <*> and signal <*>"}


def test_two_upper_case_words_after_mode_are_one_event(miners: ServiceMiners) -> None:
    messages = [
        "Failed to set primary to mode PAUSED: request timed out",
        "Failed to set primary to mode DEGRADED: request timed out",
        "Failed to set primary to mode PAUSED: request timed out",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Failed to set primary to mode <*>: request timed out"}


def test_two_words_after_reason_ending_the_message_are_one_event(miners: ServiceMiners) -> None:
    # A past form there is a value too (``with reason suspended``): the reason reported.
    messages = [
        "Worker task exited with reason charging",
        "Worker task exited with reason suspended",
        "Worker task exited with reason charging",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Worker task exited with reason <*>"}


def test_a_capitalised_mode_is_no_kind_noun(miners: ServiceMiners) -> None:
    # Guard: the noun as a sentence writes it, lower case. ``Mode`` capitalised is a field's
    # name or a title's word; its UPPER_CASE words stay states until enough of them.
    messages = [
        "Received frame Mode HEAD from peer 10.0.0.1 on the bus",
        "Received frame Mode DATA from peer 10.0.0.2 on the bus",
        "Received frame Mode HEAD from peer 10.0.0.3 on the bus",
    ]
    templates = mine_all(miners, messages)
    assert len(set(templates)) == 2


def test_a_keys_field_named_with_an_underscore_closes_a_labels_value(
    miners: ServiceMiners,
) -> None:
    # Round 71's key's field after a label's value is any ``key=value`` field the tokens know
    # (``miner._field_key``): a key may start with an underscore (``_request_id=``), as
    # tokens.FIELD_KEY lets it, and a value must follow the ``=``.
    messages = [
        "Failed to send Relay notification: READY, _request_id=266442337.",
        "Failed to send Relay notification: DEGRADED, _request_id=806430119.",
        "Failed to send Relay notification: READY, _request_id=3830122.",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Failed to send Relay notification: <*>, _request_id=<*>."}
