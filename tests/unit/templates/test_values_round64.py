"""Sixty-fourth round: a head followed by one error's text that recurs and one other text.

MusicBrainz Picard writes ``Failed to delete file '%s': %s`` with an exception's text after
the head. Two texts followed it: one that followed other heads too (``Cannot connect to host
<*>:<*> ssl:default [...]``, a value) and one that did not (``Invalid config for [worker]:
required key not provided``). Free text needed two tails that recur, or three distinct ones,
so each text made a template of its own. One tail that recurs and any other now make the
head's tail free text, when the one that recurs reads as an error's text with values of its
own (tails.valued_text) and the head ends in a colon and names no subject. Two tails of which
none recurs stay apart, as before (libvirt's ``internal error: ...``).

A tail that follows a head whose tail is free text already (the message joins its template)
is noted as following it, so it can recur (miner._note_value).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.tails import valued_text
from tests.unit.templates.conftest import mine_all

_CONNECT = (
    "Cannot connect to host 10.0.{n}.7:8123 ssl:default [Connect call failed ('10.0.{n}.7', 8123)]"
)
_CONFIG = "Invalid config for [worker]: required key not provided"


def _recurring_heads(text: str) -> list[str]:
    return [f"Error while reading '/srv/a{n}': {text.format(n=n)}" for n in range(3)] + [
        f"Failed to check local repository status: {text.format(n=n)}" for n in range(3)
    ]


def test_one_recurring_tail_and_another_make_free_text(miners: ServiceMiners) -> None:
    messages = _recurring_heads(_CONNECT)
    messages += [f"Failed to delete file '/data/x{n}.db': {_CONNECT.format(n=n)}" for n in range(3)]
    messages += [f"Failed to delete file '/data/y{n}.db': {_CONFIG}" for n in range(3)]
    templates = mine_all(miners, messages)
    assert set(templates[-6:]) == {"Failed to delete file '<*>': <*>"}


def test_two_tails_none_recurring_stay_apart(miners: ServiceMiners) -> None:
    # Two texts of words, neither a value: since round 92 a masked error's text (``disk quota
    # exceeded``, one ``<*>``) and a chained one are one value's forms (tails.chained_value).
    locked = "file is locked by another process"
    messages = [f"Failed to delete file '/data/x{n}.db': {_CONFIG}" for n in range(3)]
    messages += [f"Failed to delete file '/data/y{n}.db': {locked}" for n in range(3)]
    templates = mine_all(miners, messages)
    assert len(set(templates[-6:])) == 2


def test_a_recurring_text_without_values_is_no_sign(miners: ServiceMiners) -> None:
    busy = "printer not connected or currently busy"
    messages = [f"Cannot start print of {n}: {busy}" for n in range(3)]
    messages += [f"Cannot cancel print of {n}: {busy}" for n in range(3)]
    messages += [f"Cannot load job {n}: {busy}" for n in range(3)]
    messages += [f"Cannot load job {n}: printer doesn't support it" for n in range(3)]
    templates = mine_all(miners, messages)
    assert len(set(templates[-6:])) == 2


def test_a_subject_name_keeps_its_events(miners: ServiceMiners) -> None:
    messages = [f"Remote {n}: Auto set StoragePolicy to {n}" for n in range(3)]
    messages += [f"Other {n}: Auto set StoragePolicy to {n}" for n in range(3)]
    messages += [f"S3 bucket backups: Auto set StoragePolicy to {n}" for n in range(3)]
    messages += ["S3 bucket backups: Sending accumulated directory entries to disk"] * 3
    templates = mine_all(miners, messages)
    assert len(set(templates[-6:])) == 2


def test_a_tail_after_free_text_recurs(miners: ServiceMiners) -> None:
    none = "'NoneType' object has no attribute 'get'"
    messages = _recurring_heads(none)
    messages += [
        f"Failed to start web server: {tail}"
        for tail in (none, "address already in use", "permission denied on socket", none)
    ]
    messages += ["Failed to start web server: timed out"] * 2
    messages += [f"Unable to get iter from path: {none}"] * 2
    messages += ["Unable to get iter from path: timed out"] * 2
    templates = mine_all(miners, messages)
    assert set(templates[-4:]) == {"Unable to get iter from path: <*>"}


def test_an_error_text_opens_with_a_word_and_holds_no_head_nor_key() -> None:
    assert valued_text(("Cannot", "connect", "to", "host", "<*>:<*>"))
    assert not valued_text(("printer", "not", "connected"))  # no value
    assert not valued_text(("<*>,", "can't", "stop", "it"))  # a value first
    assert not valued_text(("tar,", "pid", "<*>"))  # a value the masks left as a word
    assert not valued_text(("Email", "Link", "for", "<*>:", "<*>"))  # a head of its own
    assert not valued_text(("handling", 'failed"', "err=<*>"))  # a key's field
    assert not valued_text(("failed", "<*>"))  # one word


def test_a_sentence_head_keeps_its_endings(miners: ServiceMiners) -> None:
    messages = _recurring_heads(_CONNECT)
    messages += [f"Could not stop the worker. {_CONNECT.format(n=n)}" for n in range(3)]
    messages += ["Could not stop the worker. Retrying it later"] * 3
    templates = mine_all(miners, messages)
    assert len(set(templates[-6:])) == 2
