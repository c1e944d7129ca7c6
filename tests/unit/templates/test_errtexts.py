"""The error texts' search cut by first word finds what the search of all texts finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.templates.errtexts import _LEADING, _PHRASE, _PHRASES_AFTER, _TEXTS, FIRST_WORDS

_WORDS = sorted({word for text in _TEXTS for word in text.split()} | {"x", "ok:", "2"})


def _variants(word: str) -> list[str]:
    return [word, word.lower(), word.upper(), word.capitalize()]


@settings(max_examples=3000, deadline=None)
@given(
    st.sampled_from(sorted(FIRST_WORDS)),
    st.lists(st.sampled_from(_WORDS).flatmap(lambda w: st.sampled_from(_variants(w))), max_size=7),
    st.sampled_from(["", ",", ":", "s", "."]),
)
def test_the_regex_of_a_first_word_matches_as_the_regex_of_all_texts(
    first: str, rest: list[str], glued: str
) -> None:
    words = [first, *rest]
    if rest:
        words[-1] += glued
    text = " ".join(words)
    start = len(first) - len(first.lstrip(_LEADING))
    whole = _PHRASE.match(text, start)
    cut = _PHRASES_AFTER[first[start:].lower()].match(text, start)
    assert (None if whole is None else whole.span()) == (None if cut is None else cut.span())


def test_every_text_is_found_by_the_regex_of_its_first_word() -> None:
    for text in _TEXTS:
        for variant in (text, text.lower(), text.upper()):
            found = _PHRASES_AFTER[variant.split()[0].lower()].match(variant)
            whole = _PHRASE.match(variant)
            assert found is not None and whole is not None and found.span() == whole.span()
