"""Sixty-seventh round: the word a sentence writes for no count, where a number goes otherwise.

Two calls may log the same sentence, one with a count (``Packing with %d files in %s``) and
one for none (``Packing with no files in %s``). The number is masked, ``<*>``, and ``no``
read as a value written without digits (``_value_for_word``), so whichever came first, the
two became one template. ``no`` against a whole value before the same lower-case word, the
noun counted, is now a word of the format there (``miner._none_counted``): the two stay apart.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all

_NONE = "Packing with no files in <*>..."
_SOME = "Packing with <*> files in <*>..."


def test_no_count_before_a_number_marks_another_call(miners: ServiceMiners) -> None:
    messages = [
        "Packing with no files in /srv/build/alpha...",
        "Packing with 3 files in /srv/build/beta...",
        "Packing with 12 files in /srv/build/gamma...",
        "Packing with no files in /srv/build/delta...",
        "Packing with 7 files in /srv/build/alpha...",
    ]
    templates = mine_all(miners, messages)
    assert templates == [_NONE, _SOME, _SOME, _NONE, _SOME]


def test_no_count_after_a_number_marks_another_call(miners: ServiceMiners) -> None:
    # The number's template came first: its value no longer covers the word for none.
    messages = [
        "Packing with 3 files in /srv/build/beta...",
        "Packing with 12 files in /srv/build/gamma...",
        "Packing with no files in /srv/build/delta...",
        "Packing with 5 files in /srv/build/alpha...",
        "Packing with no files in /srv/build/alpha...",
    ]
    templates = mine_all(miners, messages)
    assert templates == [_SOME, _SOME, _NONE, _SOME, _NONE]


def test_no_closing_the_message_is_a_value(miners: ServiceMiners) -> None:
    # Guard: only before a noun. A ``no`` ending the message is a setting's value, as a
    # number there is.
    messages = [
        "Setting compression for volume data to 6",
        "Setting compression for volume data to 9",
        "Setting compression for volume data to no",
        "Setting compression for volume data to 3",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Setting compression for volume data to <*>"}


def test_no_before_punctuation_is_a_value(miners: ServiceMiners) -> None:
    # Guard: the word after it must be a plain lower-case word, not a bracket's aside.
    messages = [
        "Queue depth 4 (limit 10) for the indexer",
        "Queue depth 7 (limit 10) for the indexer",
        "Queue depth no (limit 10) for the indexer",
        "Queue depth 2 (limit 10) for the indexer",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Queue depth <*> (limit <*>) for the indexer"}
