"""Sixty-sixth round: a full stop after a value that one call writes and another does not.

Two calls may log the same words before a value, one ending its sentence with a full stop
(``... from backup %s.``), the other not (``... from backup %s``). The masks leave ``<*>.``
and ``<*>``, which compared as one value (the stop is among the characters values vary in),
so the second call's first message generalised the first's template, or joined it by its
measurement skeleton, and once both tails recurred after other heads, the head's tails became
free text. The stop is now a word of the format there (tokens.stop_apart): the two stay apart.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all

_STOPPED = "Restoring volume from backup <*>."
_BARE = "Restoring volume from backup <*>"


def test_a_full_stop_after_a_value_marks_another_call(miners: ServiceMiners) -> None:
    messages = [
        "Restoring volume from backup alpha-3.",
        "Restoring volume from backup alpha-7.",
        "Restoring volume from backup alpha-12.",
        "Restoring volume from backup 9f8e7d6c5b4a3210",
        "Restoring volume from backup alpha-5.",
    ]
    templates = mine_all(miners, messages)
    assert templates == [_STOPPED, _STOPPED, _STOPPED, _BARE, _STOPPED]


def test_both_tails_recurring_after_other_heads_stay_apart(miners: ServiceMiners) -> None:
    # Both tails, ``<*>.`` and ``<*>``, follow two heads ending in a colon: values, which
    # made the head before them one with free text (tails.py) until the stop counted.
    messages = [
        "Restoring volume from backup alpha-3.",
        "Restoring volume from backup alpha-7.",
        "Restoring volume from backup 9f8e7d6c5b4a3210",
        "Dropped cached index: 9f8e7d6c5b4a3210",
        "Pruned stale entry: 0a1b2c3d4e5f6789",
        "Archived old snapshot: beta-4.",
        "Released lock for job: gamma-2.",
        "Restoring volume from backup alpha-5.",
        "Restoring volume from backup 0a1b2c3d4e5f6789",
    ]
    templates = mine_all(miners, messages)
    assert templates[0] == templates[1] == templates[7] == _STOPPED
    assert templates[2] == templates[8] == _BARE
    assert templates[5:7] == ["Archived old snapshot: <*>.", "Released lock for job: <*>."]


def test_a_keys_value_with_and_without_a_stop_is_one_value(miners: ServiceMiners) -> None:
    # Guard: only a whole value against the same value and a stop. After a key, what the
    # value holds is the key's, a host name's own final dot too.
    messages = [
        "Resolved target host=db-3.example.org.",
        "Resolved target host=db-4.example.org.",
        "Resolved target host=db-7.example.org",
        "Resolved target host=db-9.example.org.",
        "Resolved target host=db-1.example.org",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Resolved target host=<*>"}
