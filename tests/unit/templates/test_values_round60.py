"""Sixtieth round: free text between a head's colon and a semicolon, before the message's own
ending, is one value.

stratisd writes its errors inside a sentence, ``Failed to start up stratisd engine: {}; exiting``
and ``udev event could not be sent to engine thread: {}; the engine was not notified of this udev
event``: the error (``channel closed``, ``deadline has elapsed``, an ``io::Error``'s ``Os { code:
.. }``) between the colon and a semicolon, plain words after it. The tail after the head is
free text only up to the semicolon, so the same error after two calls was two tails and never
recurred; and the template, once free, ended the whole message in variables. A token ending in
``;`` with plain words alone after it now closes the free text (tails.semicolon_close), as the
close of a quoted message does: the error up to it is the value recurring after other heads
(tails.value_tail), and the ending is kept. A semicolon with values after it (``; retry in 5
s``), and a semicolon opening the tail (no free text before it), close nothing.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all

_ERRORS = [
    "channel closed",
    "deadline has elapsed",
    'Os { code: 98, kind: AddrInUse, message: "Address in use" }',
    "No such file or directory (os error 2)",
    "channel closed",
    "deadline has elapsed",
]


def _both(first: str, second: str) -> list[str]:
    return [message for error in _ERRORS for message in (first.format(error), second.format(error))]


def test_an_error_before_a_semicolon_is_one_value(miners: ServiceMiners) -> None:
    templates = mine_all(
        miners,
        _both(
            "Failed to start up the engine: {}; exiting",
            "Could not send the event to the engine thread: {}; the engine was not notified",
        ),
    )
    assert templates[-2:] == [
        "Failed to start up the engine: <*>; exiting",
        "Could not send the event to the engine thread: <*>; the engine was not notified",
    ]


def test_an_ending_after_a_sentence_with_a_full_stop_is_kept(miners: ServiceMiners) -> None:
    templates = mine_all(
        miners,
        _both(
            "The key thread exited with an error: {}; shutting down the daemon...",
            "Unable to detect leftover devices: {}; putting in stopped pools",
        ),
    )
    assert templates[-2:] == [
        "The key thread exited with an error: <*>; shutting down the daemon...",
        "Unable to detect leftover devices: <*>; putting in stopped pools",
    ]


def test_values_after_the_semicolon_close_nothing(miners: ServiceMiners) -> None:
    messages = _both(
        "Failed to start up the engine: {}; retry in 5 s",
        "Could not send the event to the engine thread: {}; 3 tries left",
    )
    mine_all(miners, messages)
    last = miners.mine("svc", "Failed to start up the engine: pool is gone; retry in 5 s")
    assert last.template == "Failed to start up the engine: <*>"


_LOCKS = [
    "Lock wait timeout exceeded; try restarting transaction",
    "Deadlock found when trying to get lock; try restarting transaction",
    "Lock wait timeout exceeded; try restarting transaction",
    "Deadlock found when trying to get lock; try restarting transaction",
]


def test_an_ending_after_several_heads_is_the_errors(miners: ServiceMiners) -> None:
    messages = [
        f"{head}: {error}"
        for error in _LOCKS
        for head in ("Saving draft failed", "Could not load the mailboxes", "Sync of folder failed")
    ]
    templates = mine_all(miners, [*messages, "Saving draft failed: connection refused"])
    assert templates[-1] == "Saving draft failed: <*>"
    assert "Saving draft failed: <*>; try restarting transaction" not in templates


def test_an_ending_some_tails_lack_is_the_errors(miners: ServiceMiners) -> None:
    errors = ["deadline has elapsed; giving up", "channel closed", "broken pipe", "timed out"]
    messages = [
        f"{head}: {error}"
        for error in errors * 2
        for head in ("Failed to start up the engine", "Could not reach the engine thread")
    ]
    mine_all(miners, messages)
    last = miners.mine("svc", "Failed to start up the engine: deadline has elapsed; giving up")
    assert last.template == "Failed to start up the engine: <*>"


def test_an_ending_after_a_free_tail_is_the_errors(miners: ServiceMiners) -> None:
    errors = ["channel closed", "broken pipe", "timed out", "deadline has elapsed"]
    messages = [
        f"{head}: {error}"
        for error in errors * 2
        for head in ("Failed to start up the engine", "Could not reach the engine thread")
    ]
    mine_all(miners, messages)
    last = miners.mine("svc", "Failed to start up the engine: the pool is gone; giving up")
    assert last.template == "Failed to start up the engine: <*>"
    # The ending is part of the free text's value, not closed off after ``gone``.
    assert [value for _, value in last.parameters][-3:] == ["gone;", "giving", "up"]
