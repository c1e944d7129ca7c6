"""Ninth round: a quoted word in front of a message is a value the format quoted (the same
event after ``min_distinct_words`` of them makes it a variable), and a word after a key whose
``=`` is written apart (``format = json``) is the key's value."""

from __future__ import annotations

import pytest

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.tokens import is_quoted_word
from tests.unit.templates.conftest import assert_matches, mine_all

# One event whose format quotes what it inserts in front (Python's '%s', %r).
_QUOTED = [
    "'pear' left out of the basket",
    "'plum' left out of the basket",
    "'pear' left out of the basket",
    "'fig' left out of the basket",
    "'plum' left out of the basket",
]


def test_the_same_event_after_quoted_words_makes_them_a_variable(
    miners: ServiceMiners,
) -> None:
    templates = mine_all(miners, _QUOTED)
    assert templates == ["'<*>' left out of the basket"] * 5
    match = miners.mine("svc", "'kiwi' left out of the basket")
    assert (match.template, match.is_new) == ("'<*>' left out of the basket", False)
    aliases = dict(miners.aliases("svc"))
    assert aliases and set(aliases.values()) == {match.template_id}
    assert all(miners.resolve("svc", old) == match.template_id for old in aliases)
    for message in _QUOTED:
        assert_matches(match.template, message, MinerConfig())


def test_double_quoted_names_in_front_are_values_too(miners: ServiceMiners) -> None:
    messages = [
        '"shop.orders" is not a ledger table',
        '"shop.users" is not a ledger table',
        '"audit.trail" is not a ledger table',
    ]
    assert mine_all(miners, messages) == ['"<*>" is not a ledger table'] * 3


def test_two_quoted_words_stay_two_events(miners: ServiceMiners) -> None:
    # As for any word: two values are not yet evidence of a variable.
    messages = ["'pear' left out of the basket", "'plum' left out of the basket"]
    assert mine_all(miners, messages) == messages


def test_other_events_after_quoted_words_stay_apart(miners: ServiceMiners) -> None:
    # Only the quoted word may differ: another event after it is another template.
    messages = [
        "'pear' left out of the basket",
        "'plum' left out of the basket",
        "'fig' put back on the shelf",
    ]
    templates = mine_all(miners, messages)
    assert templates[2] == "'fig' put back on the shelf"


def test_a_quoted_template_survives_a_restore(miners: ServiceMiners) -> None:
    mine_all(miners, _QUOTED)
    before = miners.mine("svc", "'kiwi' left out of the basket").template_id
    restored = ServiceMiners.restore(miners.snapshot(), MinerConfig())
    match = restored.mine("svc", "'lime' left out of the basket")
    assert (match.template, match.template_id, match.is_new) == (
        "'<*>' left out of the basket",
        before,
        False,
    )


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("'pear'", True),
        ('"shop.orders"', True),
        ("'pear':", True),
        ('"Starting kubelet"', False),  # a message that is one quoted text (klog)
        ("pear", False),
        ("'<*>'", False),
        ("'pear", False),
    ],
)
def test_what_is_a_quoted_word(token: str, expected: bool) -> None:
    assert is_quoted_word(token) is expected


# A key and its value written with spaces around the "=": the word is the key's value.
def test_a_word_after_a_spaced_key_is_its_value(miners: ServiceMiners) -> None:
    messages = ["Loaded the parser with format = json", "Loaded the parser with format = yaml"]
    assert mine_all(miners, messages) == ["Loaded the parser with format = <*>"] * 2


def test_a_word_closed_after_a_spaced_key_is_its_value(miners: ServiceMiners) -> None:
    messages = [
        "Reading the ledger (mode = fast) with 12 rows",
        "Reading the ledger (mode = safe) with 40 rows",
    ]
    assert mine_all(miners, messages) == ["Reading the ledger (mode = <*>) with <*> rows"] * 2


def test_words_going_on_after_a_spaced_key_stay_words(miners: ServiceMiners) -> None:
    # More words after it: perhaps free text, or the event's own words; two are no value yet.
    messages = [
        "Warming the cache with state = warm and ready",
        "Warming the cache with state = cold and ready",
    ]
    assert mine_all(miners, messages) == messages
