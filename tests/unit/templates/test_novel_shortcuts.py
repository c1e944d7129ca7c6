"""The shortcuts for novel lines (docs/templates.md, "Novel lines, 2026-12-07") against the code
they replace: each reference below is the code before, and every test fails if a shortcut
gives anything else on any input."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.templates import lists, tails, tokenising
from pipeline.templates.config import MinerConfig
from pipeline.templates.errtexts import CHAIN_FIRST_WORDS, FIRST_WORDS
from pipeline.templates.masking import MONTHS, UNIT_TOKENS, WILDCARD, Masker
from pipeline.templates.stats import Counters
from pipeline.templates.tokenising import Tokeniser


def _stops_before(tokens: list[str]) -> list[int]:
    return [
        i
        for i in range(len(tokens) - 1)
        if tokens[i][-1:] in tails._ENDS
        or (i and (tokens[i - 1], tokens[i]) in tails._CAUSES)
        or tokens[i + 1][:2] == "=>"
    ]


def _plain_word(token: str) -> bool:
    return WILDCARD not in token and token.upper() != token.lower()


def _fields_before(tokens: list[str], end: int) -> bool:
    return (
        all(WILDCARD in tokens[i + 1] or not _plain_word(tokens[i]) for i in range(end))
        and WILDCARD in tokens[end]
    )


def _all_head_ends_before(tokens: list[str]) -> tuple[list[int], list[int]]:
    stops = _stops_before(tokens)
    labelled: list[int] = []
    ends: list[int] = []
    if not stops:
        return labelled, ends
    words = 0
    sentence = False
    start = 0
    for end in stops:
        for token in tokens[start : end + 1]:
            if _plain_word(token):
                words += 1
                sentence = sentence or (
                    token[-1] != ":"
                    and not (token[0] == "[" and token[-1] == "]")
                    and token not in tails.SEVERITIES
                )
        start = end + 1
        last = tokens[end]
        if last[-1:] not in tails._ENDS:
            if words >= 2 and sentence:
                labelled.append(end)
                ends.append(end)
        elif last[-1] == ".":
            if words >= 2 and sentence and tails._SENTENCE_END.fullmatch(tokens[end]):
                labelled.append(end)
                ends.append(end)
        else:
            labelled.append(end)
            if (
                words >= 2
                and sentence
                and not tails._named_label(tokens, end)
                and not _fields_before(tokens, end)
            ):
                ends.append(end)
    return labelled, ends


def _open_ends_before(tokens: list[str]) -> list[int]:
    found: list[int] = []
    words = 0
    for index in range(len(tokens) - 1):
        token = tokens[index]
        if _plain_word(token):
            words += 1
            if words >= 2 and re.fullmatch(r"[A-Za-z]+", token):
                found.append(index)
    return found


def _key_before(token: str) -> str:
    if WILDCARD in token:
        return WILDCARD
    for quote in "\"'":
        first = token.find(quote)
        if first >= 0 and token.find(quote, first + 1) > first:
            return WILDCARD
    return token


def _free_tail_end_before(tokens: list[str], labels: bool = False) -> int | None:
    if len(tokens) < 2:
        return None
    if tokens[-1] == WILDCARD:
        start = len(tokens) - 1
        while start > 0 and tokens[start - 1] == WILDCARD:
            start -= 1
        end = start - 1
        if end in _all_head_ends_before(tokens)[0 if labels else 1] or (
            labels and end in _open_ends_before(tokens)
        ):
            return end
    if not any(
        token[:1] == '"' or token[:4] == f'{WILDCARD}"' or token == f"{WILDCARD};"
        for token in tokens
    ):
        return None
    for end in _all_head_ends_before(tokens)[0 if labels else 1]:
        close = tails.quote_close(tokens, end)
        if (
            close is not None
            and tokens[close] == tails._closed(tokens[close])
            and all(token == WILDCARD for token in tokens[end + 1 : close])
        ):
            return end
    return None


def _calls_before(heads: set[tuple[str, ...]]) -> int:
    if len(heads) < 2:
        return len(heads)
    size = min(map(len, heads))
    top = max(
        (head for head in heads if len(head) == size),
        key=lambda head: (sum(WILDCARD in t for t in head), -sum(map(len, head))),
    )
    return 1 if all(head is top or tails._covers(top, head[:size]) for head in heads) else 2


# Tokens that end heads or keep them from ending: colons and full stops, the causes' words, an
# arrow, values, quotes and their closes, labels, brackets, severities, non-ASCII letters.
_HEAD_TOKENS = [
    "failed",
    "Failed",
    "with",
    "due",
    "to",
    "caused",
    "by",
    "because",
    "of",
    "=>java.net.Error:",
    "=>",
    "a=",
    ">b",
    "x=>y",
    "error:",
    "open",
    "<*>:",
    "<*>",
    "<*>.",
    '<*>"',
    "<*>;",
    '"<*>".',
    '"msg',
    "'quoted'",
    "it's",
    "done.",
    "e.g.",
    "v1.",
    "live).",
    "[MONITOR]",
    "[A]:",
    "DEBUG",
    "WARN:",
    "plugin:",
    "ceph",
    "java",
    "value:",
    "Über.",
    "café",
    "é:",
    "42",
    ":",
    ".",
    "File",
    "line",
    "(drive",
    "<*>):",
    "warning:",
    "recv_loop(<*>):",
    "recv_loop(main):",
]
TOKEN_LISTS = st.lists(
    st.one_of(
        st.sampled_from(_HEAD_TOKENS),
        st.text(alphabet="ab:.;\"'<*>=[]( )Ü1", min_size=1, max_size=6),
    ),
    max_size=12,
)


@pytest.mark.timeout(60)
@settings(max_examples=3000, deadline=None)
@given(TOKEN_LISTS)
def test_head_ends_agree_with_the_code_before(tokens: list[str]) -> None:
    assert tails._stops(tokens) == _stops_before(tokens)
    assert tails.all_head_ends(tokens) == _all_head_ends_before(tokens)
    assert tails.open_ends(tokens) == _open_ends_before(tokens)
    for labels in (False, True):
        assert tails.free_tail_end(tokens, labels) == _free_tail_end_before(tokens, labels)
    for end in range(len(tokens)):
        assert tails._fields(tokens, end) == _fields_before(tokens, end)
    for token in tokens:
        assert tails._key(token) == _key_before(token)
        assert tails.is_label(token) == (re.fullmatch(r"[A-Za-z][A-Za-z_.-]*:", token) is not None)


@pytest.mark.timeout(60)
@settings(max_examples=1000, deadline=None)
@given(st.lists(TOKEN_LISTS.filter(bool), min_size=1, max_size=5))
def test_calls_agree_with_the_code_before(heads: list[list[str]]) -> None:
    keyed = {tuple(head) for head in heads}
    assert tails.calls(keyed) == _calls_before(keyed)


def test_head_ends_of_the_shortcut_cases() -> None:
    # A cause and an arrow take the pairs' path; colons and full stops the shortcut.
    for tokens in (
        ["Remote", "connection", "failed", "with", "<*>"],
        ["Server", "exception", "=>java.net.ConnectException:", "refused"],
        ["Failed", "to", "load", "locale", "file.", "<*>"],
        ["Received", "disconnect", "from", "<*>:", "<*>"],
        ["dial", "tcp", "<*>:", "connect:", "connection", "refused"],
    ):
        assert tails.all_head_ends(tokens) == _all_head_ends_before(tokens), tokens
    assert tails.all_head_ends(["Remote", "connection", "failed", "with", "<*>"]) == ([3], [3])


class _NoShortcut:
    """Stands for tokenising._MARKED: every message is marked, so every check runs."""

    def isdisjoint(self, other: object) -> bool:
        return False


_WORDS = [
    "Jul",
    "1",
    "07:57:30",
    "2005",
    "Fri",
    "No",
    "such",
    "file",
    "or",
    "directory",
    "Permission",
    "denied",
    "dial",
    "tcp",
    "read",
    "10.0.0.1:443:",
    "5",
    "ms",
    "KB",
    "bytes",
    "s,",
    "err=timeout",
    "error:",
    "java.io.IOException:",
    "Exception",
    "Error",
    '"quoted',
    'text"',
    "<Task",
    "pending>",
    "key=value",
    "user_id=42",
    'msg="hello',
    'world"',
    "path/a.",
    "Next",
    "next",
    "ORA-00942:",
    "connection",
    "refused",
    "Connection",
    "reset",
    "by",
    "peer",
]


@pytest.mark.timeout(60)
@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14), st.randoms())
def test_marked_words_shortcut_agrees_with_every_check(
    words: list[str], rng: random.Random
) -> None:
    message = " ".join(words)
    if rng.random() < 0.3:
        message = "".join(c if not c.isdigit() else rng.choice("0123456789") for c in message)
    fast = Tokeniser(MinerConfig(), Masker(), Counters())
    slow = Tokeniser(MinerConfig(), Masker(), Counters())
    expected = _tokenise_without_shortcut(slow, message)
    assert fast._tokenise(message) == expected


def _tokenise_without_shortcut(
    tokeniser: Tokeniser, message: str
) -> tuple[list[str], list[tuple[str, str]], bool]:
    marked = tokenising._MARKED
    tokenising._MARKED = _NoShortcut()  # type: ignore[assignment]
    try:
        return tokeniser._tokenise(message)
    finally:
        tokenising._MARKED = marked


def test_marked_words_cover_every_check() -> None:
    # The one pass must look for every word the four checks look for.
    for words in (MONTHS, FIRST_WORDS, CHAIN_FIRST_WORDS, UNIT_TOKENS):
        assert words <= tokenising._MARKED


def _bracket_runs_before(tokens: list[str]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    index = 0
    size = len(tokens)
    while index < size:
        if tokens[index][:1] != "[" and lists._GLUED.match(tokens[index]) is None:
            end = lists._comma_run_end(tokens, index)
            if end is not None:
                runs.append((index, end))
                index = end + 1
            else:
                index += 1
            continue
        if lists._LABEL.fullmatch(tokens[index]):
            index += 1
            continue
        depth = 0
        end = index
        while end < size and end - index < lists.MAX_LIST_TOKENS:
            token = tokens[end]
            depth += token.count("[") - token.count("]")
            if depth <= 0:
                break
            end += 1
        if depth <= 0 and end < size:
            runs.append((index, end))
            index = end + 1
        else:
            index += 1
    return runs


_LIST_TOKENS = [
    "[a,",
    "b,",
    "c]",
    "[a",
    "b",
    "c]",
    "[]",
    "[main]:",
    "paths=[a,",
    "key([a,",
    "b])",
    "names:[a",
    "delta,",
    "frontend,",
    "beta",
    "entries,",
    "which",
    "x,",
    ",",
    "[",
    "]",
    "a]b[",
    "[Flutter]:",
    "<*>,",
    "<*>]",
]


@pytest.mark.timeout(60)
@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_LIST_TOKENS),
            st.text(alphabet="ab,[]=(:.- ", min_size=1, max_size=5),
        ),
        max_size=12,
    )
)
def test_lists_agree_with_the_code_before(tokens: list[str]) -> None:
    assert lists.bracket_runs(tokens) == _bracket_runs_before(tokens)
    assert lists.has_list(tokens) == any("[" in token or token[-1:] == "," for token in tokens)


def test_lists_agree_with_the_code_before_on_comma_runs() -> None:
    # Lists without brackets need two items closed by commas and a last one in a row: drawn
    # from a few words so that such runs are common, beside brackets and labels.
    rng = random.Random(7)
    words = ["delta,", "frontend,", "beta", "x,", "entries,", "which", "a.b-c,", "[a,", "b]", "Z,"]
    for _ in range(20000):
        tokens = [rng.choice(words) for _ in range(rng.randint(0, 10))]
        assert lists.bracket_runs(tokens) == _bracket_runs_before(tokens), tokens
    assert lists.bracket_runs(["to", "delta,", "frontend,", "beta", "items"]) == [(1, 3)]
