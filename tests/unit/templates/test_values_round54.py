"""Fifty-fourth round: a component's tag whose events carry values of their own after a colon
stays the tag of those events; a word of capitals in front of an event's own message is a
value; an error amid a message joins the free text between a head and an end that became
alike only when a value in that end became a variable.

Firecracker (Rust) prints its devices' messages after a tag (``entropy: Failed to register
queue event: {err}``); the same message after two devices' tags, and an error after it, made
two values among the tag's tails, and one event of the tag's own (``guest request for <*>
bytes``) did not outnumber them: every message of the tag became ``entropy: <*>``
(tails.headed_events). ManageIQ and RustDesk write an HTTP method or an errno's name in front
(``PUT ignoring request to decrease timeout ...``): the first word never became a variable.
PhotoPrism (Go) writes an error amid its message (``%s in %s (exif gps-info)``): the templates
of two errors met only once the value after ``in`` became a variable in both, and the spans
between the head and the end were recorded only when a template was made (miner._note_spans).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.tails import headed_events
from tests.unit.templates.conftest import mine_all


def test_tails_with_a_sentence_s_head_of_their_own_are_events() -> None:
    queue = ("Failed", "to", "register", "queue", "event:")
    tails: list[tuple[str, ...]] = [
        (*queue, "channel", "closed"),
        (*queue, "<*>", "(os", "error", "<*>)"),
        ("<*>",),
    ]
    assert headed_events(tails) == set(tails[:2])


def test_an_error_s_chain_is_no_event_s_head() -> None:
    tails: list[tuple[str, ...]] = [
        ("dial", "tcp", "<*>:", "connect:", "<*>"),
        ("dial", "tcp", "<*>:", "i/o", "timeout"),
    ]
    assert headed_events(tails) == set()
    alone: list[tuple[str, ...]] = [
        ("Failed", "to", "register", "queue", "event:", "<*>"),
        ("deadline", "exceeded"),
    ]
    assert headed_events(alone) == set()


def test_a_tag_s_events_with_values_after_a_colon_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        "vsock: unable to accept local connection: deadline has elapsed",
        "net: Failed to write to tap: deadline has elapsed",
        "block: Failed to register queue event: Connection refused (os error 111)",
        "entropy: Failed to handle rate-limiter event: connection reset by peer",
        "entropy: Failed to handle rate-limiter event: Connection refused (os error 111)",
        "entropy: Failed to register queue event: Connection refused (os error 111)",
        "entropy: Failed to register queue event: channel closed",
        "entropy: guest request for 0 bytes of entropy",
        "entropy: deadline has elapsed",
        "entropy: Failed to handle rate-limiter event: Overloaded",
    ]
    templates = mine_all(miners, messages)
    assert "entropy: <*>" not in templates
    assert templates[3] == templates[9] == "entropy: Failed to handle rate-limiter event: <*>"
    assert templates[7] == "entropy: guest request for <*> bytes of entropy"


def test_a_tag_before_errors_still_takes_them_in(miners: ServiceMiners) -> None:
    messages = [
        "worker: Failed to sync: context deadline exceeded",
        "index: Failed to open: context deadline exceeded",
        "index: Failed to open: unexpected EOF",
        "worker: Failed to sync: unexpected EOF",
        "faces: context deadline exceeded",
        "faces: unexpected EOF",
        "faces: Failed to load model: no space left",
    ]
    assert set(mine_all(miners, messages)[4:]) == {"faces: <*>"}


def test_a_word_of_capitals_in_front_is_a_value(miners: ServiceMiners) -> None:
    messages = [
        "PUT ignoring request to decrease timeout from <14.74> to <23.267174>",
        "DELETE ignoring request to decrease timeout from <1.74> to <3.267174>",
        "GET ignoring request to decrease timeout from <4.74> to <5.2>",
        "PUT ignoring request to decrease timeout from <4.74> to <5.2>",
    ]
    assert set(mine_all(miners, messages)) == {
        "<*> ignoring request to decrease timeout from <*> to <*>"
    }


def test_capitals_before_a_short_message_or_as_a_label_stay_apart(
    miners: ServiceMiners,
) -> None:
    assert len(set(mine_all(miners, ["PUT done", "GET done", "POST done", "HEAD done"]))) == 4
    messages = [
        "PUT: daemon is closing or closed, skipping restart",
        "POST: daemon is closing or closed, skipping restart",
        "PUT: since the server is not alive, safely ignore java.nio.file.NoSuchFileException: /a",
        "POST: since the server is not alive, safely ignore java.nio.file.NoSuchFileException: /b",
        "PUT: daemon is closing or closed, skipping restart",
    ]
    templates = mine_all(miners, messages)
    assert templates[0] == "PUT: daemon is closing or closed, skipping restart"
    assert templates[2] == "PUT: since the server is not alive, safely ignore <*>"


def test_errors_amid_a_message_meet_once_the_end_s_value_varies(miners: ServiceMiners) -> None:
    read = "read tcp 10.0.0.1:4000->10.0.0.2:2380: read: connection reset by peer"
    messages = [
        f"index: {read} in alpha-1 (restore from yaml)",
        "metadata: unexpected EOF in kitchen.service (exif gps-info)",
        f"metadata: {read} in hallway.service (exif gps-info)",
        f"metadata: {read} in kitchen.service (exif gps-info)",
        "metadata: unexpected EOF in beta.service (exif gps-info)",
        "metadata: unexpected EOF in gamma.service (exif gps-info)",
    ]
    assert set(mine_all(miners, messages)[1:]) == {"metadata: <*> in <*> (exif gps-info)"}


def test_plain_words_amid_a_message_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        "index: found no samples in alpha-1 (restore from yaml)",
        "faces: found no samples in kitchen.service (scan)",
        "faces: skipped in hallway.service (scan)",
        "faces: skipped in kitchen.service (scan)",
        "faces: found no samples in beta.service (scan)",
    ]
    templates = mine_all(miners, messages)
    assert templates[1] == templates[4] == "faces: found no samples in <*> (scan)"
    assert templates[2] == "faces: skipped in <*> (scan)"
