"""Eleventh round: an XML element that closes itself is a record of fields, not one value, and a
key whose values each come with their own set of other keys names the event
(``Kind="PumpStarted"`` stays a word), found from evidence across messages."""

from __future__ import annotations

import orjson

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.naming import NamingKeys
from tests.unit.templates.conftest import assert_matches, mine_all

# Events with fields of their own: each Kind comes with its own set of keys.
_KEYED = [
    '<Trace Kind="PumpStarted" Req="{r}a1" Pump="{n}" />',
    '<Trace Kind="ValveShut" Req="{r}b2" Valve="{n}" Reason="idle" />',
    '<Trace Kind="TankLow" Req="{r}c3" Level="{n}" />',
    '<Trace Kind="FilterSwapped" Req="{r}d4" Filter="{n}" Hours="30{n}" />',
    '<Trace Kind="AlarmRaised" Req="{r}e5" Zone="{n}" Code="4{n}" Ack="no" />',
]
# Events whose only field is the request: the same keys, told apart by their Kind alone.
_BARE = [
    '<Trace Kind="HeartbeatSent" Req="{r}f6" />',
    '<Trace Kind="CacheFlushed" Req="{r}a7" />',
    '<Trace Kind="LockTaken" Req="{r}b8" />',
]


def _messages(forms: list[str], rounds: int, start: int = 0) -> list[str]:
    return [
        form.format(r=f"{start + turn:02x}{index:x}", n=start + turn + index)
        for turn in range(rounds)
        for index, form in enumerate(forms)
    ]


def test_an_xml_element_that_closes_itself_is_a_record_of_fields(miners: ServiceMiners) -> None:
    message = '<Trace Kind="PumpStarted" Req="0a1" Pump="3" />'
    template = miners.mine("svc", message).template
    assert template != "<*>"
    assert 'Pump="<*>"' in template
    assert_matches(template, message, MinerConfig())
    # An object printed in angle brackets is still one value.
    assert miners.mine("svc", "task <Task pending name='poll-3'> done").template == "task <*> done"


def test_a_key_whose_values_bring_their_own_keys_names_the_event(miners: ServiceMiners) -> None:
    first = '<Trace Kind="HeartbeatSent" Req="9f0" />'
    messages = [first, *_messages(_KEYED, 3), *_messages(_BARE, 3, 7)]
    templates = mine_all(miners, messages)
    bare = templates[1 + 3 * len(_KEYED) :]
    assert len(set(bare)) == len(_BARE)
    assert 'Kind="HeartbeatSent"' in bare[0] and 'Kind="CacheFlushed"' in bare[1]
    # The heartbeat seen before the evidence was in joins its event all the same.
    assert templates[0] == bare[0]
    assert len(set(templates)) == len(_KEYED) + len(_BARE)
    for template, message in zip(templates, messages, strict=True):
        assert_matches(template, message, MinerConfig())


def test_names_of_events_survive_a_restore(miners: ServiceMiners) -> None:
    mine_all(miners, [*_messages(_KEYED, 3), *_messages(_BARE, 2, 5)])
    data = miners.snapshot()
    before = miners.mine("svc", '<Trace Kind="LockTaken" Req="77b8" />')
    restored = ServiceMiners.restore(data, MinerConfig())
    again = restored.mine("svc", '<Trace Kind="LockTaken" Req="78b8" />')
    assert (again.template_id, again.is_new) == (before.template_id, False)
    # A new event with the same keys is a template of its own, not a value of another.
    other = restored.mine("svc", '<Trace Kind="QueueDrained" Req="79c1" />')
    assert other.is_new and 'Kind="QueueDrained"' in other.template


def test_a_value_shared_by_events_or_a_key_some_events_lack_names_nothing() -> None:
    shared = NamingKeys()
    tokens: list[str] = []
    # host="alpha" comes with two sets of keys: a value several events share.
    for turn in range(6):
        for keys in ("op", "op disk", "op disk bytes", "op mode", "op mode size", "op x"):
            fields = " ".join(f'{key}="v{turn}"' for key in keys.split())
            shared.name(f'host="alpha" {fields}', tokens)
            shared.name(f'host="beta{keys[-1]}" {fields}', tokens)
    assert "host" not in shared.names
    # "job" is in some messages only: each value with its own keys, but no event's name.
    partial = NamingKeys()
    for turn in range(6):
        for index, extra in enumerate(("a", "b", "c", "d", "e", "f")):
            partial.name(f'job="j{index}" {extra}="1"', tokens)
            partial.name(f'other="{turn}"', tokens)
    assert "job" not in partial.names
    # Written the same with every message carrying it, it names the event.
    named = NamingKeys()
    for _ in range(2):
        for index, extra in enumerate(("a", "b", "c", "d", "e", "f")):
            named.name(f'job="j{index}" {extra}="1"', tokens)
    assert named.names == {"job"}


def test_a_message_seen_before_its_key_named_events_is_matched_again(
    miners: ServiceMiners,
) -> None:
    # Two events merged while Kind was still a value; the first one comes back word for word
    # (the exact-message cache holds it) once Kind names events.
    early = ['<Trace Kind="HeartbeatSent" Req="9f0" />', '<Trace Kind="CacheFlushed" Req="9f1" />']
    late = [early[0], '<Trace Kind="HeartbeatSent" Req="a00" />']
    templates = mine_all(miners, [*early, *_messages(_KEYED, 3), *late])
    assert templates[-2] == templates[-1]
    assert 'Kind="HeartbeatSent"' in templates[-1]


# -- lists without brackets -------------------------------------------------------------------


def test_a_list_of_words_without_brackets_of_another_length_is_one_event(
    miners: ServiceMiners,
) -> None:
    messages = [
        "handed off to kiwi, mango, pear workers of pool blue",
        "handed off to plum, fig, lime, kiwi workers of pool blue",
    ]
    templates = mine_all(miners, messages)
    assert templates == ["handed off to <*> workers of pool blue"] * 2
    for message in messages:
        assert_matches(templates[0], message, MinerConfig())


def test_one_comma_is_a_sentence_not_a_list(miners: ServiceMiners) -> None:
    # The bracketed list varies; "entries, which" is the sentence's and stays.
    templates = mine_all(
        miners,
        [
            "folder /srv/a holds 12 entries, which passes the limit [x1, x2] of the quota",
            "folder /srv/b holds 40 entries, which passes the limit [x1, x2, x3] of the quota",
        ],
    )
    assert (
        templates == ["folder <*> holds <*> entries, which passes the limit <*> of the quota"] * 2
    )


def test_a_snapshot_without_names_still_restores(miners: ServiceMiners) -> None:
    mine_all(miners, [*_messages(_KEYED, 3), *_messages(_BARE, 2, 5)])
    state = orjson.loads(miners.snapshot())
    assert state["services"][0]["names"] == ["Kind"]
    del state["services"][0]["names"]  # as written before the eleventh round
    restored = ServiceMiners.restore(orjson.dumps(state), MinerConfig())
    match = restored.mine("svc", '<Trace Kind="LockTaken" Req="77b8" />')
    assert not match.is_new
