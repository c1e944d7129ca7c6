"""Seventy-fourth round: a key glued to its value inside brackets, and a kind noun's glued value.

A key glued to its value by ``:`` was a value's already (``tokens._GLUED_KEY``), but not
inside brackets (``(type:GET):``), as ``=`` keys are (``FIELD_KEY``); nor a value with a
hyphen after a kind noun of rounds 68, 72 and 73 (``command:ssh-keygen``,
``miner._glued_kind``). The kind nouns themselves stay those seven: nouns of what a program
handles (``message``, ``attempt``, ``volume``...) were measured and not taken.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_a_word_after_a_noun_outside_the_set_stays_a_word(miners: ServiceMiners) -> None:
    # Only the kind nouns name the value after them: after another noun (``snapshot`` opens
    # phrases of the format as often, ``snapshot from``) two words are two events until
    # min_distinct_words of them, as before.
    messages = [
        "Deleting snapshot alpha of the share",
        "Deleting snapshot beta of the share",
        "Deleting snapshot alpha of the share",
    ]
    templates = mine_all(miners, messages)
    assert templates[:2] == [
        "Deleting snapshot alpha of the share",
        "Deleting snapshot beta of the share",
    ]


def test_a_key_glued_to_its_value_in_brackets_names_a_value(miners: ServiceMiners) -> None:
    messages = [
        "MKCOL request '/srv/a/birch.conf' (type:GET): [Errno 111] Connection refused",
        "MKCOL request '/srv/a/birch.conf' (type:HEAD): [Errno 111] Connection refused",
        "MKCOL request '/srv/a/birch.conf' (type:GET): [Errno 111] Connection refused",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"MKCOL request '<*>' (type:<*>): <*>"}


def test_any_key_glued_in_brackets_names_a_value(miners: ServiceMiners) -> None:
    # Not only kind nouns: a glued key's value is one bare (``unit:GET``), and in brackets too.
    messages = [
        "Request on disk (unit:GET): refused",
        "Request on disk (unit:HEAD): refused",
        "Request on disk (unit:GET): refused",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Request on disk (unit:<*>): refused"}


def test_a_hyphenated_value_glued_to_command_is_a_value(miners: ServiceMiners) -> None:
    # A glued key's value with a hyphen is no value of tokens._GLUED_KEY (``domains:node-D0``,
    # Loghub's HPC, one event per domain); after a kind noun it is (``miner._glued_kind``).
    messages = [
        "Exec source with command:ssh-keygen stopped. Metrics:4",
        "Exec source with command:unpigz stopped. Metrics:7",
        "Exec source with command:ssh-keygen stopped. Metrics:9",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Exec source with command:<*> stopped. Metrics:<*>"}
