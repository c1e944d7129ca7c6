"""Ninety-first round: a value glued in front of the event's first word is a value.

A format that writes its value right before a word (Klipper's ``%sException in serial
callback``, Tika's ``%sChunk terminator found ...``) prints one first token per value
(``novaException``, ``cedarException``). The first token keys the group (Drain's first
level) and never becomes a variable unless it names who logs (``miner._sender_varies``), so
each value made a template of its own. A lower-case value glued in front of a Capitalised word
(``miner._GLUED_FRONT``) now competes with the templates led by other values glued to the same
word (``miner._search``) and varies there as a sender's name does, when that word with the
rest of the message reads as an event's own message (``tails.event_tail``); two calls' names
before a short message (``createTable failed`` / ``getTable failed``) stay apart.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners

_VALUES = ["nova", "cedar", "beta", "backup", "default", "replica", "vega", "billing"]


def _mine_batch(miners: ServiceMiners, messages: list[str], service: str = "svc") -> list[str]:
    """Each message's final template text, the messages mined as one batch (as the service
    mines a file)."""
    ids = miners.assign(service, messages).template_ids
    return [miners.template_text(service, miners.resolve(service, tid)) or "" for tid in ids]


def _mine_each(miners: ServiceMiners, messages: list[str]) -> list[str]:
    """Each message's final template text, the messages mined one at a time."""
    ids = [miners.assign("svc", [message]).template_ids[0] for message in messages]
    return [miners.template_text("svc", miners.resolve("svc", tid)) or "" for tid in ids]


def test_a_value_glued_before_the_first_word_is_a_value(miners: ServiceMiners) -> None:
    messages = [f"{value}Exception in serial callback" for value in _VALUES * 2]
    assert set(_mine_batch(miners, messages)) == {"<*> in serial callback"}


def test_a_glued_value_before_a_message_with_values(miners: ServiceMiners) -> None:
    messages = [
        f"{value}Chunk terminator found NextChunkRef.cb={4096 + 17 * i}, "
        f"NextChunkRef.stp=node-{i}.corp, Offset={300 + i}, End={9000 + 31 * i}"
        for i, value in enumerate(["alpha", "storage", "vega", "birch", "alpha", "vega"])
    ]
    assert set(_mine_each(miners, messages)) == {
        "<*> terminator found NextChunkRef.cb=<*>, NextChunkRef.stp=<*>, Offset=<*>, End=<*>"
    }


def test_glued_values_of_the_same_call_join_one_at_a_time(miners: ServiceMiners) -> None:
    messages = [
        f"{value}Unknown message {3 + 7 * i} (len {1000 + 13 * i}) while identifying"
        for i, value in enumerate(["zfs", "btrfs", "devmapper", "overlayfs", "zfs"])
    ]
    assert set(_mine_each(miners, messages)) == {"<*> message <*> (len <*>) while identifying"}


def test_calls_names_and_other_messages_stay_apart(miners: ServiceMiners) -> None:
    # Two calls' names before a short message (``createTable`` / ``getTable``, ``Table
    # failed`` no event's own message) are two events; so is another message after the same
    # glued word, and the same message after another glued word while none has varied.
    calls = ["createTable failed", "getTable failed", "dropTable failed"] * 2
    exceptions = [f"{value}Exception in serial callback" for value in _VALUES[:4]]
    others = [f"{value}Exception in timer callback handler" for value in _VALUES[:4]]
    templates = _mine_batch(miners, [*calls, *exceptions, *others])
    assert len(set(templates[:3])) == 3
    assert set(templates[:3]) == set(templates[3:6])
    assert not set(templates[6:10]) & set(templates[10:14])
    assert not set(templates[6:14]) & set(templates[:6])
    apart = _mine_batch(
        miners, ["novaException in serial callback", "cedarError in serial callback"], "other"
    )
    assert apart[0] != apart[1]
