"""Forty-eighth round: a sentence that ends in a value ends a head as one ending in a word does.
A format that prints an error after a sentence closed by its value (Go's ``"failed to
retrieve logical volume path for %q. %v"``, ``"skipping device %q ... (%s). %v"``) cut one
event into a template per error text, since only a *word* before a full stop ended a
sentence (``tails._SENTENCE_END``). The masks leave a full stop outside a value only where
it ends the sentence (``Could not delete <*>.``, ``PID=<*>.``), so a value in its quotes or
brackets, or bare, then a full stop, ends one too; the merge still needs what step 6 needs.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.masking import WILDCARD
from pipeline.templates.tails import head_ends
from tests.unit.templates.conftest import mine_all

_ERRORS = [
    "unexpected EOF",
    "read tcp 10.229.57.25:31254->10.116.110.162:2380: read: connection reset by peer",
    "etcdserver: request timed out",
    "rpc error: code = Unavailable desc = connection closed",
    "etcdserver: request timed out",
    "read tcp 10.135.75.253:59745->10.62.217.33:2380: read: connection reset by peer",
]


def test_a_quoted_value_and_a_full_stop_end_a_head() -> None:
    words = ["failed", "to", "read", "path", "for"]
    assert head_ends([*words, f'"{WILDCARD}".', "unexpected", "EOF"]) == [5]
    assert head_ends([*words, f"({WILDCARD}).", "unexpected", "EOF"]) == [5]
    assert head_ends([*words, f"{WILDCARD}.", "unexpected", "EOF"]) == [5]


def test_a_dotted_name_or_a_value_inside_a_token_ends_no_sentence() -> None:
    words = ["failed", "to", "read", "path", "for"]
    assert head_ends([*words, "org.x.", "unexpected", "EOF"]) == []
    assert head_ends([*words, "v1.", "unexpected", "EOF"]) == []
    assert head_ends([*words, f"node-{WILDCARD}.", "unexpected", "EOF"]) == []


def test_errors_after_a_quoted_value_and_a_full_stop_are_one_free_tail(
    miners: ServiceMiners,
) -> None:
    messages = [
        f'failed to retrieve logical volume path for "node-{n}.corp". {error}'
        for n, error in enumerate(_ERRORS)
    ]
    assert set(mine_all(miners, messages)) == {
        'failed to retrieve logical volume path for "<*>". <*>'
    }


def test_errors_after_a_bracketed_value_and_a_full_stop_are_one_free_tail(
    miners: ServiceMiners,
) -> None:
    messages = [
        f'skipping device "sd{chr(97 + n)}" that does not match the filter (10.0.0.{n}). {error}'
        for n, error in enumerate(_ERRORS)
    ]
    assert set(mine_all(miners, messages)) == {
        'skipping device "<*>" that does not match the filter (<*>). <*>'
    }


def test_two_sentences_after_a_value_stay_apart(miners: ServiceMiners) -> None:
    # Guard: the merge still needs min_distinct_tails tails, so a second sentence that names
    # another event (two of them) is not taken for free text.
    messages = [
        f'Loaded config "/etc/app/{name}.yaml". {rest}'
        for name, rest in [
            ("alpha", "Starting the scheduler now"),
            ("beta", "Stopping the scheduler now"),
            ("gamma", "Starting the scheduler now"),
            ("delta", "Stopping the scheduler now"),
        ]
    ]
    assert set(mine_all(miners, messages)) == {
        'Loaded config "<*>". Starting the scheduler now',
        'Loaded config "<*>". Stopping the scheduler now',
    }
