"""Forty-first round: two templates of one length that each hold a variable where the other
has a word are one event (``_cross_siblings``). Two ways such siblings were missed are closed:
a variable in punctuation of its own (``<*>.`` closing a sentence, ``'<*>'``) now crosses the
word written in that punctuation (``json.``), as a bare ``<*>`` crosses a bare word; and the
positions after a head ending in ``:`` (``TRACE: package[jq] <*> ...``) cross as those before
it do, but for a last token right after such a head (a tail of one token, tails.py's).
"""

from __future__ import annotations

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.miner import _crossed, _word_under
from tests.unit.templates.conftest import mine_all


def _split(text: str) -> list[str]:
    return text.split()


def test_a_variable_in_punctuation_covers_a_word_in_the_same_punctuation() -> None:
    assert _word_under("<*>", "json")
    assert _word_under("<*>.", "json.")
    assert _word_under("'<*>'", "'tcp4'")
    assert _word_under("(<*>),", "(main),")


def test_a_variable_does_not_cover_other_punctuation_digits_or_a_masked_token() -> None:
    assert not _word_under("<*>.", "json")  # no period: another place in the sentence
    assert not _word_under("'<*>'", "tcp4")
    assert not _word_under("<*>.", "42.")  # no letters: a number is masked, not a word
    assert not _word_under("v<*>.", "v2x.")  # a prefix with letters is a masked shape
    assert not _word_under("<*>", "<*>:<*>")
    assert not _word_under("<*>:<*>", "a:b")


def test_siblings_cross_at_a_sentence_period() -> None:
    mine = _split("Hex.pm reported HTTP code PATCH when requesting metadata for <*>.")
    theirs = _split("Hex.pm reported HTTP code <*> when requesting metadata for json.")
    assert _crossed(mine, theirs) == [4]
    assert _crossed(theirs, mine) == [9]


def test_siblings_cross_after_a_head_ending_in_a_colon() -> None:
    mine = _split("TRACE: package[nginx] <*> not installed, installing <*>")
    theirs = _split("TRACE: <*> delta not installed, installing <*>")
    assert _crossed(mine, theirs) == [1]
    assert _crossed(theirs, mine) == [2]


def test_a_method_and_a_format_each_fixed_once_make_one_template() -> None:
    methods = ["GET", "POST", "PUT", "HEAD", "PATCH", "DELETE"]
    messages = [
        f"Hex.pm reported HTTP code {m} when requesting metadata for json." for m in methods
    ]
    messages += [
        f"Hex.pm reported HTTP code PATCH when requesting metadata for {f}."
        for f in ("yaml", "toml", "xml")
    ]
    messages.append("Hex.pm reported HTTP code GET when requesting metadata for yaml.")
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert texts == ["Hex.pm reported HTTP code <*> when requesting metadata for <*>."] * 10


def test_siblings_after_a_level_label_make_one_template() -> None:
    messages = [
        "TRACE: package[nginx] atlas not installed, installing 790768240",
        "TRACE: package[nginx] gateway not installed, installing 973299177",
        "TRACE: package[nginx] hermes not installed, installing 12345",
        "TRACE: package[curl] delta not installed, installing 4444",
        "TRACE: package[jq] delta not installed, installing 5555",
        "TRACE: package[git] delta not installed, installing 6666",
        "TRACE: package[ntp] delta not installed, installing 7777",
        "TRACE: package[curl] kitchen not installed, installing 8888",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert texts == ["TRACE: <*> <*> not installed, installing <*>"] * 8


def test_siblings_that_differ_in_a_word_on_both_sides_stay_apart() -> None:
    mine = _split("TRACE: package[nginx] atlas not installed, installing <*>")
    theirs = _split("TRACE: <*> delta not installed, installing <*>")
    assert _crossed(mine, theirs) == []
    assert _crossed(_split("Finished <*> check."), _split("Finished disk scan.")) == []


def test_a_tail_of_one_token_after_a_head_does_not_cross() -> None:
    mine = _split("Unable to rename <*> to x. Error: EOF")
    theirs = _split("Unable to rename alpha to x. Error: <*>")
    assert _crossed(mine, theirs) == []
    assert _crossed(theirs, mine) == []
