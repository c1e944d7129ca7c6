"""Forty-sixth round: the one word that differs, in square brackets of its own inside the
message (``Alert for Event [tcp]`` / ``[unix]``, ``status:[btrfs]:`` / ``status:[zfs]:``), is
written where a format puts a value (Ruby's ``[#{x}]``, SLF4J's ``[{}]``) and is a variable
after two values, as a label's value is, not after ``min_distinct_words``; bare words and a word
in brackets in front of the message keep their own counts (``miner._words_vary``).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_a_bracketed_word_at_the_end_is_a_value_after_two(miners: ServiceMiners) -> None:
    messages = ["Alert for Event [tcp]", "Alert for Event [unix]", "Alert for Event [tcp]"]
    assert set(mine_all(miners, messages)) == {"Alert for Event [<*>]"}


def test_a_bracketed_word_amid_the_message_is_a_value_after_two(miners: ServiceMiners) -> None:
    messages = [
        f"Generating report table with taskid [{n}] and options [{o}]"
        for n, o in [(49167, "toml"), (87331, "json"), (90341, "toml")]
    ]
    assert set(mine_all(miners, messages)) == {
        "Generating report table with taskid [<*>] and options [<*>]"
    }


def test_a_labelled_bracketed_word_is_a_value_after_two(miners: ServiceMiners) -> None:
    messages = [f"Scan error status:[{s}]: retrying later" for s in ["btrfs", "zfs", "btrfs"]]
    templates = set(mine_all(miners, messages))
    assert len(templates) == 1
    assert "btrfs" not in next(iter(templates))


def test_bare_words_still_need_three(miners: ServiceMiners) -> None:
    messages = ["Alert for Event tcp", "Alert for Event unix"]
    assert len(set(mine_all(miners, messages))) == 2
