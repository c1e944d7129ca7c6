"""Eighteenth round: two words that name a cause (``failed with``, ``due to``) and a word before
an arrow glued to a value (``exception =>java...``) end a head as a colon does, so what follows
is free text (tails._CAUSES, tails.all_head_ends); a message whose tail opens with the arrow
joins such a free tail at any length (miner._arrowed)."""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.tails import head_ends
from tests.unit.templates.conftest import mine_all


def test_the_cause_after_failed_with_is_free_text(miners: ServiceMiners) -> None:
    causes = [
        "java.net.ConnectException: Connection refused: node-1:2552",
        "Ask timed out after 5000 ms",
        "Network error: connection to 10.0.0.7:2552 reset",
        "Not found: tablet 42 not found",
    ]
    messages = [
        f"Remote connection to [pekko://sys@10.0.0.{i}:2552] failed with {c}"
        for i, c in enumerate(causes)
    ]
    templates = mine_all(miners, messages)
    assert templates[-1] == "Remote connection to [<*>] failed with <*>"
    assert len(set(mine_all(miners, messages))) == 1


def test_cause_words_end_a_head_only_as_a_pair() -> None:
    assert head_ends(["Peer", "discovery", "failed", "at", "peer", "due", "to", "noproc"]) == [6]
    assert head_ends(["connection", "failed", "with", "timeout"]) == [2]
    assert head_ends(["sent", "due", "for", "review", "to", "bob"]) == []


def test_the_value_after_an_arrow_is_free_text(miners: ServiceMiners) -> None:
    errors = [
        "java.net.ConnectException: Connection refused: 10.0.0.7:8983",
        "java.util.concurrent.TimeoutException: timed out after 30000 ms",
        "java.lang.OutOfMemoryError: Java heap space (limit 512 MB)",
    ]
    messages = [f"Server exception =>{error}" for error in errors]
    assert mine_all(miners, messages)[-1] == "Server exception <*>"
    assert set(mine_all(miners, messages)) == {"Server exception <*>"}


def test_a_new_length_after_an_arrow_joins_the_free_tail(miners: ServiceMiners) -> None:
    errors = [
        "java.net.ConnectException: Connection refused: 10.0.0.7:8983",
        "java.util.concurrent.TimeoutException: timed out after 30000 ms",
        "java.lang.OutOfMemoryError: Java heap space (limit 512 MB)",
        "java.nio.file.NoSuchFileException: /var/solr/data/core1",
    ]
    messages = [f"Server exception =>{error}" for error in errors]
    assert mine_all(miners, messages)[-1] == "Server exception <*>"


def test_an_arrow_ends_a_head_only_after_a_sentence() -> None:
    assert head_ends(["Server", "exception", "=>java.io.IOException"]) == [1]
    assert head_ends(["x", "=>y", "z"]) == []
