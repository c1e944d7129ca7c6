"""Eighty-first round: the verb after ``to`` differing alone is another call where the template
holds values after it that the message writes in plain words.

rqlite (Go, ``log.Printf``) logs ``failed to reap %s %s: %s`` (two hashes), ``failed to upload
to %s: %s``, ``failed to create CDC streamer: %s``, ``failed to check WAL size: %s``, ...: once
the hashes made ``failed to reap <*> <*>: <*>``, every other call of six tokens differed from it
in the verb alone (``reap`` / ``create``), its object (``CDC streamer:``) falling under the
template's variables, and three verbs joined them all into ``failed to <*>: <*>``. A verb after
``to`` differing beside other words was already another action (``_verb_after_marker``); it is
now also where it differs alone but the message's words fill the template's variables after it
(``_object_in_words``). youki (Rust, ``tracing``) logs ``failed to {verb} {object} err={}``
alike. A value after ``to`` whose later variables hold values, not words, stays one template.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_the_verb_after_to_is_another_call_where_its_object_is_in_words(
    miners: ServiceMiners,
) -> None:
    messages = [
        "failed to reap 437dcc57fb1b0c7a0f77c0a6fcf97be81d8fa3b3 84c994f2ec8a: i/o timeout",
        "failed to reap 9a1bd2c0e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9 c0ffee12ab34: permission denied",
        "failed to reap 1f2e3d4c5b6a79880716253443526170f9e8d7c6 deadbeef0042: i/o timeout",
        "failed to create CDC streamer: permission denied",
        "failed to check WAL size: i/o timeout",
        "failed to get raft configuration: permission denied",
        "failed to create CDC streamer: i/o timeout",
        "failed to check WAL size: permission denied",
        "failed to get raft configuration: i/o timeout",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {
        "failed to reap <*>: <*>",
        "failed to create CDC streamer: <*>",
        "failed to check WAL size: <*>",
        "failed to get raft configuration: <*>",
    }


def test_the_verb_after_to_with_its_object_before_a_key_is_another_call(
    miners: ServiceMiners,
) -> None:
    messages = [
        "failed to reopen /dev/null err=deadline has elapsed",
        "failed to reopen /dev/tty err=connection reset by peer",
        "failed to sync seccomp err=early eof",
        "failed to drop capabilities err=invalid argument",
        "failed to initialize seccomp err=connection reset by peer",
        "failed to sync seccomp err=broken pipe",
        "failed to drop capabilities err=permission denied",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {
        "failed to reopen <*> err=<*>",
        "failed to sync seccomp err=<*>",
        "failed to drop capabilities err=<*>",
        "failed to initialize seccomp err=<*>",
    }


def test_a_value_after_to_with_values_after_it_stays_one_template(miners: ServiceMiners) -> None:
    messages = [
        # One call's verb-like value after ``to`` with values after it: still one template.
        "Switching to primary node 10.0.0.1 after 3 retries",
        "Switching to backup node 10.0.0.2 after 4 retries",
        "Switching to standby node 10.0.0.3 after 5 retries",
        "Switching to primary node 10.0.0.4 after 6 retries",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Switching to <*> node <*> after <*> retries"}
