"""Forty-ninth round: a label opening the message is a component's tag, not a head of free text.

PhotoPrism (Go, logrus) writes ``subsystem: message`` (``faces: found no samples``,
``faces: %s (resolve ambiguous subjects)``); a single label ends a head only before tails that
recur after other calls, and two such tails merged every event of ``faces:`` into ``faces:
<*>``: a tail counted as recurring after the same message's longer head (``faces: read tcp
<*> read:``, ``tails.calls``), and the few events other components print too (``loading
<*>`` after ``faces:`` and ``nsfw:``) outweighed the component's own. OBS Studio (C) writes
the function's name into the format (``obs_encoder_set_audio: encoder '%s' is not ...``):
two such names made the label a sender's name at once, as names written by code do inside a
message.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.masking import WILDCARD
from pipeline.templates.tails import calls
from tests.unit.templates.conftest import mine_all

_ERRORS = [
    "unexpected EOF",
    "context canceled",
    "read tcp 10.0.0.1:4000->10.0.0.2:2380: read: connection reset by peer",
    "i/o timeout",
    "etcdserver: request timed out",
]


def test_a_head_that_begins_with_another_is_the_same_call() -> None:
    assert calls({("faces:",), ("faces:", "read", "tcp", WILDCARD, "read:")}) == 1
    assert calls({("index:",), ("index:", "mkdir", WILDCARD)}) == 1


def test_heads_of_other_calls_still_count_twice() -> None:
    assert calls({("GetUser:",), ("Error", "during", "shutdown:")}) == 2
    assert calls({("faces:",), ("nsfw:", "read", "tcp", WILDCARD, "read:")}) == 2
    assert calls({("warning:", "atlas:"), ("warning:", f"{WILDCARD}:")}) == 1


def test_a_tail_after_the_same_messages_longer_head_does_not_recur(
    miners: ServiceMiners,
) -> None:
    messages = [
        'msg="faces: found no ambiguous subjects"',
        'msg="faces: computing distance of 739 samples"',
        'msg="faces: context canceled (resolve ambiguous subjects)"',
        'msg="faces: read tcp 10.0.0.1:4000->10.0.0.2:2380: read: connection reset by peer'
        ' (resolve ambiguous subjects)"',
        'msg="nsfw: loading /opt/models/nsfw"',
        'msg="faces: loading /opt/models/faces"',
        'msg="faces: found no ambiguous subjects"',
        'msg="faces: found no samples"',
    ]
    found = mine_all(miners, messages)
    assert 'msg="faces: <*>"' not in found
    assert found[0] == found[6] == 'msg="faces: found no ambiguous subjects"'
    assert found[-1] == 'msg="faces: found no samples"'


def test_a_components_events_outnumber_the_tails_other_components_print(
    miners: ServiceMiners,
) -> None:
    events = [
        "found no ambiguous subjects",
        "computing distance of 739 samples",
        "found no samples",
        "removed 3 / 9 markers with non-existent faces",
        "failed assigning face to marker ab12cd",
    ]
    messages = [
        *(f'msg="faces: {event}"' for event in events),
        'msg="nsfw: loading /opt/models/nsfw"',
        'msg="faces: loading /opt/models/faces"',
        'msg="backup: completed in 3ms"',
        'msg="faces: completed in 41ms"',
        *(f'msg="faces: {event}"' for event in events),
    ]
    found = mine_all(miners, messages)
    assert 'msg="faces: <*>"' not in found
    assert len(set(found[-5:])) == 5
    assert found[2] == 'msg="faces: found no samples"'


def test_errors_after_a_single_label_are_still_its_free_tail(miners: ServiceMiners) -> None:
    messages = [
        *(f"GetUser: {error}" for error in _ERRORS),
        *(f"GetRepo: {error}" for error in _ERRORS),
        *(f"Error during shutdown: {error}" for error in _ERRORS),
    ]
    assert set(mine_all(miners, messages)) == {
        "GetUser: <*>",
        "GetRepo: <*>",
        "Error during shutdown: <*>",
    }


def test_errors_after_a_logrus_components_tag_are_still_its_free_tail(
    miners: ServiceMiners,
) -> None:
    messages = [
        *(f'msg="categories: {error}"' for error in _ERRORS),
        *(f'msg="delete: {error}"' for error in _ERRORS),
    ]
    assert set(mine_all(miners, messages)) == {'msg="categories: <*>"', 'msg="delete: <*>"'}


def test_two_function_names_in_front_stay_two_events(miners: ServiceMiners) -> None:
    messages = [
        "obs_encoder_get_frame_size: encoder 'aac' is not an audio encoder",
        "obs_encoder_set_audio: encoder 'x264' is not an audio encoder",
        "obs_encoder_get_frame_size: encoder 'opus' is not an audio encoder",
    ]
    assert mine_all(miners, messages) == [
        "obs_encoder_get_frame_size: encoder '<*>' is not an audio encoder",
        "obs_encoder_set_audio: encoder '<*>' is not an audio encoder",
        "obs_encoder_get_frame_size: encoder '<*>' is not an audio encoder",
    ]


def test_three_code_names_in_front_are_senders_names(miners: ServiceMiners) -> None:
    messages = [
        f"{name}: Invalid group_mod command type {n}"
        for n, name in enumerate(["cedar_nova", "backend_local", "atlas_backup", "cedar_nova"])
    ]
    assert set(mine_all(miners, messages)) == {"<*>: Invalid group_mod command type <*>"}


def test_capitalised_senders_names_still_vary(miners: ServiceMiners) -> None:
    messages = [
        f"{name}: HandOff shard [{n}] received during existing handOff"
        for n, name in enumerate(["Counter", "Session", "Cart", "Ticket"])
    ]
    assert set(mine_all(miners, messages)) == {
        "<*>: HandOff shard [<*>] received during existing handOff"
    }
