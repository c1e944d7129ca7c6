"""Ninety-second round: an error's chain of contexts after a head whose slot holds a value.

A Python ``"error closing connection: %s" % exc`` prints one value in its slot when the
exception's text is a masked error (``[Errno 111] Connection refused``) or one word, and a text
of many tokens when it is another exception (voluptuous's ``Invalid config for [kitchen]:
required key not provided``). The head's free text needed ``min_distinct_tails`` different
tails or a tail that recurs after other heads, so with a single value and one longer error the
longer one made a template of its own. A tail of words that carries a head of its own (a token
ending in ``:`` inside it) after a head whose tail is a single value is now the same value's
longer form, free text (``tails.chained_value``); a tail opening with the value (``<*>. Total
so far: <*>``) is the event's own text after it and stays apart.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.tails import chained_value


def _mine_batch(miners: ServiceMiners, messages: list[str], service: str = "svc") -> list[str]:
    """Each message's final template text, the messages mined as one batch."""
    ids = miners.assign(service, messages).template_ids
    return [miners.template_text(service, miners.resolve(service, tid)) or "" for tid in ids]


def _mine_each(miners: ServiceMiners, messages: list[str]) -> list[str]:
    """Each message's final template text, the messages mined one at a time."""
    ids = [miners.assign("svc", [message]).template_ids[0] for message in messages]
    return [miners.template_text("svc", miners.resolve("svc", tid)) or "" for tid in ids]


_CHAIN = "Invalid config for [kitchen]: required key not provided"


def test_a_chained_error_after_a_valued_head_joins_it(miners: ServiceMiners) -> None:
    messages = [
        "error closing connection: [Errno 111] Connection refused",
        "error closing connection: metrics",
        f"error closing connection: {_CHAIN}",
        "error closing connection: [Errno 111] Connection refused",
        f"error closing connection: {_CHAIN}",
    ]
    assert set(_mine_each(miners, messages)) == {"error closing connection: <*>"}


def test_the_chained_error_first_then_the_value(miners: ServiceMiners) -> None:
    messages = [
        f"Error connecting to unix:///run/hallway/gateway.sock: {_CHAIN}",
        "Error connecting to 10.9.252.91:9042: [Errno 111] Connection refused",
        f"Error connecting to 10.9.252.91:9042: {_CHAIN}",
        "Error connecting to https://10.16.178.236:6443/orders: [Errno 111] Connection refused",
    ]
    assert set(_mine_batch(miners, messages)) == {"Error connecting to <*>: <*>"}


def test_a_value_then_the_events_own_head_stays_apart(miners: ServiceMiners) -> None:
    # Guard: the longer tail opens with the value and goes on with the event's own words.
    messages = [
        "Received batch of size: 12",
        "Received batch of size: 0. Total so far: 22",
        "Received batch of size: 9. Total so far: 43",
        "Received batch of size: 31",
        "Received batch of size: 7. Total so far: 50",
    ]
    assert set(_mine_each(miners, messages)) == {
        "Received batch of size: <*>",
        "Received batch of size: <*>. Total so far: <*>",
    }


def test_chained_value_needs_a_value_and_a_chain_of_words() -> None:
    chain = ("Invalid", "config", "for", "[kitchen]:", "required", "key", "not", "provided")
    assert chained_value([("<*>",), chain])
    assert not chained_value([("metrics",), chain])  # no value in the slot yet
    assert not chained_value([("<*>",), ("connection", "reset", "by", "peer")])  # no head
    assert not chained_value([("<*>",), ("<*>.", "Total", "so", "far:", "<*>")])
    assert not chained_value([("<*>",), ("stopped", "now:")])  # its colon ends it
