"""Fifty-ninth round: an event's own text after its value is no free text, and a JSON string's
masked value is compared as it would be printed bare.

pghoard writes ``Problem in moving file: %r, need to retry`` and the same with the error in
brackets after it: the tails after the head's colon differed in length, so they read as free
text and the head became ``Problem in moving file: <*>``, one template for both events. When
the shortest tail is a value and two or more plain words, and every other tail begins with
it, the words are the event's own, and what some messages add after them is an ending of
their own (tails.tails_vary). An error's text that begins with a word (``status <*> from
the server``), a value followed by a single word, and tails that go on differently after the
value stay free text as before.

Argo CD prints its messages in JSON (``{"msg":"%s uses repoURL %s"}``) with an address first,
masked after its scheme (``https://<*>``, ``unix://<*>``) or as ``<*>:<*>``: printed bare these
are values alike (an address of another scheme is an address), but after ``{"msg":"`` they
read as words. A JSON string's masked value after the same key is now compared as the bare
value (tokens.differ_in_words). Values after other keys, and words the masks left, are
compared as before.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all

_RETRY = [
    "Problem in moving file: '/run/a.snap', need to retry",
    "Problem in moving file: '/srv/b', need to retry (gateway-1: 404, message='Not Found')",
    "Problem in moving file: '/etc/c.conf', need to retry",
    "Problem in moving file: '/srv/d', need to retry (worker-2: timeout after 30 s)",
    "Problem in moving file: '/run/e.snap', need to retry",
    "Problem in moving file: '/srv/f', need to retry (node-3: connection reset by peer)",
]


def test_words_after_a_value_end_no_free_text(miners: ServiceMiners) -> None:
    templates = mine_all(miners, _RETRY)
    assert templates[0::2] == ["Problem in moving file: '<*>', need to retry"] * 3
    assert all(
        template.startswith("Problem in moving file: '<*>', need to retry (")
        for template in templates[1::2]
    )


def test_an_error_beginning_with_a_word_is_free_text(miners: ServiceMiners) -> None:
    endings = [
        "",
        " (512 bytes left)",
        " then retrying in 5 s",
        " for user 7",
        " after 3 tries",
        "",
    ]
    messages = [
        f"Could not move the file: status {code} from the server{ending}"
        for code, ending in enumerate(endings, 500)
    ]
    assert mine_all(miners, messages)[-1] == "Could not move the file: <*>"


def test_a_value_and_one_word_is_free_text(miners: ServiceMiners) -> None:
    messages = [
        "Upload failed: '/run/a.snap' rejected",
        "Upload failed: '/srv/b' rejected (quota 5 GB exceeded)",
        "Upload failed: '/etc/c.conf' rejected by 10.0.0.1:443",
        "Upload failed: '/run/d.snap' rejected after 3 tries",
        "Upload failed: '/run/e.snap' rejected",
    ]
    assert mine_all(miners, messages)[-1] == "Upload failed: <*>"


def test_tails_going_on_differently_are_free_text(miners: ServiceMiners) -> None:
    messages = [
        "Problem in moving file: '/run/a.snap', need to retry",
        "Problem in moving file: '/srv/b', giving up after 3 tries",
        "Problem in moving file: '/etc/c.conf', disk 2 is full",
        "Problem in moving file: '/srv/x', need to retry (node-3: connection reset by peer)",
        "Problem in moving file: '/srv/d', need to retry",
    ]
    assert mine_all(miners, messages)[-1] == "Problem in moving file: <*>"


def test_addresses_of_other_schemes_in_a_json_string_are_values(
    miners: ServiceMiners,
) -> None:
    messages = [
        '{"msg":"10.0.0.1:2379 uses repoURL 10.0.0.9:443"}',
        '{"msg":"https://10.0.0.2:2380/garden uses repoURL 10.0.0.8:5432"}',
        '{"msg":"unix:///run/hallway/a.sock uses repoURL 10.0.0.7:6443"}',
        '{"msg":"https://10.0.0.3:2380/x uses repoURL 10.0.0.6:443"}',
    ]
    assert mine_all(miners, messages) == ['{"msg":"<*> uses repoURL <*>:<*>"}'] * 4


def test_addresses_after_other_keys_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        '{"msg":"https://10.0.0.2:2380/garden is ready"}',
        '{"message":"10.0.0.1:2379 is ready"}',
        '{"msg":"unix:///run/hallway/a.sock is ready"}',
        '{"message":"10.0.0.3:2379 is ready"}',
    ]
    templates = mine_all(miners, messages)
    assert templates[1::2] == ['{"message":"<*>:<*> is ready"}'] * 2
    assert all(template.startswith('{"msg":"') for template in templates[0::2])


def test_words_the_masks_left_in_a_json_string_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        'audit {"msg":"projectCode:tcp4 opened for the client"}',
        'audit {"msg":"projectCode:udp opened for the client"}',
    ]
    assert mine_all(miners, messages) == messages
