"""Sixth round (docs/templates.md): a word where another message has a value masked whole is a
value, whichever came first; an UPPER_CASE word that ends the message is a state, as a
Capitalised one was."""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_a_word_where_another_message_has_a_value_is_a_value(miners: ServiceMiners) -> None:
    # A short hash that happens to have no digit reads as a word; the next one has digits.
    messages = [
        "ledger slot owner is bacfeed.",
        "ledger slot owner is 7f3a9c2.",
        "ledger slot owner is 4be91d0.",
    ]
    templates = mine_all(miners, messages)
    assert templates == ["ledger slot owner is <*>."] * 3
    # The other way round: the value came first, the word joins it.
    templates = mine_all(miners, list(reversed(messages)), service="other")
    assert templates == ["ledger slot owner is <*>."] * 3
    # Words on both sides, or a value in other punctuation, are no such evidence.
    templates = mine_all(
        miners, ["drain started on spindle", "drain started on (7f3a9c2)"], service="third"
    )
    assert len(set(templates)) == 2
    # A token of symbols is no word (a placeholder printed as stars stays apart).
    templates = mine_all(miners, ["fan levels ( 4 **** 5 )", "fan levels ( 4 6 5 )"], "fourth")
    assert templates == ["fan levels ( <*> **** <*> )", "fan levels ( <*> <*> <*> )"]


def test_an_upper_case_word_at_the_end_is_a_state(miners: ServiceMiners) -> None:
    messages = [
        "lease renewal for shard 4 returned EXPIRED",
        "lease renewal for shard 9 returned REVOKED",
        "lease renewal for shard 2 returned ON_HOLD",
        "lease renewal for shard 5 returned EXPIRED",
    ]
    templates = mine_all(miners, messages)
    assert templates == ["lease renewal for shard <*> returned <*>"] * 4
    # Elsewhere an UPPER_CASE word still names the event ...
    messages = [
        "lease EXPIRED for shard 4",
        "lease REVOKED for shard 9",
        "lease ON_HOLD for shard 2",
    ]
    assert len(set(mine_all(miners, messages, service="middle"))) == 3
    # ... and so does one at the end beside words in another case: not one state's values.
    messages = ["Unexpected TLV", "Unexpected padding", "Unexpected trailer", "Unexpected TLV"]
    templates = mine_all(miners, messages, service="mixed")
    assert templates[0] == templates[3] == "Unexpected TLV"
    assert len(set(templates)) == 3


def test_the_value_of_a_key_is_a_value_when_it_is_a_word(miners: ServiceMiners) -> None:
    messages = [
        "volume attached driver=ceph mode=shared",
        "volume attached driver=lustre mode=shared",
        "volume attached driver=ceph mode=shared",
    ]
    assert mine_all(miners, messages) == ["volume attached driver=<*> mode=shared"] * 3
    # Also in brackets; a word without a key is still a word of the event.
    messages = ["handshake done [peer=alpha]", "handshake done [peer=omega]"]
    assert mine_all(miners, messages, service="b") == ["handshake done [peer=<*>]"] * 2
    messages = ["volume attached to ceph now", "volume attached to lustre now"]
    assert len(set(mine_all(miners, messages, service="c"))) == 2
